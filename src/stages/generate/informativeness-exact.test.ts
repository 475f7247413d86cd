import { describe, expect, it } from 'vitest';
import {
  exactInformativeness,
  generalisedJensenShannon,
  toDistribution,
  totalVariation,
} from './informativeness-exact.js';

describe('exact informativeness (Eq. 1 from probabilities)', () => {
  it('is the Jensen–Shannon divergence for two models: ln 2 for disjoint distributions', () => {
    expect(
      generalisedJensenShannon([
        [1, 0],
        [0, 1],
      ]),
    ).toBeCloseTo(Math.log(2), 12);
    expect(
      generalisedJensenShannon([
        [0.5, 0.5],
        [0.5, 0.5],
      ]),
    ).toBe(0);
    // by hand: p = (0.8, 0.2), q = (0.2, 0.8), m = (0.5, 0.5): KL(p‖m) = 0.8 ln 1.6 + 0.2 ln 0.4
    const half = 0.8 * Math.log(1.6) + 0.2 * Math.log(0.4);
    expect(
      generalisedJensenShannon([
        [0.8, 0.2],
        [0.2, 0.8],
      ]),
    ).toBeCloseTo(half, 12);
  });

  it('normalises P(yes) into distributions and averages points per model', () => {
    expect(toDistribution([0.9, 0.3, 0])).toEqual([0.75, 0.25, 0]);
    expect(toDistribution([0, 0])).toEqual([0.5, 0.5]);
    expect(totalVariation([1, 0], [0.25, 0.75])).toBeCloseTo(0.75, 12);
    const terms = exactInformativeness(
      [
        [
          [1, 0],
          [1, 0],
        ],
        [[0, 1]],
      ],
      [1, 0],
    );
    expect(terms.gjs).toBeCloseTo(Math.log(2), 12);
    // TV to the question: model 1 equals it (0), model 2 is opposite (1) → 0.5
    expect(terms.tv).toBeCloseTo(0.5, 12);
    expect(terms.s).toBeCloseTo(Math.log(2) + 0.5, 12);
  });

  it('gives identical answers no divergence and a one-model panel only its disentanglement', () => {
    const same = [[0.7, 0.1, 0.2]];
    expect(exactInformativeness([same, same], [0.7, 0.1, 0.2]).s).toBeCloseTo(0, 12);
    expect(exactInformativeness([same], [0.1, 0.7, 0.2], 2).gjs).toBe(0);
  });
});
