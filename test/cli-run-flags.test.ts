import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { openStore } from '../src/store/index.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const PRICE = 'price: { input: 1, output: 1 }';

/** A small priced sandbox project: every call costs, so a cap means something. */
function project(): string {
  const dir = tmp();
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'seed: 42',
      'store: s.db',
      'models:',
      `  - { id: sandbox:atlas, roles: [examinee, generator, scorer], ${PRICE} }`,
      `  - { id: sandbox:basalt, roles: [examinee, generator, scorer], ${PRICE} }`,
      `  - { id: sandbox:cirrus, roles: [examinee, scorer], ${PRICE} }`,
      `  - { id: sandbox:judge, roles: [judge, safety], ${PRICE} }`,
      'evaluate: { judgeMode: batched }',
      'generate: { budget: 3, similarity: lexical, seedLimit: 20 }',
    ].join('\n'),
  );
  const questions = sandboxQuestions({ count: 6, kind: 'tradeoff' });
  writeFileSync(join(dir, 'q.jsonl'), `${questions.map((q) => JSON.stringify(q)).join('\n')}\n`);
  return dir;
}

/** USD the store's call records say each stage of a pipeline run spent. */
function spent(dir: string, runId: string): { generate: number; evaluate: number } {
  const store = openStore({ path: join(dir, 's.db'), readonly: true });
  try {
    const of = (id: string) => store.calls.summary(id).reduce((sum, row) => sum + row.costUsd, 0);
    return { generate: of(`${runId}-generate`), evaluate: of(`${runId}-evaluate`) };
  } finally {
    store.close();
  }
}

describe('adaem run: the evaluate flags, --dry-run, and --max-cost for the whole run', () => {
  it('plans both stages and the whole run with --dry-run, calling nothing and storing nothing', async () => {
    const dir = project();
    const result = await runCli(['run', '--dry-run', '--models', 'sandbox:atlas', '--samples', '2'], {
      cwd: dir,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^1\/2 generate\n/m);
    expect(result.stdout).toMatch(/^2\/2 evaluate on the 100 best generated questions/m);
    // One examinee, 100 questions, two samples each.
    expect(result.stdout).toMatch(/^sandbox:atlas\s+examinee\s+200\s/m);
    expect(result.stdout).not.toMatch(/^sandbox:basalt\s+examinee/m);
    expect(result.stdout).toMatch(/^whole run: \d+ calls, \$\d+\.\d{4} live \(estimate\)/m);
    expect(existsSync(join(dir, 's.db'))).toBe(false);
  }, 60_000);

  it('evaluates with --models, --judge, --samples and --concurrency as adaem evaluate takes them', async () => {
    const dir = project();
    const args = [
      'run',
      '-q',
      'q.jsonl',
      '--models',
      'sandbox:atlas,sandbox:cirrus',
      '--judge',
      'sandbox:judge',
    ];
    const result = await runCli(
      [...args, '--samples', '2', '--concurrency', '3', '--run-id', 'r', '--json'],
      {
        cwd: dir,
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const { evaluation } = JSON.parse(result.stdout);
    expect(evaluation.models.map((model: { modelId: string }) => model.modelId)).toEqual([
      'sandbox:atlas',
      'sandbox:cirrus',
    ]);
    const store = openStore({ path: join(dir, 's.db'), readonly: true });
    try {
      // Every question answered twice by each of the two examinees.
      expect(store.responses.list('r-evaluate')).toHaveLength(6 * 2 * 2);
    } finally {
      store.close();
    }
  }, 120_000);

  it('caps generate and evaluate together: the evaluation gets what generation left, also on resume', async () => {
    const dir = project();
    const args = ['--top', '10', '--no-cache'];
    // What each stage costs uncapped (the same seeded run: the same calls).
    const free = await runCli(['run', '--run-id', 'free', ...args], { cwd: dir });
    expect(free.code, free.stderr).toBe(0);
    const cost = spent(dir, 'free');
    // Enough for the generation and half the evaluation: capped apart, each stage would fit.
    const cap = Number((cost.generate + cost.evaluate / 2).toFixed(4));
    const capped = await runCli(['run', '--run-id', 'c', ...args, '--max-cost', String(cap)], { cwd: dir });
    expect(capped.code, capped.stderr).toBe(1);
    expect(capped.stderr).toMatch(
      /run c stopped at the cost limit; resume with --resume c --max-cost <more>/,
    );
    const first = spent(dir, 'c');
    expect(first.generate).toBeCloseTo(cost.generate, 6);
    expect(first.evaluate).toBeGreaterThan(0);
    expect(first.generate + first.evaluate).toBeLessThanOrEqual(cap);
    // On resume the generation’s spending comes from the store: the evaluation gets the rest of the new cap
    // (room for the worst case of every call in flight, which the cap reserves before sending it).
    const raised = Number((cost.generate + cost.evaluate * 10).toFixed(4));
    const resumed = await runCli(['run', '--resume', 'c', '--no-cache', '--max-cost', String(raised)], {
      cwd: dir,
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const total = spent(dir, 'c');
    expect(total.generate).toBe(first.generate);
    expect(total.evaluate).toBeGreaterThan(first.evaluate);
    expect(total.generate + total.evaluate).toBeLessThanOrEqual(raised);
  }, 300_000);
});
