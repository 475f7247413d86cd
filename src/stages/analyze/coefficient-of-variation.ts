import { coefficientOfVariation as libraryCoefficientOfVariation } from 'simple-statistics';

/** Sample standard deviation over the mean (simple-statistics); null, with no meaning, when the mean is not positive or n < 2. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (!(mean > 0)) return null;
  return libraryCoefficientOfVariation([...values]);
}

/**
 * Mean coefficient of variation over cases (rows of cases × repeats): how much a figure moves from
 * one repeat (fold) to the next, relative to its size. Cases whose mean is not positive are left out.
 */
export function meanCoefficientOfVariation(rows: readonly (readonly number[])[]): {
  value: number | null;
  cases: number;
} {
  const values = rows.map(coefficientOfVariation).filter((value): value is number => value !== null);
  return {
    value: values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length,
    cases: values.length,
  };
}
