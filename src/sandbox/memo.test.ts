import { describe, expect, it } from 'vitest';
import { BoundedMemo } from './memo.js';

describe('BoundedMemo', () => {
  it('computes once per key and returns the stored value after', () => {
    const memo = new BoundedMemo<string, number>(10);
    let calls = 0;
    const length = (key: string) => {
      calls++;
      return key.length;
    };
    expect(memo.through('abc', length)).toBe(3);
    expect(memo.through('abc', length)).toBe(3);
    expect(calls).toBe(1);
  });

  it('stays within twice its limit and keeps entries that are still used', () => {
    const memo = new BoundedMemo<number, number>(100);
    for (let key = 0; key < 10_000; key++) {
      memo.through(key, (k) => k * 2);
      memo.get(0); // kept warm
      expect(memo.size).toBeLessThanOrEqual(200);
    }
    let recomputed = false;
    memo.through(0, () => {
      recomputed = true;
      return 0;
    });
    expect(recomputed).toBe(false);
    expect(memo.get(5)).toBeUndefined();
    expect(memo.get(9_999)).toBe(19_998);
  });
});
