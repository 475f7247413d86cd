import { describe, expect, it } from 'vitest';
import { hashString, prefix, unitFrom, unitHash } from './hash.js';

const keys: (string | number)[][] = [
  [],
  [''],
  ['rank', 0],
  [123456789, 'rank', 9],
  ['judge-error', 42, 'atlas', '1. Personal freedom: people deserve the right', 7],
  ['refuse', '42||0|atlas', 'Should cities ban cars from their centres by 2030?'],
  [0.7, -3, 'ünïcödé ✓', ''],
];

describe('unitHash', () => {
  it('equals the hash of the parts joined with U+0001', () => {
    for (const parts of keys) {
      expect(unitHash(...parts)).toBe(hashString(parts.join('\u0001')) / 4294967296);
    }
  });

  it('gives the same draw from a shared prefix state', () => {
    for (const parts of keys.filter((key) => key.length > 0)) {
      expect(unitFrom(prefix(...parts.slice(0, -1)), parts.at(-1)!)).toBe(unitHash(...parts));
    }
  });

  it('draws differ when a part differs', () => {
    expect(unitHash('rank', 1)).not.toBe(unitHash('rank', 2));
    expect(unitHash('ab', 'c')).not.toBe(unitHash('a', 'bc'));
  });
});
