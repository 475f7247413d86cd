import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from './cronbach-alpha.js';

describe('cronbachAlpha', () => {
  it('equals ICC(3,k) on the Shrout–Fleiss data, judges as items', () => {
    const ratings = [
      [9, 2, 5, 8],
      [6, 1, 3, 2],
      [8, 4, 6, 8],
      [7, 1, 2, 6],
      [10, 5, 6, 9],
      [6, 2, 4, 7],
    ];
    expect(cronbachAlpha(ratings)).toBeCloseTo(0.9093, 4);
  });

  it('matches a hand computation', () => {
    // Items (1,2,3), (2,2,4), (3,4,4): item variances 1, 4/3, 1/3; totals 6, 8, 11 → variance 19/3.
    // α = 3/2 · (1 − (8/3)/(19/3)) = 3/2 · 11/19 = 33/38.
    expect(
      cronbachAlpha([
        [1, 2, 3],
        [2, 2, 4],
        [3, 4, 4],
      ]),
    ).toBeCloseTo(33 / 38, 12);
  });

  it('refuses one case, one item and equal totals', () => {
    expect(() => cronbachAlpha([[1, 2]])).toThrow(/at least 2 cases and 2 items/);
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2 cases and 2 items/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/same total/);
  });
});
