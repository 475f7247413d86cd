import { describe, expect, it } from 'vitest';
import { intraclassCorrelations } from './icc.js';
import { InsufficientDataError } from './insufficient-data.js';

// Shrout & Fleiss (1979): six targets rated by four judges (validation-data.md).
const SHROUT_FLEISS = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('intraclassCorrelations', () => {
  it('reproduces the six Shrout–Fleiss values', () => {
    const byForm = Object.fromEntries(intraclassCorrelations(SHROUT_FLEISS).map((icc) => [icc.form, icc]));
    expect(byForm['ICC(1,1)']!.value).toBeCloseTo(0.1657, 4);
    expect(byForm['ICC(2,1)']!.value).toBeCloseTo(0.2898, 4);
    expect(byForm['ICC(3,1)']!.value).toBeCloseTo(0.7148, 4);
    expect(byForm['ICC(1,k)']!.value).toBeCloseTo(0.4428, 4);
    expect(byForm['ICC(2,k)']!.value).toBeCloseTo(0.6201, 4);
    expect(byForm['ICC(3,k)']!.value).toBeCloseTo(0.9093, 4);
  });

  it('gives the F tests and the McGraw–Wong F-based 95 % intervals, to two digits', () => {
    const byForm = Object.fromEntries(intraclassCorrelations(SHROUT_FLEISS).map((icc) => [icc.form, icc]));
    expect(byForm['ICC(1,1)']!.f).toBeCloseTo(1.79, 2);
    expect([byForm['ICC(1,1)']!.df1, byForm['ICC(1,1)']!.df2]).toEqual([5, 18]);
    expect(byForm['ICC(3,1)']!.f).toBeCloseTo(11.03, 2);
    expect([byForm['ICC(3,1)']!.df1, byForm['ICC(3,1)']!.df2]).toEqual([5, 15]);
    const expected: Record<string, [number, number]> = {
      'ICC(1,1)': [-0.13, 0.72],
      'ICC(2,1)': [0.02, 0.76],
      'ICC(3,1)': [0.34, 0.95],
      'ICC(1,k)': [-0.88, 0.91],
      'ICC(2,k)': [0.07, 0.93],
      'ICC(3,k)': [0.68, 0.99],
    };
    for (const [form, [low, high]] of Object.entries(expected)) {
      expect(byForm[form]!.low, `${form} low`).toBeCloseTo(low, 2);
      expect(byForm[form]!.high, `${form} high`).toBeCloseTo(high, 2);
    }
  });

  it('is 1 with a point interval when every rater agrees exactly', () => {
    const icc = intraclassCorrelations([
      [1, 1],
      [2, 2],
      [5, 5],
    ]);
    expect(icc.every((estimate) => estimate.value === 1 && estimate.low === 1 && estimate.high === 1)).toBe(
      true,
    );
  });

  it('gives finite intervals when raters differ only by a constant shift', () => {
    const icc = intraclassCorrelations([
      [1, 2],
      [2, 3],
      [5, 6],
      [7, 8],
    ]);
    for (const estimate of icc) {
      expect(Number.isFinite(estimate.low) && Number.isFinite(estimate.high), estimate.form).toBe(true);
      expect(estimate.low, estimate.form).toBeLessThanOrEqual(estimate.value + 1e-12);
      expect(estimate.high, estimate.form).toBeGreaterThanOrEqual(estimate.value - 1e-12);
    }
    // Consistency (form 3) is perfect; absolute agreement (forms 1 and 2) is not.
    expect(icc.find((estimate) => estimate.form === 'ICC(3,1)')!.value).toBe(1);
    expect(icc.find((estimate) => estimate.form === 'ICC(2,1)')!.value).toBeLessThan(1);
  });

  it('refuses a single target, a single rater and constant scores with a typed error', () => {
    expect(() => intraclassCorrelations([[1, 2, 3]])).toThrow(InsufficientDataError);
    expect(() => intraclassCorrelations([[1], [2]])).toThrow(/at least 2 targets and 2 raters/);
    expect(() =>
      intraclassCorrelations([
        [3, 3],
        [3, 3],
      ]),
    ).toThrow(/every score is the same/);
  });
});
