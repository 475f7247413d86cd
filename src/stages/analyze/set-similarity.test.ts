import { describe, expect, it } from 'vitest';
import { meanCrossSimilarity, meanPairwiseSimilarity } from './set-similarity.js';

const same = (a: number, b: number) => (a === b ? 1 : 0);

describe('set similarity', () => {
  it('averages over the pairs within a set', () => {
    // Pairs of [1, 1, 2]: (1,1) = 1, (1,2) = 0, (1,2) = 0 → 1/3.
    expect(meanPairwiseSimilarity([1, 1, 2], same)).toBeCloseTo(1 / 3, 12);
    expect(meanPairwiseSimilarity([1], same)).toBeNull();
  });

  it('averages over the pairs across two sets', () => {
    // [1, 2] × [1, 1, 3]: 1 + 1 + 0 + 0 + 0 + 0 over 6.
    expect(meanCrossSimilarity([1, 2], [1, 1, 3], same)).toBeCloseTo(1 / 3, 12);
    expect(meanCrossSimilarity([], [1], same)).toBeNull();
  });
});
