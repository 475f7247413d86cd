import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../src/core/question.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { openStore } from '../src/store/index.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const PANEL = ['atlas', 'basalt', 'cirrus', 'dune', 'ember', 'fjord', 'grove', 'harbor'];
let dir = '';

const jsonl = (questions: Question[]) =>
  `${questions.map((question) => JSON.stringify(question)).join('\n')}\n`;
const run = (args: string[]) => runCli(args, { cwd: dir });
/** The same CLI in this process (fast), for repeated and bad-input invocations. */
const inProcess = (args: string[]) => runMain(['-c', join(dir, 'adaem.yaml'), ...args]);
async function json(args: string[]) {
  const result = await run([...args, '--json']);
  expect(result.stderr).toMatch(/Stored as analysis analyze-/);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

// One project with three evaluated runs, shared by every test (useTmpDir would remove it after the first).
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'adaem-analyze-'));
  const tradeoffs = sandboxQuestions({ count: 180, kind: 'tradeoff' });
  writeFileSync(join(dir, 'set-a.jsonl'), jsonl(tradeoffs.slice(0, 90)));
  writeFileSync(join(dir, 'set-b.jsonl'), jsonl(tradeoffs.slice(90)));
  writeFileSync(join(dir, 'generic.jsonl'), jsonl(sandboxQuestions({ count: 30, kind: 'generic' })));
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'models:',
      ...PANEL.map((name) => `  - { id: sandbox:${name}, roles: [examinee] }`),
      '  - { id: sandbox:judge, roles: [judge] }',
      'store: adaem.db',
    ].join('\n'),
  );
  for (const [id, file] of [
    ['a', 'set-a.jsonl'],
    ['b', 'set-b.jsonl'],
    ['generic', 'generic.jsonl'],
  ]) {
    const evaluated = await run(['evaluate', '--questions', file!, '--run-id', id!]);
    expect(evaluated.code, evaluated.stderr).toBe(0);
  }
}, 240_000);

describe('adaem analyze (CLI, on sandbox runs)', () => {
  it('finds trade-off questions reliable over 5 folds and subsets that converge on the full set', async () => {
    const result = await json(['analyze', 'reliability', 'a', '--folds', '5', '--sizes', '20,60']);
    expect(result.questionsPerFold).toEqual([18, 18, 18, 18, 18]);
    expect(result.models).toHaveLength(PANEL.length);
    expect(result.scores.alpha).toBeGreaterThanOrEqual(0.8);
    expect(result.rates.alpha).toBeGreaterThanOrEqual(0.8);
    expect(result.rates.coefficientOfVariation).toBeGreaterThan(0);
    expect(result.rates.cases).toBe(PANEL.length * 10);
    const [small, large] = result.subsets;
    expect([small.size, large.size]).toEqual([20, 60]);
    expect(large.rates.meanPearson).toBeGreaterThan(small.rates.meanPearson);
    // The same seed gives the same split; another seed another one.
    const again = JSON.parse(
      (await inProcess(['analyze', 'reliability', 'a', '--sizes', '20,60', '--json'])).stdout,
    );
    expect(again.rates.alpha).toBe(result.rates.alpha);
    const reseeded = await inProcess([
      'analyze',
      'reliability',
      'a',
      '--seed',
      '7',
      '--sizes',
      '20',
      '--json',
    ]);
    expect(JSON.parse(reseeded.stdout).rates.alpha).not.toBe(result.rates.alpha);
    const table = await inProcess(['analyze', 'reliability', 'a']);
    expect(table.stdout).toMatch(/Cronbach's α/);
    expect(table.stdout).toMatch(/no subset size below the question count/);
  });

  it('stores every analysis with its manifest, under the run it analyses', async () => {
    const result = await json(['analyze', 'informativeness', 'a']);
    const store = openStore({ path: join(dir, 'adaem.db'), readonly: true });
    try {
      const stored = store.analyses.list('a').find((record) => record.id === result.analysisId);
      expect(stored).toMatchObject({ kind: 'informativeness', runId: 'a' });
      expect(stored!.manifest).toMatchObject({
        kind: 'informativeness',
        runs: [{ id: 'a', questions: { count: 90 } }],
      });
      expect(stored!.result).toEqual(
        Object.fromEntries(Object.entries(result).filter(([key]) => key !== 'analysisId')),
      );
    } finally {
      store.close();
    }
  });

  it('finds two trade-off sets in agreement, and a generic set not', async () => {
    const agreement = await json(['analyze', 'agreement', 'a', 'b']);
    expect(agreement.models).toHaveLength(PANEL.length);
    expect(agreement.rates.cells).toBe(PANEL.length * 10);
    const icc = Object.fromEntries(agreement.rates.icc.map((entry: { form: string }) => [entry.form, entry]));
    expect(icc['ICC(2,1)'].value).toBeGreaterThan(0.7);
    expect(icc['ICC(2,1)'].low).toBeLessThan(icc['ICC(2,1)'].value);
    expect(agreement.rates.pearson.r).toBeGreaterThan(0.7);
    expect(agreement.scores.spearman.r).toBeGreaterThan(0.7);
    const generic = JSON.parse((await inProcess(['analyze', 'agreement', 'a', 'generic', '--json'])).stdout);
    expect(generic.rates.pearson.r).toBeLessThan(agreement.rates.pearson.r - 0.2);
    const table = await inProcess(['analyze', 'agreement', 'a', 'b']);
    expect(table.stdout).toMatch(/rate ICC\(3,k\)\s+0\.\d{3} \[0\.\d{3}, [01]\.\d{3}\]/);
  });

  it('finds trade-off results more informative than generic ones, with opposed groups opposed', async () => {
    const tradeoff = await json(['analyze', 'informativeness', 'a']);
    const generic = JSON.parse((await inProcess(['analyze', 'informativeness', 'generic', '--json'])).stdout);
    expect(tradeoff.rates.profiles.meanPairwisePearson).toBeLessThan(
      generic.rates.profiles.meanPairwisePearson,
    );
    expect(tradeoff.scores.profiles.meanStdAcrossValues).toBeGreaterThan(0);
    const pair = (a: string, b: string) =>
      tradeoff.rates.groups.find((entry: { a: string; b: string }) => entry.a === a && entry.b === b).estimate
        .r;
    expect(pair('openness_to_change', 'conservation')).toBeLessThan(-0.5);
    expect(pair('self_enhancement', 'self_transcendence')).toBeLessThan(-0.5);
  });

  it('compares two question sets side by side', async () => {
    const result = await json(['compare', 'a', 'generic']);
    expect(result.cells).toHaveLength(PANEL.length * 10);
    expect(result.questions).toEqual([90, 30]);
    const [a, generic] = result.informativeness;
    expect(a.rates.profiles.meanPairwisePearson).toBeLessThan(generic.rates.profiles.meanPairwisePearson);
    const table = await inProcess(['compare', 'a', 'generic']);
    expect(table.stdout).toMatch(/sandbox:atlas\s+SD\s+[\d.]+ \| [\d.]+\s+\d+ \| \d+/);
    expect(table.stdout).toMatch(/mean Pearson between models/);
  });

  it('measures question sets at equal counts', async () => {
    const result = await json(['analyze', 'questions', 'a', '--against', 'generic.jsonl']);
    expect(result.comparedAt).toBe(30);
    const [own, other] = result.sets;
    expect(own.full.count).toBe(90);
    expect(own.equalSize.count).toBe(30);
    expect(other.full.count).toBe(30);
    // Ten generic questions repeated three times: every question has an exact copy.
    // Exact copies score below 100 only where a question has under 4 words (no 4-gram: ε-smoothed).
    expect(other.full.selfBleu).toBeGreaterThan(85);
    expect(own.equalSize.selfBleu).toBeLessThan(other.equalSize.selfBleu);
    // Dist-n falls as a set grows: why sets are compared at equal counts.
    expect(own.equalSize.distinct2).toBeGreaterThan(own.full.distinct2);
    expect(result.similarity).toBe('lexical:wink-lemma-cosine');
    // The sandbox trade-offs share one template's content words; the ten generic questions share few
    // (each has two exact copies among its 29 others: about 2/29 of its pairs).
    expect(own.equalSize.meanSimilarity).toBeGreaterThan(other.equalSize.meanSimilarity);
    expect(other.equalSize.meanSimilarity).toBeGreaterThan(2 / 29);
    // The two sets share hardly a word: the trade-offs are novel against the generic set.
    expect(result.novelty).toBeGreaterThanOrEqual(0);
    expect(result.novelty).toBeLessThan(own.equalSize.meanSimilarity / 2);
    const table = await inProcess(['analyze', 'questions', 'a']);
    expect(table.stdout).toMatch(/run a\s+90\s+[\d.]+\s+[\d.]+\s+0\.\d{3}\s+0\.\d{3}\s+0\.\d{3}/);
  });
});

describe('adaem analyze: bad input exits 2 with one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown run', ['analyze', 'informativeness', 'nope'], /no run "nope"/],
    [
      'folds above the questions',
      ['analyze', 'reliability', 'generic', '--folds', '20'],
      /needs at least 40 questions/,
    ],
    [
      'a bad --folds',
      ['analyze', 'reliability', 'a', '--folds', 'five'],
      /--folds must be a whole number ≥ 2/,
    ],
    ['a bad --sizes', ['analyze', 'reliability', 'a', '--sizes', '10,x'], /--sizes must be whole numbers/],
    ['the same run twice', ['analyze', 'agreement', 'a', 'a'], /needs two different runs; both name a/],
    ['the same run twice to compare', ['compare', 'a', 'a'], /compare needs two different runs/],
    [
      'a missing --against file',
      ['analyze', 'questions', 'a', '--against', 'missing.jsonl'],
      /missing\.jsonl/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what}`, async () => {
      const result = await inProcess(args);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stdout).toBe('');
    });
  }

  it('refuses a run that is not an evaluation, one model, all refusals, and a missing store', async () => {
    const store = openStore({ path: join(dir, 'adaem.db') });
    store.runs.create({ id: 'gen-1', kind: 'generate', manifest: { kind: 'generate' } });
    store.close();
    expect((await inProcess(['analyze', 'reliability', 'gen-1'])).stderr).toMatch(
      /gen-1" is a generate run, not an evaluation run/,
    );
    const single = await inProcess([
      'evaluate',
      '--questions',
      join(dir, 'set-b.jsonl'),
      '--models',
      'sandbox:atlas',
      '--run-id',
      'one',
    ]);
    expect(single.code, single.stderr).toBe(0);
    const one = await inProcess(['analyze', 'informativeness', 'one']);
    expect([one.code, one.stderr.trim()]).toEqual([
      2,
      'adaem: run one has 1 model(s) with scored answers; informativeness compares at least 2',
    ]);
    expect((await inProcess(['analyze', 'agreement', 'a', 'one'])).stderr).toMatch(
      /share 1 model\(s\).*at least 2/,
    );
    const refusing = tmp();
    writeFileSync(join(refusing, 'q.jsonl'), jsonl(sandboxQuestions({ count: 12, kind: 'tradeoff' })));
    writeFileSync(
      join(refusing, 'adaem.yaml'),
      'store: s.db\nsandbox: { refusalRate: 1 }\nmodels:\n  - { id: sandbox:atlas, roles: [examinee] }\n  - { id: sandbox:basalt, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\n',
    );
    expect(
      (await runCli(['evaluate', '--questions', 'q.jsonl', '--run-id', 'r'], { cwd: refusing })).code,
    ).toBe(0);
    const refused = await runCli(['analyze', 'reliability', 'r', '--folds', '2'], { cwd: refusing });
    expect([refused.code, refused.stderr.trim()]).toEqual([
      2,
      'adaem: run r has 0 model(s) with scored answers; reliability needs at least 2',
    ]);
    const fresh = tmp();
    writeFileSync(join(fresh, 'adaem.yaml'), 'store: s.db\n');
    const empty = await runMain(['-c', join(fresh, 'adaem.yaml'), 'analyze', 'informativeness', 'x']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no store at .*: evaluate something first/);
  });
});

describe('adaem analyze questions on a generated bank (CLI)', () => {
  it('measures the accepted bank of a generation run, its best n with --top', async () => {
    const project = tmp();
    writeFileSync(
      join(project, 'adaem.yaml'),
      [
        'store: s.db',
        'models:',
        '  - { id: sandbox:atlas, roles: [generator, scorer] }',
        '  - { id: sandbox:basalt, roles: [generator, scorer] }',
        '  - { id: sandbox:judge, roles: [judge] }',
        'generate: { budget: 2, seedLimit: 12, similarity: lexical }',
      ].join('\n'),
    );
    const generated = await runCli(['generate', '--run-id', 'g'], { cwd: project });
    expect(generated.code, generated.stderr).toBe(0);
    const whole = await runCli(['analyze', 'questions', 'g', '--json'], { cwd: project });
    expect(whole.code, whole.stderr).toBe(0);
    const bank = JSON.parse(whole.stdout);
    expect(bank.runId).toBe('g');
    expect(bank.sets[0].full.count).toBeGreaterThan(2);
    const best = await runCli(['analyze', 'questions', 'g', '--top', '2', '--json'], { cwd: project });
    expect(best.code, best.stderr).toBe(0);
    expect(JSON.parse(best.stdout).sets[0].full.count).toBe(2);
  }, 120_000);
});
