import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

const TOPICS = [
  'ban cars from city centres',
  'fund space travel',
  'keep religious holidays',
  'rank schools by exams',
];
const QUESTIONS = TOPICS.flatMap((topic, index) => [
  {
    id: `q${index}a`,
    text: `Should Kenya ${topic} even if it means less personal freedom?`,
    category: 'Politics',
    lineage: { seed: `seed-${index}`, steps: ['explored', 'refined'] },
  },
  {
    id: `q${index}b`,
    text: `Should Chile ${topic} even if it means less national wealth?`,
    provenance: 'hand-written',
  },
]);

const CONFIG = [
  'models:',
  '  - { id: sandbox:atlas, roles: [examinee] }',
  '  - { id: sandbox:basalt, roles: [examinee], label: Basalt }',
  '  - { id: sandbox:ember, roles: [examinee] }',
  '  - { id: sandbox:judge, roles: [judge] }',
].join('\n');

function project(questionsFile?: string): string {
  const dir = tmp();
  writeFileSync(join(dir, 'adaem.yaml'), `${CONFIG}\n`);
  if (questionsFile) copyFileSync(questionsFile, join(dir, questionsFile.split('/').at(-1)!));
  else
    writeFileSync(
      join(dir, 'bank.jsonl'),
      QUESTIONS.map((question) => `${JSON.stringify(question)}\n`).join(''),
    );
  return dir;
}

/** Every model's scores and rates, for comparing two runs. */
function scoresOf(stdout: string): unknown {
  const results = JSON.parse(stdout) as { models: { modelId: string; values: unknown[] }[] };
  return results.models.map((model) => ({ modelId: model.modelId, values: model.values }));
}

const readJsonl = (path: string): Record<string, unknown>[] =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('adaem export (CLI)', () => {
  it('exports questions with their extra fields, responses, judgements and scores; the exported bank reproduces the scores', async () => {
    const dir = project();
    const first = await runCli(['evaluate', '--questions', 'bank.jsonl', '--json'], { cwd: dir });
    expect(first.code).toBe(0);
    const runId = JSON.parse(first.stdout).runId as string;

    const jsonl = await runCli(['export', runId, '--out', 'exported'], { cwd: dir });
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout).toContain('questions.jsonl  8 rows');
    const questions = readJsonl(join(dir, 'exported', 'questions.jsonl'));
    expect(questions).toEqual(QUESTIONS);
    expect(readJsonl(join(dir, 'exported', 'responses.jsonl'))).toHaveLength(8 * 3);
    const judgements = readJsonl(join(dir, 'exported', 'judgements.jsonl'));
    expect(judgements.length).toBeGreaterThanOrEqual(8 * 3);
    expect(judgements[0]).toMatchObject({ judgeModelId: 'sandbox:judge', mode: 'batched', status: 'ok' });
    const scores = readJsonl(join(dir, 'exported', 'scores.jsonl'));
    expect(scores.filter((row) => row.category === null)).toHaveLength(3 * 10);
    expect(scores.find((row) => row.modelId === 'sandbox:basalt')).toMatchObject({ label: 'Basalt' });
    expect(JSON.parse(readFileSync(join(dir, 'exported', 'manifest.json'), 'utf8')).kind).toBe('evaluate');

    const csv = await runCli(['export', runId, '--format', 'csv', '--out', 'csv'], { cwd: dir });
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'csv', 'questions.csv'), 'utf8').split('\r\n')[0]).toBe(
      'id,text,category,lineage,provenance',
    );

    // A fresh project (new store, empty cache) evaluating each exported bank gets the same scores.
    for (const bank of [join(dir, 'exported', 'questions.jsonl'), join(dir, 'csv', 'questions.csv')]) {
      const again = project(bank);
      const rerun = await runCli(['evaluate', '--questions', bank.split('/').at(-1)!, '--json'], {
        cwd: again,
      });
      expect(rerun.code).toBe(0);
      expect(scoresOf(rerun.stdout)).toEqual(scoresOf(first.stdout));
    }
  }, 240_000);

  it('refuses unknown runs, runs of another kind, unknown formats and unwritable places: exit 2, one line', async () => {
    const dir = project();
    const run = await runCli(['evaluate', '--questions', 'bank.jsonl', '--json'], { cwd: dir });
    const runId = JSON.parse(run.stdout).runId as string;
    const store = openStore({ path: join(dir, '.adaem', 'adaem.db') });
    store.runs.create({ id: 'gen-1', kind: 'generate', manifest: { kind: 'generate' } });
    store.close();
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    const cases: [string[], RegExp][] = [
      [['export', 'nope'], /^adaem: no run "nope" in .*adaem\.db$/],
      [['report', 'nope'], /^adaem: no run "nope" in .*adaem\.db$/],
      [['export', 'gen-1'], /^adaem: run "gen-1" is a generate run, not an evaluation run$/],
      [['report', 'gen-1'], /^adaem: run "gen-1" is a generate run, not an evaluation run$/],
      [['export', runId, '--format', 'xml'], /^adaem: --format must be jsonl or csv, not "xml"$/],
      [
        ['export', runId, '--out', 'a-file'],
        /^adaem: cannot write the export to .*a-file: exists and is not a directory$/,
      ],
      [['report', runId, '--out', 'a-file/r.html'], /^adaem: cannot write the report to .*a-file: /],
      [
        ['report', runId, '--out', '/proc/adaem/r.html'],
        /^adaem: cannot write the report to \/proc\/adaem: /,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(args, { cwd: dir });
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr.trim()).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    const other = tmp();
    const missing = await runCli(['report', 'eval-1'], { cwd: other });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^adaem: no run "eval-1": there is no store at /);
  }, 240_000);

  it('writes the report beside the working directory by default and prints its path', async () => {
    const dir = project();
    const run = await runCli(['evaluate', '--questions', 'bank.jsonl', '--json'], { cwd: dir });
    const runId = JSON.parse(run.stdout).runId as string;
    const report = await runCli(['report', runId], { cwd: dir });
    expect(report.code).toBe(0);
    const path = join(dir, `adaem-report-${runId}.html`);
    expect(report.stdout).toBe(`${path}\n`);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('Should Kenya ban cars from city centres even if it means less personal freedom?');
    expect(html).toContain('Simulated:');
  });
});
