import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { startSandboxServer } from '../src/sandbox/server.js';
import { killAfterPulls } from './helpers/kill-after-pulls.js';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

/** Generic seed topics written for this test (not from any benchmark). */
const SEEDS = [
  'Should people put their family before their career?',
  'Is it right to break a rule to help a friend?',
  'Should governments protect local traditions?',
  'Is it good to take risks for new experiences?',
  'Should wealth be shared more equally?',
  'Should schools teach children to obey authority?',
  'Is personal success worth sacrificing free time?',
  'Should nature be protected even when it costs jobs?',
];

function writeProject(dir: string, extra = ''): string {
  writeFileSync(join(dir, 'seeds.txt'), `${SEEDS.join('\n')}\n`);
  const config = join(dir, 'adaem.yaml');
  writeFileSync(
    config,
    [
      'seed: 7',
      'models:',
      '  - { id: sandbox:atlas, roles: [generator, scorer] }',
      '  - { id: sandbox:basalt, roles: [generator, scorer] }',
      '  - { id: sandbox:cirrus, roles: [generator, scorer] }',
      '  - { id: sandbox:ember, roles: [scorer] }',
      '  - { id: sandbox:judge, roles: [judge, safety] }',
      'generate:',
      '  seeds: seeds.txt',
      '  rounds: 2',
      extra,
    ].join('\n'),
  );
  return config;
}

interface Candidate {
  id: string;
  arm_id: string;
  model_id: string | null;
  step: string;
  status: string;
  reason: string | null;
  s_p1: number | null;
  s_p2: number | null;
  text: string;
  detail: string;
}

function candidatesOf(dir: string, runId: string): Candidate[] {
  const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
  try {
    return db
      .prepare('SELECT * FROM generation_candidates WHERE run_id = ? ORDER BY position')
      .all(runId) as Candidate[];
  } finally {
    db.close();
  }
}

describe('adaem generate on the sandbox', () => {
  it('searches, records every candidate with its provenance, and lists the bank with lineage', async () => {
    const dir = tmp();
    writeProject(dir);
    const run = await runCli(['generate', '--budget', '6', '--run-id', 'g1'], { cwd: dir });
    expect(run.stderr).not.toMatch(/Error|at /);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/run g1 \(done\): 6\/6 pulls over 8 seed topics/);
    const rows = candidatesOf(dir, 'g1');
    const seeds = rows.filter((row) => row.step === 'seed');
    expect(seeds).toHaveLength(8);
    expect(seeds.every((row) => row.s_p1 !== null)).toBe(true);
    const generated = rows.filter((row) => row.step !== 'seed');
    // 6 pulls × 2 rounds × 3 explorers, plus refinements
    expect(generated.filter((row) => row.step === 'explore')).toHaveLength(36);
    for (const row of generated) {
      expect(row.model_id).toMatch(/^sandbox:(atlas|basalt|cirrus)$/);
      if (row.status === 'rejected')
        expect(row.reason).toMatch(/^(duplicate|unsafe|unparseable|error|no-gain|unscorable)$/);
      if (row.status === 'accepted') {
        expect(row.s_p2).not.toBeNull();
        // P2 has four models; each one's answer and values are kept
        const detail = JSON.parse(row.detail) as { p2: { answers: { modelId: string }[] } };
        expect(detail.p2.answers.map((answer) => answer.modelId)).toHaveLength(4);
      }
    }
    const listed = await runCli(['questions', 'g1', '--json', '--top', '5'], { cwd: dir });
    expect(listed.code).toBe(0);
    const questions = JSON.parse(listed.stdout) as {
      sP2: number;
      lineage: { step: string; text: string }[];
    }[];
    expect(questions.length).toBeGreaterThan(0);
    expect(questions.length).toBeLessThanOrEqual(5);
    for (const [index, question] of questions.entries()) {
      if (index > 0) expect(question.sP2).toBeLessThanOrEqual(questions[index - 1]!.sP2);
      expect(question.lineage[0]!.step).toBe('seed');
      expect(SEEDS).toContain(question.lineage[0]!.text);
      expect(question.lineage[1]!.step).toBe('explore');
    }
  }, 120_000);

  it('evaluates a generated bank and keeps each question’s lineage in the evaluation run', async () => {
    const dir = tmp();
    writeProject(dir);
    expect((await runCli(['generate', '--budget', '3', '--run-id', 'g2'], { cwd: dir })).code).toBe(0);
    const evaluated = await runCli(
      [
        'evaluate',
        '--questions-from',
        'g2',
        '--top',
        '4',
        '--models',
        'sandbox:atlas,sandbox:iris',
        '--judge',
        'sandbox:judge',
        '--run-id',
        'e2',
      ],
      { cwd: dir },
    );
    expect(evaluated.stderr).not.toMatch(/Error/);
    expect(evaluated.code).toBe(0);
    const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
    const stored = (
      db.prepare("SELECT question FROM questions WHERE run_id = 'e2'").all() as { question: string }[]
    ).map((row) => JSON.parse(row.question) as { generation?: { runId: string; lineage: unknown[] } });
    db.close();
    expect(stored).toHaveLength(4);
    for (const question of stored) {
      expect(question.generation?.runId).toBe('g2');
      expect(question.generation?.lineage.length).toBeGreaterThanOrEqual(2);
    }
    // the bank as JSONL goes back in through --questions with its lineage
    const bank = await runCli(['questions', 'g2', '--jsonl', '--top', '2'], { cwd: dir });
    writeFileSync(join(dir, 'bank.jsonl'), bank.stdout);
    const again = await runCli(
      [
        'evaluate',
        '--questions',
        'bank.jsonl',
        '--models',
        'sandbox:atlas',
        '--judge',
        'sandbox:judge',
        '--run-id',
        'e3',
        '--json',
      ],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).questions).toBe(2);
  }, 120_000);

  it('resumes a run killed with SIGKILL to the same bank as an uninterrupted run, without paying again for finished pulls', async () => {
    const whole = tmp();
    writeProject(whole);
    expect((await runCli(['generate', '--budget', '10', '--run-id', 'g'], { cwd: whole })).code).toBe(0);

    const killed = tmp();
    writeProject(killed);
    const child = spawnCli(['generate', '--budget', '10', '--run-id', 'g'], { cwd: killed });
    const store = join(killed, '.adaem', 'adaem.db');
    await killAfterPulls(child, store, 3);
    const db = new Database(store, { readonly: true });
    const pullsAtKill = (db.prepare('SELECT count(*) AS n FROM generation_pulls').get() as { n: number }).n;
    const paidAtKill = (
      db.prepare("SELECT count(*) AS n FROM calls WHERE status = 'ok'").get() as { n: number }
    ).n;
    db.close();
    expect(pullsAtKill).toBeLessThan(10);

    const runs = await runCli(['runs'], { cwd: killed });
    expect(runs.stdout).toMatch(/g\s.*interrupted/);
    const resumed = await runCli(['generate', '--resume', 'g'], { cwd: killed });
    expect(resumed.stderr).toMatch(/run g \(resumed\)/);
    expect(resumed.code).toBe(0);

    const bank = (dir: string) =>
      candidatesOf(dir, 'g').map((row) => [row.id, row.text, row.status, row.reason, row.s_p1, row.s_p2]);
    expect(bank(killed)).toEqual(bank(whole));
    // Calls answered by a model (not the cache): the resumed run pays only for the unfinished work.
    const paid = (dir: string) => {
      const handle = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
      const n = (handle.prepare("SELECT count(*) AS n FROM calls WHERE status = 'ok'").get() as { n: number })
        .n;
      handle.close();
      return n;
    };
    expect(paidAtKill).toBeGreaterThan(0);
    // The killed process may have lost the last ≤ 50 ms of cache writes; allow the calls in flight then.
    expect(paid(killed)).toBeLessThanOrEqual(paid(whole) + 64);
  }, 180_000);

  it('runs pulls in parallel batches, committed whole, and resumes a killed parallel run to the same bank', async () => {
    const parallel = '  parallelPulls: 4';
    const whole = tmp();
    writeProject(whole, parallel);
    const done = await runCli(['generate', '--budget', '12', '--run-id', 'p', '--json'], { cwd: whole });
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ status: 'done', pullsDone: 12 });
    const pullsOf = (dir: string) => {
      const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
      try {
        return db.prepare('SELECT pull, arm_id FROM generation_pulls ORDER BY pull').all() as {
          pull: number;
          arm_id: string;
        }[];
      } finally {
        db.close();
      }
    };
    // A batch's arms are chosen together: UCB counts an arm chosen earlier in the batch as pulled,
    // so the batch does not pull one arm four times.
    expect(
      new Set(
        pullsOf(whole)
          .slice(0, 4)
          .map((row) => row.arm_id),
      ).size,
    ).toBeGreaterThan(1);
    // The bank holds no two accepted questions with the same text (refinements are dedup-checked too).
    const accepted = candidatesOf(whole, 'p').filter((row) => row.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    expect(new Set(accepted.map((row) => row.text)).size).toBe(accepted.length);

    const killed = tmp();
    writeProject(killed, parallel);
    const child = spawnCli(['generate', '--budget', '12', '--run-id', 'p'], { cwd: killed });
    await killAfterPulls(child, join(killed, '.adaem', 'adaem.db'), 1);
    const atKill = pullsOf(killed).length;
    expect(atKill).toBeLessThan(12);
    expect(atKill % 4).toBe(0); // a batch is stored whole or not at all
    const resumed = await runCli(['generate', '--resume', 'p'], { cwd: killed });
    expect(resumed.code).toBe(0);
    const bank = (dir: string) =>
      candidatesOf(dir, 'p').map((row) => [row.id, row.text, row.status, row.reason, row.s_p1, row.s_p2]);
    expect(bank(killed)).toEqual(bank(whole));
    expect(pullsOf(killed)).toEqual(pullsOf(whole));
  }, 180_000);

  it('computes the exact score from the judge’s probabilities when asked, and records the variant', async () => {
    const dir = tmp();
    writeProject(dir, '  score: exact\n  refineGain: 0.05');
    const run = await runCli(['generate', '--budget', '2', '--run-id', 'x', '--json'], { cwd: dir });
    expect(run.stderr).not.toMatch(/unavailable/);
    expect(run.code).toBe(0);
    const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
    const manifest = JSON.parse(
      (db.prepare("SELECT manifest FROM runs WHERE id = 'x'").get() as { manifest: string }).manifest,
    );
    db.close();
    expect(manifest.score).toEqual({ requested: 'exact', used: 'exact', fallback: null });
    const accepted = candidatesOf(dir, 'x').filter((row) => row.status === 'accepted');
    expect(accepted.length).toBeGreaterThan(0);
    for (const row of accepted) {
      const terms = (
        JSON.parse(row.detail) as { p2: { terms: { s: number; exact: { gjs: number; tv: number } } } }
      ).p2.terms;
      expect(terms.s).toBeCloseTo(terms.exact.gjs + terms.exact.tv, 12);
      expect(terms.exact.gjs).toBeGreaterThanOrEqual(0);
      expect(terms.exact.gjs).toBeLessThanOrEqual(Math.log(4));
    }
  }, 120_000);

  it('extends a run with new panel models, keeping out every question that overlaps its bank', async () => {
    const dir = tmp();
    writeProject(dir);
    expect((await runCli(['generate', '--budget', '3', '--run-id', 'first'], { cwd: dir })).code).toBe(0);
    writeFileSync(
      join(dir, 'more.yaml'),
      [
        'seed: 7',
        'models:',
        '  - { id: sandbox:atlas, roles: [generator, scorer] }',
        '  - { id: sandbox:grove, roles: [generator, scorer] }',
        '  - { id: sandbox:jade, roles: [generator, scorer] }',
        '  - { id: sandbox:judge, roles: [judge] }',
        'generate:',
        '  seeds: seeds.txt',
        '  rounds: 2',
      ].join('\n'),
    );
    const run = await runCli(
      ['-c', 'more.yaml', 'generate', '--budget', '3', '--run-id', 'second', '--extend', 'first'],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const first = new Set(
      candidatesOf(dir, 'first')
        .filter((row) => row.status === 'accepted')
        .map((row) => row.text),
    );
    const second = candidatesOf(dir, 'second');
    expect(second.filter((row) => row.status === 'accepted').length).toBeGreaterThan(0);
    for (const row of second.filter((candidate) => candidate.status === 'accepted'))
      expect(first.has(row.text)).toBe(false);
    const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
    const manifest = JSON.parse(
      (db.prepare("SELECT manifest FROM runs WHERE id = 'second'").get() as { manifest: string }).manifest,
    );
    db.close();
    expect(manifest.extends).toBe('first');
  }, 120_000);

  it('stops at --max-cost, resumable, and finishes after the cap is raised', async () => {
    const dir = tmp();
    writeProject(dir);
    const priced = (await import('node:fs'))
      .readFileSync(join(dir, 'adaem.yaml'), 'utf8')
      .replace(
        'sandbox:atlas, roles: [generator, scorer] }',
        'sandbox:atlas, roles: [generator, scorer], price: { input: 100, output: 100 } }',
      );
    writeFileSync(join(dir, 'adaem.yaml'), priced);
    const capped = await runCli(['generate', '--budget', '4', '--run-id', 'c', '--max-cost', '0.5'], {
      cwd: dir,
    });
    expect(capped.code).toBe(1);
    expect(capped.stderr).toMatch(/stopped at the cost cap; raise --max-cost and resume with --resume c/);
    const resumed = await runCli(['generate', '--resume', 'c', '--max-cost', '1000'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/run c \(done\): 4\/4 pulls/);
  }, 120_000);

  it('runs parallel pulls against an HTTP endpoint without a listener warning', async () => {
    const server = await startSandboxServer({ config: AdaemConfigSchema.parse({}), theory: SCHWARTZ_THEORY });
    try {
      const dir = tmp();
      writeProject(dir);
      writeFileSync(
        join(dir, 'http.yaml'),
        [
          'seed: 7',
          'providers:',
          `  sbx: { type: openai, baseURL: "${server.url}", apiKey: "k", concurrency: 64 }`,
          'models:',
          '  - { id: sbx:atlas, roles: [generator, scorer] }',
          '  - { id: sbx:basalt, roles: [generator, scorer] }',
          '  - { id: sbx:cirrus, roles: [scorer] }',
          '  - { id: sbx:judge, roles: [judge] }',
          'generate:',
          '  seeds: seeds.txt',
          '  rounds: 1',
          '  parallelPulls: 4',
        ].join('\n'),
      );
      const run = await runCli(['-c', 'http.yaml', 'generate', '--budget', '8', '--run-id', 'h'], {
        cwd: dir,
      });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/run h \(done\): 8\/8 pulls/);
      expect(run.stderr).not.toMatch(/MaxListenersExceededWarning/);
    } finally {
      await server.close();
    }
  }, 120_000);

  it('stops, resumable, when most calls fail instead of spending the budget on errors', async () => {
    const server = await startOpenAIServer(() => ({ kind: 'status', status: 500, message: 'upstream down' }));
    try {
      const dir = tmp();
      writeProject(dir);
      writeFileSync(
        join(dir, 'down.yaml'),
        [
          'providers:',
          `  local: { type: openai, baseURL: "${server.url}", apiKey: "k", maxRetries: 0 }`,
          'models:',
          '  - { id: local:m, roles: [generator, scorer] }',
          '  - { id: sandbox:judge, roles: [judge] }',
          'generate:',
          '  seeds: seeds.txt',
        ].join('\n'),
      );
      const run = await runCli(['-c', 'down.yaml', 'generate', '--budget', '50', '--run-id', 'd'], {
        cwd: dir,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/run d stopped: \d+ of \d+ model calls failed.*--resume d/);
      // it stops after the first batch of seeds, long before the budget
      expect(server.received.length).toBeLessThan(60);
      const runs = await runCli(['runs'], { cwd: dir });
      expect(runs.stdout).toMatch(/d\s.*failed/);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('refuses bad input with one line and exit 2', async () => {
    const dir = tmp();
    writeProject(dir);
    writeFileSync(
      join(dir, 'nogen.yaml'),
      'models:\n  - { id: sandbox:atlas, roles: [scorer] }\n  - { id: sandbox:judge, roles: [judge] }\ngenerate:\n  seeds: seeds.txt\n',
    );
    const cases: [string[], RegExp][] = [
      [['-c', 'nogen.yaml', 'generate'], /no explorer models \(P1\)/],
      [['generate', '--budget', '0'], /--budget must be a whole number ≥ 1/],
      [['generate', '--resume', 'x', '--seeds', 'seeds.txt'], /drop --seeds/],
      [['generate', '--seeds', 'missing.txt'], /missing\.txt/],
      [['generate', '--resume', 'nope'], /no run "nope"|no store/],
      [['questions', 'nope'], /no run "nope"|no store/],
      [['evaluate', '--top', '3'], /--top .* --questions-from/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  }, 120_000);

  it('plans a run with --dry-run without an API key', async () => {
    const dir = tmp();
    writeProject(dir);
    writeFileSync(
      join(dir, 'paid.yaml'),
      'models:\n  - { id: openai:gpt-4o-mini, roles: [generator, scorer] }\n  - { id: openai:gpt-4o, roles: [judge, scorer] }\ngenerate:\n  seeds: seeds.txt\n  budget: 100\n',
    );
    const run = await runCli(['-c', 'paid.yaml', 'generate', '--dry-run'], {
      cwd: dir,
      env: { OPENAI_API_KEY: '' },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/openai:gpt-4o-mini\s+generator/);
    expect(run.stdout).toMatch(/openai:gpt-4o\s+judge/);
    expect(run.stdout).toMatch(/total\s+\d+/);
  }, 60_000);
});
