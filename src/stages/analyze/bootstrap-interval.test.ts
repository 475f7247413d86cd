import { describe, expect, it } from 'vitest';
import { bootstrapIntervals, quantileSorted } from './bootstrap-interval.js';

const mean = (values: readonly number[], sample: readonly number[]) =>
  sample.length === 0 ? undefined : sample.reduce((sum, index) => sum + values[index]!, 0) / sample.length;

describe('quantileSorted', () => {
  it('interpolates between order statistics (type 7)', () => {
    // [1, 2, 3, 4]: position (4 − 1)·0.25 = 0.75 → 1 + 0.75·(2 − 1) = 1.75; 0.5 → 1.5 → 2.5.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.975)).toBe(7);
  });
});

describe('bootstrapIntervals', () => {
  it('brackets the mean of 10 ones in 40 near the Binomial(40, 0.25) quantiles 5/40 and 15/40', () => {
    const values = Array.from({ length: 40 }, (_, index) => (index < 10 ? 1 : 0));
    const { share } = bootstrapIntervals({
      size: 40,
      statistics: (sample) => ({ share: mean(values, sample) }),
      draws: 4000,
      seed: 3,
    });
    expect(share).toMatchObject({ draws: 4000 });
    expect(share?.low).toBeCloseTo(0.125, 1);
    expect(share?.high).toBeCloseTo(0.375, 1);
  });

  it('is reproducible from the seed and changes with it', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
    const run = (seed: number) =>
      bootstrapIntervals({ size: 10, statistics: (sample) => ({ mean: mean(values, sample) }), seed });
    expect(run(11)).toEqual(run(11));
    expect(run(11)).not.toEqual(run(12));
  });

  it('gives a reason for a statistic undefined on the full sample, and counts the resamples that define one', () => {
    const values = [1, 0, 0, 0];
    const intervals = bootstrapIntervals({
      size: 4,
      statistics: (sample) => ({
        never: undefined,
        // Defined only in resamples that draw the first unit: 1 − (3/4)⁴ ≈ 68 % of them.
        sometimes: sample.includes(0) ? mean(values, sample) : undefined,
      }),
      draws: 2000,
    });
    expect(intervals.never).toEqual({
      low: undefined,
      high: undefined,
      reason: 'undefined on the full sample',
    });
    const sometimes = intervals.sometimes;
    expect(sometimes?.low).toBeGreaterThan(0);
    if (sometimes?.low === undefined) throw new Error('expected an interval');
    expect(sometimes.draws / 2000).toBeCloseTo(1 - 0.75 ** 4, 1);
  });

  it('collapses to a point when every resample repeats the estimate', () => {
    const intervals = bootstrapIntervals({ size: 5, statistics: () => ({ constant: 1 }), draws: 50 });
    expect(intervals.constant).toEqual({ low: 1, high: 1, draws: 50 });
  });
});
