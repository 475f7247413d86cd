import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, meanCoefficientOfVariation } from './coefficient-of-variation.js';

describe('coefficientOfVariation', () => {
  it('is the sample standard deviation over the mean', () => {
    // mean 4, sample sd sqrt(((2)^2+0+(2)^2)/2) = 2 → 0.5
    expect(coefficientOfVariation([2, 4, 6])).toBeCloseTo(0.5, 12);
  });

  it('has no value for a non-positive mean or a single value', () => {
    expect(coefficientOfVariation([0, 0, 0])).toBeNull();
    expect(coefficientOfVariation([-1, 1, -3])).toBeNull();
    expect(coefficientOfVariation([5])).toBeNull();
  });

  it('averages over the cases that have one', () => {
    expect(
      meanCoefficientOfVariation([
        [2, 4, 6],
        [1, 1, 1],
        [0, 0, 0],
      ]),
    ).toEqual({ value: 0.25, cases: 2 });
  });
});
