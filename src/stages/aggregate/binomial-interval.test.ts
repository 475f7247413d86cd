import { describe, expect, it } from 'vitest';
import { bootstrapShareInterval, wilsonInterval } from './binomial-interval.js';

describe('bootstrapShareInterval', () => {
  it('keeps a real width at 0/n and n/n (the Wilson interval) instead of collapsing to a point', () => {
    const none = bootstrapShareInterval(0, 20);
    expect(none.low).toBe(0);
    // Wilson upper bound for 0/20 at 95 %: z²/(n + z²) = 3.8415 / 23.8415.
    expect(none.high).toBeCloseTo(3.8415 / 23.8415, 4);
    const all = bootstrapShareInterval(20, 20);
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(1 - 3.8415 / 23.8415, 4);
  });

  it('says nothing is known for n = 0', () => {
    expect(bootstrapShareInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('gives the binomial quantiles inside, and narrows as n grows', () => {
    const small = bootstrapShareInterval(5, 10);
    const large = bootstrapShareInterval(500, 1000);
    expect(small.low).toBeLessThan(0.5);
    expect(small.high).toBeGreaterThan(0.5);
    expect(large.high - large.low).toBeLessThan(small.high - small.low);
    // Binomial(1000, 0.5): 2.5 % and 97.5 % quantiles are 469 and 531.
    expect(large).toEqual({ low: 0.469, high: 0.531 });
  });

  it('matches the textbook Wilson interval for 8/10', () => {
    const interval = wilsonInterval(8, 10);
    expect(interval.low).toBeCloseTo(0.4902, 3);
    expect(interval.high).toBeCloseTo(0.9433, 3);
  });
});
