import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MFT_VALUE_IDS, SCHWARTZ_VALUE_IDS } from '../../core/theories.js';
import { BUILTIN_SEED_POOLS } from './builtin-pools.js';
import { SEED_CATEGORY_NAMES } from './categories.js';
import { comparableSeedText } from './seed-text.js';

function tally(values: (string | undefined)[]): Map<string | undefined, number> {
  const counts = new Map<string | undefined, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Constructions that turn a generic seed into a trade-off between two values (docs/seeds.md). */
const TRADE_OFF_MARKERS =
  /\b(even if|even when|even though|rather than|at the cost of|instead of|at the expense of)\b/i;

const pools = [
  { id: 'schwartz', prefix: 'seed-sch-', values: SCHWARTZ_VALUE_IDS, minimum: 150, perValue: 10 },
  { id: 'mft', prefix: 'seed-mft-', values: MFT_VALUE_IDS, minimum: 25, perValue: 5 },
] as const;

describe('built-in seed pools', () => {
  for (const pool of pools) {
    const seeds = BUILTIN_SEED_POOLS[pool.id];

    it(`${pool.id}: at least ${pool.minimum} seeds with unique numbered ids and the built-in source`, () => {
      expect(seeds.length).toBeGreaterThanOrEqual(pool.minimum);
      expect(seeds.map((seed) => seed.id)).toEqual(
        seeds.map((_, index) => `${pool.prefix}${String(index + 1).padStart(3, '0')}`),
      );
      for (const seed of seeds) expect(seed.source).toBe('adaem-builtin');
    });

    it(`${pool.id}: every value has at least ${pool.perValue} seeds and no seed names another theory's value`, () => {
      const counts = tally(seeds.map((seed) => seed.targetValue));
      for (const value of pool.values) expect(counts.get(value) ?? 0).toBeGreaterThanOrEqual(pool.perValue);
      expect(
        [...counts.keys()].every((value) => (pool.values as readonly (string | undefined)[]).includes(value)),
      ).toBe(true);
    });

    it(`${pool.id}: short generic yes/no questions, none repeated even loosely`, () => {
      for (const seed of seeds) {
        expect(seed.text, seed.id).toMatch(/^[A-Z][^?]*\?$/);
        expect(seed.text.split(/\s+/).length, seed.id).toBeLessThanOrEqual(16);
        expect(seed.text, seed.id).toMatch(/^(Should|Is|Do|Does|Are|Can|Would)\b/);
      }
      const texts = seeds.map((seed) => comparableSeedText(seed.text));
      expect(new Set(texts).size).toBe(texts.length);
    });

    it(`${pool.id}: no seed sets one value against another or names a place, actor, date or number`, () => {
      for (const seed of seeds) {
        expect(seed.text, seed.id).not.toMatch(TRADE_OFF_MARKERS);
        // Only the first word is capitalised: no named place, organisation, person or month.
        expect(seed.text.slice(1), seed.id).not.toMatch(/\b[A-Z]/);
        expect(seed.text, seed.id).not.toMatch(/\d/);
      }
    });

    it(`${pool.id}: the seeds vary their form`, () => {
      const openers = tally(seeds.map((seed) => seed.text.split(' ')[0]));
      expect(openers.size).toBeGreaterThanOrEqual(3);
      for (const [opener, count] of openers) expect(count, opener).toBeLessThanOrEqual(seeds.length * 0.6);
    });
  }

  it('schwartz: every one of the nine categories has at least 10 seeds', () => {
    const counts = tally(BUILTIN_SEED_POOLS.schwartz.map((seed) => seed.category));
    expect(SEED_CATEGORY_NAMES).toHaveLength(9);
    for (const name of SEED_CATEGORY_NAMES) expect(counts.get(name) ?? 0).toBeGreaterThanOrEqual(10);
    expect(counts.size).toBe(9);
  });

  it('no seed repeats a question of the bundled evaluation set', () => {
    const bank = readFileSync(
      new URL('../../../examples/questions/sandbox-tradeoffs.jsonl', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map((line) => comparableSeedText((JSON.parse(line) as { text: string }).text));
    const seeds = [...BUILTIN_SEED_POOLS.schwartz, ...BUILTIN_SEED_POOLS.mft].map((seed) =>
      comparableSeedText(seed.text),
    );
    expect(bank.length).toBeGreaterThan(0);
    expect(seeds.filter((text) => bank.includes(text))).toEqual([]);
  });
});
