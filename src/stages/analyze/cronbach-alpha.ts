import { sampleVariance } from 'simple-statistics';
import { InsufficientDataError } from './insufficient-data.js';

/**
 * Cronbach's α of a cases × items matrix: k/(k−1) · (1 − Σ item variances / variance of the case
 * totals). With the folds of a question set as items, it says how consistently the folds rank the cases.
 */
export function cronbachAlpha(scores: readonly (readonly number[])[]): number {
  const cases = scores.length;
  const items = scores[0]?.length ?? 0;
  if (cases < 2 || items < 2)
    throw new InsufficientDataError(
      `Cronbach's α needs at least 2 cases and 2 items (got ${cases} × ${items})`,
    );
  if (scores.some((row) => row.length !== items || row.some((cell) => !Number.isFinite(cell))))
    throw new InsufficientDataError("Cronbach's α needs a complete matrix of finite numbers");
  const itemVariances = Array.from({ length: items }, (_, item) =>
    sampleVariance(scores.map((row) => row[item]!)),
  );
  const totalVariance = sampleVariance(scores.map((row) => row.reduce((sum, cell) => sum + cell, 0)));
  if (totalVariance === 0)
    throw new InsufficientDataError("every case has the same total: Cronbach's α is undefined");
  const sum = itemVariances.reduce((total, variance) => total + variance, 0);
  return (items / (items - 1)) * (1 - sum / totalVariance);
}
