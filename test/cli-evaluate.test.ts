import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const QUESTIONS = [
  'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
  'Should Brazil admit more climate refugees even if it means less national wealth?',
  'Should India rank schools publicly by exam performance even if it means less caring for families?',
  'Should Kenya keep historic religious festivals as paid holidays even if it means less career success?',
];

function project(yaml: string): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
  writeFileSync(join(dir, 'adaem.yaml'), yaml);
  return dir;
}

const pricedPanel = [
  'models:',
  '  - { id: sandbox:atlas, roles: [examinee], price: { input: 1000, output: 1000 } }',
  '  - { id: sandbox:basalt, roles: [examinee], price: { input: 1000, output: 1000 } }',
  '  - { id: sandbox:judge, roles: [judge], price: { input: 10, output: 10 } }',
  'evaluate: { questions: q.txt }',
].join('\n');

describe('adaem evaluate (CLI)', () => {
  it('plans calls, tokens and cost per model and role with --dry-run, without calling anything', async () => {
    const dir = project(pricedPanel);
    const { code, stdout } = await runCli(['evaluate', '--dry-run', '--json'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/sandbox:atlas\s+examinee\s+4\s/);
    expect(stdout).toMatch(/sandbox:judge\s+judge\s+24\s/); // 4 questions × 2 models × 3 key points, batched
    const perValue = await runCli(['evaluate', '--dry-run', '--judge-mode', 'per-value'], { cwd: dir });
    expect(perValue.stdout).toMatch(/sandbox:judge\s+judge\s+240\s/);
    expect((await runCli(['runs', '--json'], { cwd: dir })).stdout.trim()).toBe('[]');
  });

  it('stops before the budget, fails with exit 1, and finishes on --resume with a larger budget', async () => {
    const dir = project(pricedPanel);
    const stopped = await runCli(
      ['evaluate', '--max-cost', '1', '--run-id', 'budget', '--concurrency', '1'],
      { cwd: dir },
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/run budget stopped at the cost limit; resume with --resume budget/);
    const partial = JSON.parse((await runCli(['results', 'budget', '--json'], { cwd: dir })).stdout);
    const answered = partial.models.reduce(
      (sum: number, model: { counts: { opinions: number } }) => sum + model.counts.opinions,
      0,
    );
    expect(answered).toBeGreaterThan(0);
    expect(answered).toBeLessThan(8);
    const finished = await runCli(['evaluate', '--resume', 'budget', '--max-cost', '1000', '--json'], {
      cwd: dir,
    });
    expect(finished.code).toBe(0);
    expect(
      JSON.parse(finished.stdout).models.map(
        (model: { counts: { opinions: number } }) => model.counts.opinions,
      ),
    ).toEqual([4, 4]);
  });

  it('fails a run whose error rate is over --max-error-rate, keeping the failures as records', async () => {
    const server = await startOpenAIServer(() => ({ kind: 'status', status: 400 }));
    try {
      const dir = project(
        `providers:\n  broken: { type: openai, baseURL: "${server.url}" }\nmodels:\n  - { id: broken:m, roles: [examinee] }\n  - { id: sandbox:atlas, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\nevaluate: { questions: q.txt }\n`,
      );
      const run = await runCli(['evaluate', '--max-error-rate', '0.1', '--json'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/failed answers 50\.00% \(4 of 8\) .* — over --max-error-rate/);
      const results = JSON.parse(run.stdout);
      expect(results.status).toBe('failed');
      expect(results.models[0].counts).toMatchObject({ opinions: 4, errors: 4, scoredAnswers: 0 });
      expect(results.models[0].unscoredReason).toBe('no scored answer (4 failed calls)');
      expect(results.models[0].values[0]).toMatchObject({ score: null, rate: null });
      expect(results.models[1].counts).toMatchObject({ opinions: 4, ok: 4 });
      const table = await runCli(['results', results.runId], { cwd: dir });
      const brokenRow = table.stdout.split('\n').find((line) => line.startsWith('broken:m'));
      expect(brokenRow).toMatch(/^broken:m(\s+—){10}$/);
      expect(table.stdout).toContain('— no scores: broken:m: no scored answer (4 failed calls)');
    } finally {
      await server.close();
    }
  });

  it.each([
    [['--models', 'sandbox:atlas,sandbox:basalt,sandbox:atlas'], '--models lists sandbox:atlas twice'],
    [['--samples', '0'], '--samples must be a whole number ≥ 1'],
  ])('rejects %j as a usage error: exit 2, one line, no run recorded', async (flags, message) => {
    const dir = project(`${pricedPanel}\nstore: s.db\n`);
    const run = await runMain(['-c', join(dir, 'adaem.yaml'), 'evaluate', ...flags]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, 's.db'))).toBe(false);
  });

  it('reuses the cache on a re-run and reports and clears it', async () => {
    const dir = project(pricedPanel);
    expect((await runCli(['evaluate', '--run-id', 'first'], { cwd: dir })).code).toBe(0);
    const second = await runCli(['evaluate', '--run-id', 'second', '--json'], { cwd: dir });
    const reused = JSON.parse(second.stdout).usage;
    expect(reused.total.costUsd).toBe(0);
    expect(reused.total.cached).toBe(reused.total.calls);
    const table = await runCli(['results', 'first', '--by-category'], { cwd: dir });
    expect(table.stdout).toMatch(
      /Usage \(every attempt of this run\)\n.*\n.*\nsandbox:atlas\s+examinee\s+4\s+0\s+0\s+0\s/,
    );
    const stats = JSON.parse((await runCli(['cache', 'stats', '--json'], { cwd: dir })).stdout);
    expect(stats.entries).toBeGreaterThan(8);
    expect(stats.byProvider.map((row: { providerId: string }) => row.providerId)).toEqual([
      'sandbox:atlas',
      'sandbox:basalt',
      'sandbox:judge',
    ]);
    const cleared = JSON.parse(
      (await runCli(['cache', 'clear', '--model', 'sandbox:atlas', '--json'], { cwd: dir })).stdout,
    );
    expect(cleared.removed).toBe(stats.byProvider[0].entries);
    const truth = JSON.parse((await runCli(['sandbox', 'truth', '--json'], { cwd: dir })).stdout);
    expect(Object.keys(truth.models[0].weights)).toHaveLength(10);
  });
});
