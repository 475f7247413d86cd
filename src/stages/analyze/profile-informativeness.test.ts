import { describe, expect, it } from 'vitest';
import { profileInformativeness } from './profile-informativeness.js';

describe('profileInformativeness', () => {
  it('averages pairwise Pearson and per-profile standard deviations', () => {
    // a and b agree (r = 1), a and c are opposed (r = −1), b and c too: mean −1/3.
    const result = profileInformativeness([
      [1, 2, 3],
      [2, 4, 6],
      [3, 2, 1],
    ]);
    expect(result.meanPairwisePearson).toBeCloseTo(-1 / 3, 12);
    expect(result.pairs).toBe(3);
    // Sample sds 1, 2, 1 → mean 4/3.
    expect(result.meanStdAcrossValues).toBeCloseTo(4 / 3, 12);
  });

  it('leaves flat profiles out of the correlation and says so', () => {
    const result = profileInformativeness([
      [1, 2, 3],
      [5, 5, 5],
    ]);
    expect(result).toEqual({ meanPairwisePearson: null, pairs: 0, flatPairs: 1, meanStdAcrossValues: 0.5 });
  });

  it('refuses one model and too few values', () => {
    expect(() => profileInformativeness([[1, 2, 3]])).toThrow(/at least 2 models \(got 1\)/);
    expect(() =>
      profileInformativeness([
        [1, 2],
        [2, 1],
      ]),
    ).toThrow(/at least 3 values/);
  });
});
