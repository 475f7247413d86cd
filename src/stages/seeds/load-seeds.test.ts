import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { ConfigError } from '../../core/errors.js';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../../core/theories.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { BUILTIN_SEED_POOLS } from './builtin-pools.js';
import { loadSeeds } from './load-seeds.js';

const tmp = useTmpDir();
const schwartz = { theory: SCHWARTZ_THEORY };

function file(name: string, text: string | Buffer): string {
  const path = join(tmp(), name);
  writeFileSync(path, text);
  return path;
}

describe('loadSeeds', () => {
  it('builtin follows the run theory; builtin:NAME picks a pool', async () => {
    expect(await loadSeeds('builtin', schwartz)).toEqual(BUILTIN_SEED_POOLS.schwartz);
    expect(await loadSeeds('builtin', { theory: MFT_THEORY })).toEqual(BUILTIN_SEED_POOLS.mft);
    expect(await loadSeeds('builtin:mft', schwartz)).toEqual(BUILTIN_SEED_POOLS.mft);
    const custom: ValueTheory = { ...SCHWARTZ_THEORY, id: 'mine' };
    await expect(loadSeeds('builtin', { theory: custom })).rejects.toThrow(
      /no built-in seeds for theory "mine"/,
    );
    await expect(loadSeeds('builtin:mtf', schwartz)).rejects.toThrow(/unknown seed pool.*did you mean "mft"/);
  });

  it('filters by category name or id, in any case, and names an unknown category', async () => {
    const seeds = await loadSeeds('builtin', {
      ...schwartz,
      categories: ['economics', 'LAW, JUSTICE & HUMAN RIGHTS'],
    });
    expect(new Set(seeds.map((seed) => seed.category))).toEqual(
      new Set(['Economics & Business', 'Law, Justice & Human Rights']),
    );
    const expected = BUILTIN_SEED_POOLS.schwartz.filter(
      (seed) => seed.category === 'Economics & Business' || seed.category === 'Law, Justice & Human Rights',
    );
    expect(seeds).toEqual(expected);
    await expect(loadSeeds('builtin', { ...schwartz, categories: ['sport'] })).rejects.toThrow(
      /no seeds in category "sport"/,
    );
  });

  it('limits deterministically, balanced across categories, different with another seed', async () => {
    const first = await loadSeeds('builtin', { ...schwartz, limit: 18, seed: 7 });
    const again = await loadSeeds('builtin', { ...schwartz, limit: 18, seed: 7 });
    const other = await loadSeeds('builtin', { ...schwartz, limit: 18, seed: 8 });
    expect(again).toEqual(first);
    expect(other.map((seed) => seed.id)).not.toEqual(first.map((seed) => seed.id));
    expect(new Set(first.map((seed) => seed.id)).size).toBe(18);
    const perCategory = new Map<string, number>();
    for (const seed of first) perCategory.set(seed.category!, (perCategory.get(seed.category!) ?? 0) + 1);
    expect([...perCategory.values()]).toEqual(Array(9).fill(2));
    // A limit of 10 over 9 categories: one each, then one more.
    const ten = await loadSeeds('builtin', { ...schwartz, limit: 10, seed: 7 });
    expect(new Set(ten.slice(0, 9).map((seed) => seed.category)).size).toBe(9);
    expect(await loadSeeds('builtin', { ...schwartz, limit: 1000 })).toHaveLength(
      BUILTIN_SEED_POOLS.schwartz.length,
    );
    await expect(loadSeeds('builtin', { ...schwartz, limit: 0 })).rejects.toThrow(/whole number ≥ 1/);
  });

  it('reads TXT and JSONL seed files relative to baseDir, deduplicating on case, spaces and punctuation', async () => {
    const txt = file(
      'mine.txt',
      '# my seeds\nShould zoos exist?\n\n  should   ZOOS exist ?\n- Is art useful?\n',
    );
    const dir = join(txt, '..');
    expect(await loadSeeds('mine.txt', { ...schwartz, baseDir: dir })).toEqual([
      { id: expect.stringMatching(/^seed-[0-9a-f]{10}$/), text: 'Should zoos exist?', source: 'mine.txt' },
      { id: expect.stringMatching(/^seed-[0-9a-f]{10}$/), text: 'Is art useful?', source: 'mine.txt' },
    ]);
    const jsonl = file(
      'mine.jsonl',
      [
        '{"id": 1, "question": "Should zoos exist?", "category": "Science", "target_value": "universalism"}',
        '{"text": "Should zoos exist!!", "category": "Other"}',
        '{"text": "Is art useful?", "source": "mine", "category": "Arts"}',
      ].join('\n'),
    );
    await expect(loadSeeds(jsonl, { ...schwartz, categories: ['economics'] })).rejects.toThrow(
      /no seeds in category "economics".*categories: Science; Arts/,
    );
    expect(await loadSeeds(jsonl, { ...schwartz, categories: ['science'] })).toEqual([
      {
        id: '1',
        text: 'Should zoos exist?',
        category: 'Science',
        source: 'mine.jsonl',
        targetValue: 'universalism',
      },
    ]);
  });

  it('reads a ValueBench CSV, items repeated under several values included, and a plain CSV', async () => {
    const valueBench = file(
      'vb.csv',
      [
        'questionnaire,item,value,agreement,question',
        'PVQ40,Item one,Self-Direction,1,Should I make my own decisions?',
        'NFCC,Item two,Decisiveness,1,"Should I decide quickly, always?"',
        'NFCC,Item two,Closed-Mindedness,1,"Should I decide quickly, always?"',
      ].join('\n'),
    );
    const seeds = await loadSeeds(valueBench, schwartz);
    expect(seeds.map((seed) => [seed.text, seed.targetValue, seed.source])).toEqual([
      ['Should I make my own decisions?', 'self_direction', 'valuebench:PVQ40'],
      ['Should I decide quickly, always?', 'Decisiveness', 'valuebench:NFCC'],
    ]);
    const plain = file('plain.csv', 'id,question,category\na,Should taxes rise?,Economics\n');
    expect(await loadSeeds(plain, schwartz)).toEqual([
      { id: 'a', text: 'Should taxes rise?', category: 'Economics' },
    ]);
  });

  it('turns bad files into one-line errors naming file and line', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.txt', '  \n', /empty\.txt: empty file/],
      ['latin1.txt', Buffer.from('Should we?\nCaf\xe9 culture?\n', 'latin1'), /latin1\.txt:2: not UTF-8/],
      ['broken.jsonl', '{"text": "Fine?"}\n{nope\n', /broken\.jsonl:2: invalid JSON/],
      ['no-text.jsonl', '{"category": "x"}\n', /no-text\.jsonl:1: expected an object|missing seed text/],
      ['seeds.yaml', 'x', /unknown seed file type/],
    ];
    for (const [name, text, message] of cases) {
      const error = await loadSeeds(file(name, text), schwartz).catch((caught: unknown) => caught);
      expect(error, name).toBeInstanceOf(ConfigError);
      expect((error as Error).message, name).toMatch(message);
      expect((error as Error).message, name).not.toContain('\n');
    }
    await expect(loadSeeds(join(tmp(), 'missing.txt'), schwartz)).rejects.toThrow(
      /missing\.txt: seed file not found/,
    );
    await expect(loadSeeds(tmp(), schwartz)).rejects.toThrow(/unknown seed file type/);
  });
});
