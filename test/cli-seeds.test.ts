import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { loadSeeds } from '../src/stages/seeds/load-seeds.js';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

function jsonLines(text: string): Record<string, string>[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, string>);
}

function expectUsageError(run: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

const TOUCHE_HEADER = 'Argument ID\tConclusion\tStance\tPremise';

describe('adaem seeds list', () => {
  it('prints the pool as a table with counts per category and value', async () => {
    const { code, stdout } = await runCli(['seeds', 'list'], { cwd: tmp() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^id\s+category\s+target value\s+text\n/);
    expect(stdout).toMatch(/\nseed-sch-001\s+Entertainment & Arts\s+\w+\s+\S.*\?\n/);
    const total = Number(stdout.match(/\n(\d+) seeds\n/)![1]);
    expect(total).toBeGreaterThanOrEqual(150);
    expect(stdout).toMatch(/\nper category: .*Economics & Business \d+/);
    expect(stdout).toMatch(/\nper value: .*self_direction \d+/);
  });

  it('filters by category and theory, as JSON', async () => {
    const economics = await runMain(['seeds', 'list', '--category', 'economics', '--json']);
    const seeds = JSON.parse(economics.stdout) as { category: string; source: string }[];
    expect(seeds.length).toBeGreaterThanOrEqual(10);
    expect(new Set(seeds.map((seed) => seed.category))).toEqual(new Set(['Economics & Business']));
    const science = await runMain([
      'seeds',
      'list',
      '--category',
      'Science, Health & Environment',
      '--category',
      'arts',
    ]);
    expect(science.stdout).toMatch(
      /\nper category: Entertainment & Arts \d+; Science, Health & Environment \d+\n/,
    );
    const mft = JSON.parse((await runMain(['seeds', 'list', '--theory', 'mft', '--json'])).stdout);
    expect(mft.length).toBeGreaterThanOrEqual(25);
    expect(mft[0].id).toBe('seed-mft-001');
    const limited = await runMain(['seeds', 'list', '--limit', '9', '--json']);
    expect(new Set(JSON.parse(limited.stdout).map((seed: { category: string }) => seed.category)).size).toBe(
      9,
    );
  });

  it('rejects an unknown category or theory in one line', async () => {
    expectUsageError(await runMain(['seeds', 'list', '--category', 'econmics']), /did you mean "economics"/);
    expectUsageError(await runMain(['seeds', 'list', '--theory', 'mtf']), /--theory: .*did you mean "mft"/);
    expectUsageError(await runMain(['seeds', 'list', '--limit', '0']), /--limit must be a whole number/);
  });
});

describe('adaem seeds import', () => {
  it('valuebench: seed JSONL on stdout, duplicates dropped, theory ids, --per-value and --out', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'value_orientation.csv'),
      [
        'questionnaire,item,value,agreement,question',
        'PVQ40,I like new ideas.,Self-Direction,1,Should I think up new ideas?',
        'PVQ40,I like my own way.,Self-Direction,1,Should I do things my own way?',
        'NFCC,I dislike doubt.,Closed-Mindedness,1,"Should I dislike doubt, always?"',
        'NFCC,I dislike doubt.,Discomfort With Ambiguity,1,"Should I dislike doubt, always?"',
      ].join('\n'),
    );
    const run = await runMain(['seeds', 'import', 'valuebench', join(dir, 'value_orientation.csv')]);
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((seed) => [seed.text, seed.targetValue, seed.source])).toEqual([
      ['Should I think up new ideas?', 'self_direction', 'valuebench:PVQ40'],
      ['Should I do things my own way?', 'self_direction', 'valuebench:PVQ40'],
      ['Should I dislike doubt, always?', 'Closed-Mindedness', 'valuebench:NFCC'],
    ]);
    expect(run.stderr).toMatch(/1 duplicate seed\(s\) dropped/);
    const out = join(dir, 'seeds.jsonl');
    const one = await runMain([
      'seeds',
      'import',
      'valuebench',
      join(dir, 'value_orientation.csv'),
      '--per-value',
      '1',
      '-o',
      out,
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('');
    expect(one.stderr).toMatch(/wrote 2 seed\(s\) to .*seeds\.jsonl/);
    const written = jsonLines(readFileSync(join(dir, 'seeds.jsonl'), 'utf8'));
    expect(written.map((seed) => seed.targetValue)).toEqual(['self_direction', 'Closed-Mindedness']);
    // The file is a seed source adaem reads back unchanged.
    expect(await loadSeeds(join(dir, 'seeds.jsonl'), { theory: SCHWARTZ_THEORY })).toEqual(written);
  });

  it('jsonl and txt: normalised and deduplicated', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.txt'), 'Should zoos exist?\n- should ZOOS exist\n\nIs art   useful?\n');
    const txt = await runMain(['seeds', 'import', 'txt', join(dir, 'mine.txt')]);
    expect(txt.code).toBe(0);
    expect(jsonLines(txt.stdout).map((seed) => [seed.text, seed.source])).toEqual([
      ['Should zoos exist?', 'mine.txt'],
      ['Is art useful?', 'mine.txt'],
    ]);
    writeFileSync(
      join(dir, 'mine.jsonl'),
      '{"id":"x","text":"Is art useful?","category":"Arts"}\n{"text":"Is art useful"}\n',
    );
    const jsonl = await runMain(['seeds', 'import', 'jsonl', join(dir, 'mine.jsonl')]);
    expect(jsonLines(jsonl.stdout)).toEqual([
      { id: 'x', text: 'Is art useful?', category: 'Arts', source: 'mine.jsonl' },
    ]);
  });

  it('bad input: exit 2 with one line naming the file (and line)', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'value_items.csv'),
      'questionnaire,item,value,agreement\nLTO,I plan.,Planning,1\n',
    );
    writeFileSync(join(dir, 'empty.txt'), '\n\n');
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Is it fine?\nIs caf\xe9 fine?\n', 'latin1'));
    writeFileSync(join(dir, 'args.csv'), 'Argument ID,Conclusion,Stance,Premise\nA1,x,y,z\n');
    writeFileSync(join(dir, 'short.tsv'), `${TOUCHE_HEADER}\nA1\tWe should ban zoos\n`);
    const cases: [string, string, string[], RegExp][] = [
      ['valuebench', 'value_items.csv', [], /^adaem: \S*value_items\.csv:1: missing column "question"/],
      ['txt', 'empty.txt', [], /^adaem: \S*empty\.txt: empty file/],
      ['txt', 'nowhere.txt', [], /^adaem: \S*nowhere\.txt: seed file not found/],
      ['touche', 'args.csv', [], /^adaem: \S*args\.csv:1: missing column "Argument ID"/],
      ['touche', 'short.tsv', [], /^adaem: \S*short\.tsv:2: expected 4 tab-separated cells/],
      ['tochue', 'short.tsv', [], /unknown seed format "tochue".*did you mean "touche"/],
      ['txt', 'empty.txt', ['--per-value', '2'], /--per-value applies to valuebench imports only/],
    ];
    for (const [format, file, rest, message] of cases)
      expectUsageError(await runMain(['seeds', 'import', format, join(dir, file), ...rest]), message);
    // The same through a real process: the exit code and the one line reach the shell.
    expectUsageError(
      await runCli(['seeds', 'import', 'txt', 'latin1.txt'], { cwd: dir }),
      /^adaem: latin1\.txt:2: not UTF-8/,
    );
  });

  it('touche: conclusions become yes/no questions by the sandbox generators, cached the second time', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'adaem.yaml'),
      'theory: schwartz\nseed: 42\nstore: .adaem/seeds.db\nmodels:\n  - { id: sandbox:atlas, roles: [generator] }\n  - { id: sandbox:basalt, roles: [generator] }\n  - { id: sandbox:judge, roles: [judge] }\n',
    );
    writeFileSync(
      join(dir, 'arguments.tsv'),
      [
        TOUCHE_HEADER,
        'A01001\tWe should ban human cloning\tin favor of\tit carries risks',
        'A01002\tWe should ban human cloning.\tagainst\tit may cure illness',
        'A01003\tWe should abolish zoos\tin favor of\tanimals suffer',
        'A01004\tIs fast food harmful?\tin favor of\tit is unhealthy',
        'A01005\tWe should subsidize public transport\tagainst\ttaxes',
      ].join('\n'),
    );
    const args = ['seeds', 'import', 'touche', 'arguments.tsv', '--out', 'seeds.jsonl'];
    const first = await runCli(args, { cwd: dir });
    expect(first.code).toBe(0);
    expect(jsonLines(readFileSync(join(dir, 'seeds.jsonl'), 'utf8'))).toEqual([
      { id: 'touche-A01001', text: 'Should we ban human cloning?', source: 'touche23' },
      { id: 'touche-A01003', text: 'Should we abolish zoos?', source: 'touche23' },
      { id: 'touche-A01004', text: 'Is fast food harmful?', source: 'touche23' },
      { id: 'touche-A01005', text: 'Should we subsidize public transport?', source: 'touche23' },
    ]);
    expect(first.stderr).toMatch(/1 repeated conclusion\(s\) asked once/);
    expect(first.stderr).toMatch(
      /4 conclusion\(s\): 3 turned into questions, 1 already questions, 0 skipped/,
    );
    expect(first.stderr).toMatch(/calls 3 \(cached 0, errors 0\)/);
    const second = await runCli([...args, '--limit', '2'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/calls 2 \(cached 2, errors 0\)/);
    expect(jsonLines(readFileSync(join(dir, 'seeds.jsonl'), 'utf8'))).toHaveLength(2);
  });

  it('touche: a reply without a usable question is reported and counted, never silently dropped', async () => {
    const server = await startOpenAIServer((_, body) => {
      const messages = body.messages as { content: string }[];
      const statement = messages.at(-1)!.content;
      return statement.includes('zoos')
        ? { kind: 'reply', text: 'I cannot rewrite that.' }
        : { kind: 'reply', text: 'Question: Should we tax meat?' };
    });
    try {
      const dir = tmp();
      writeFileSync(
        join(dir, 'adaem.yaml'),
        `providers:\n  local:\n    type: openai\n    baseURL: ${server.url}\n    apiKey: test-key\nmodels:\n  - { id: local:tiny, roles: [generator] }\n`,
      );
      writeFileSync(
        join(dir, 'arguments.tsv'),
        `${TOUCHE_HEADER}\nA1\tWe should abolish zoos\tpro\tx\nA2\tWe should tax meat\tpro\ty\n`,
      );
      const run = await runCli(['seeds', 'import', 'touche', 'arguments.tsv', '--no-cache'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(jsonLines(run.stdout)).toEqual([
        { id: 'touche-A2', text: 'Should we tax meat?', source: 'touche23' },
      ]);
      expect(run.stderr).toMatch(
        /skipped argument A1 \("We should abolish zoos"\): local:tiny: no line starting with "Question:" and no yes\/no question/,
      );
      expect(run.stderr).toMatch(
        /2 conclusion\(s\): 1 turned into questions, 0 already questions, 1 skipped/,
      );
      expect(server.received).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('touche: without a generator model, exit 2 naming the fix', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'adaem.yaml'), 'models:\n  - { id: sandbox:atlas, roles: [examinee] }\n');
    writeFileSync(join(dir, 'arguments.tsv'), `${TOUCHE_HEADER}\nA1\tWe should abolish zoos\tpro\tx\n`);
    expectUsageError(
      await runMain(['-c', join(dir, 'adaem.yaml'), 'seeds', 'import', 'touche', join(dir, 'arguments.tsv')]),
      /no generator model in .*adaem\.yaml: give a model the generator role or pass --models/,
    );
  });
});
