import { describe, expect, it } from 'vitest';
import { correlate } from './correlation-interval.js';

describe('correlate', () => {
  it('gives the Fisher-z interval of a Pearson correlation', () => {
    // r = √0.6 = 0.774597 on n = 5: z = atanh r = 1.031719, se = 1/√2, z ± 1.959964·se → tanh.
    const estimate = correlate([1, 2, 3, 4, 5], [2, 4, 5, 4, 5], { method: 'pearson' });
    if (estimate.r === null) throw new Error(estimate.reason);
    expect(estimate.r).toBeCloseTo(Math.sqrt(0.6), 10);
    expect(estimate.low).toBeCloseTo(-0.340082, 5);
    expect(estimate.high).toBeCloseTo(0.984236, 5);
  });

  it('widens the Spearman interval by the factor 1.06 in the variance', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const y = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
    const estimate = correlate(x, y, { method: 'spearman' });
    if (estimate.r === null) throw new Error(estimate.reason);
    // Σd² = 10 → ρ = 1 − 6·10/(10·99) = 0.939394.
    expect(estimate.r).toBeCloseTo(0.939394, 6);
    const se = Math.sqrt(1.06 / 7);
    expect(estimate.low).toBeCloseTo(Math.tanh(Math.atanh(0.939394) - 1.959964 * se), 5);
  });

  it('gives a reason, not NaN, for constant series and too few pairs', () => {
    expect(correlate([1, 2, 3, 4], [5, 5, 5, 5], { method: 'pearson' })).toMatchObject({
      r: null,
      reason: 'one side has zero variance',
    });
    expect(correlate([1, 2, 3], [1, 2, 3], { method: 'spearman' })).toMatchObject({
      r: null,
      reason: 'needs at least 4 pairs (got 3)',
    });
  });
});
