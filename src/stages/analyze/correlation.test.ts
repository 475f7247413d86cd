import { describe, expect, it } from 'vitest';
import { pearson, ranks, spearman } from './correlation.js';

describe('correlation', () => {
  it('computes Pearson on a hand-checked example', () => {
    // x = 1..5, y = 2,4,5,4,5: cov 1.5 (sample) → r = 0.7745966
    expect(pearson([1, 2, 3, 4, 5], [2, 4, 5, 4, 5])).toBeCloseTo(0.7745967, 6);
  });

  it('gives tied values their average rank', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });

  it('is 1 for any monotone relation and -1 for a reversed one', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 12);
  });
});
