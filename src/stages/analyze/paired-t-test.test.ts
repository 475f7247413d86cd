import { describe, expect, it } from 'vitest';
import { pairedTTest } from './paired-t-test.js';

describe('pairedTTest', () => {
  it('matches a hand computation', () => {
    // Differences 1, 2, 3, 4, 5: mean 3, sd √2.5 = 1.581139, se 0.707107, t = 4.242641, df 4.
    // Two-sided p for t = 4.2426 on 4 df is 0.013236; t(0.975, 4) = 2.776445 → 3 ± 1.963243.
    const result = pairedTTest([10, 10, 10, 10, 10], [11, 12, 13, 14, 15]);
    if (!('t' in result)) throw new Error(result.reason);
    expect(result.meanDifference).toBe(3);
    expect(result.t).toBeCloseTo(4.242641, 5);
    expect(result.df).toBe(4);
    expect(result.p).toBeCloseTo(0.013236, 5);
    expect(result.low).toBeCloseTo(3 - 1.963243, 5);
    expect(result.high).toBeCloseTo(3 + 1.963243, 5);
    expect(result.effectSize).toBeCloseTo(3 / 1.581139, 5);
  });

  it('is symmetric: swapping the series flips the sign and keeps p', () => {
    const a = [3.1, 2.7, 4.4, 5.0, 3.3, 2.9];
    const b = [3.6, 2.5, 4.9, 5.8, 3.9, 3.0];
    const forward = pairedTTest(a, b);
    const backward = pairedTTest(b, a);
    if (!('t' in forward) || !('t' in backward)) throw new Error('no test');
    expect(backward.t).toBeCloseTo(-forward.t, 12);
    expect(backward.p).toBeCloseTo(forward.p, 12);
  });

  it('gives a reason for one pair and for differences without spread', () => {
    expect(pairedTTest([1], [2])).toMatchObject({ reason: 'needs at least 2 pairs (got 1)' });
    expect(pairedTTest([1, 2, 3], [1, 2, 3])).toMatchObject({ reason: 'every pair is unchanged' });
    expect(pairedTTest([1, 2, 3], [2, 3, 4])).toMatchObject({ meanDifference: 1 });
  });
});
