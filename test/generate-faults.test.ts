import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { type SandboxServer, startSandboxServer } from '../src/sandbox/server.js';
import { startFaultProxy } from './helpers/fault-proxy.js';
import { runCli } from './helpers/run-cli.js';
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
  'Should children care for their parents in old age?',
  'Is it acceptable to lie to protect someone’s feelings?',
  'Should religious holidays be public holidays for everyone?',
  'Should people be free to choose risky sports?',
  'Should the rich pay a higher share of their income in tax?',
  'Is it right to eat meat?',
  'Should immigrants adopt the customs of their new country?',
  'Should art that offends believers be shown in public museums?',
  'Should parents decide which career their children follow?',
  'Is ambition a virtue?',
  'Should police be allowed to watch public places with cameras?',
  'Should companies put profit before the environment?',
];
const FRAGILE = SEEDS[2]!;

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({ config: AdaemConfigSchema.parse({}), theory: SCHWARTZ_THEORY });
});
afterAll(() => sandbox.close());

/** A project whose models are reached over HTTP through `url`, with no retries (every fault surfaces). */
function writeProject(dir: string, url: string, extra: string[] = []): void {
  writeFileSync(join(dir, 'seeds.txt'), `${SEEDS.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'seed: 7',
      'providers:',
      `  sbx: { type: openai, baseURL: "${url}", apiKey: "k", maxRetries: 0, concurrency: 32 }`,
      'models:',
      '  - { id: sbx:atlas, roles: [generator, scorer] }',
      '  - { id: sbx:basalt, roles: [generator, scorer] }',
      '  - { id: sbx:cirrus, roles: [scorer] }',
      '  - { id: sbx:judge, roles: [judge] }',
      'generate:',
      '  seeds: seeds.txt',
      '  rounds: 1',
      ...extra,
    ].join('\n'),
  );
}

interface Row {
  id: string;
  arm_id: string;
  step: string;
  status: string;
  reason: string | null;
  s_p1: number | null;
  s_p2: number | null;
  text: string;
  pull: number;
  detail: string;
}

function tablesOf(dir: string, runId: string) {
  const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
  try {
    const candidates = db
      .prepare('SELECT * FROM generation_candidates WHERE run_id = ? ORDER BY position')
      .all(runId) as Row[];
    const pulls = db.prepare('SELECT * FROM generation_pulls WHERE run_id = ? ORDER BY pull').all(runId) as {
      pull: number;
      arm_id: string;
      reward: number;
      failed?: string | null;
    }[];
    return { candidates, pulls };
  } finally {
    db.close();
  }
}

describe('a seed that cannot be scored', () => {
  it('is scored again when its first attempt fails, and its arm starts from its real score', async () => {
    let planted = 0;
    // The seed's first scoring (two opinions and the judge reading the question) fails.
    const proxy = await startFaultProxy(sandbox.url, ({ text }) => text.includes(FRAGILE) && planted++ < 3);
    try {
      const dir = tmp();
      writeProject(dir, proxy.url);
      const run = await runCli(['generate', '--budget', '4', '--run-id', 's'], { cwd: dir });
      expect(run.code).toBe(0);
      expect(proxy.failed).toBe(3);
      const seed = tablesOf(dir, 's').candidates.find((row) => row.text === FRAGILE)!;
      expect(seed.s_p1).not.toBeNull();
      expect(seed.reason).toBeNull();
      expect(JSON.parse(seed.detail)).toMatchObject({ attempts: 2 });
    } finally {
      await proxy.close();
    }
  }, 60_000);

  it('is excluded with its reason (never pulled at Q = 0) when every attempt fails, and scored on resume', async () => {
    let down = true;
    const proxy = await startFaultProxy(sandbox.url, ({ text }) => down && text.includes(FRAGILE));
    try {
      const dir = tmp();
      writeProject(dir, proxy.url);
      const run = await runCli(['generate', '--budget', '6', '--run-id', 'x'], { cwd: dir });
      expect(run.code).toBe(0);
      let tables = tablesOf(dir, 'x');
      let seed = tables.candidates.find((row) => row.text === FRAGILE)!;
      expect(seed.s_p1).toBeNull();
      expect(seed.reason).toBe('unscorable');
      expect(JSON.parse(seed.detail).excluded).toMatch(/could not be scored in 3 attempts/);
      expect(tables.pulls.filter((pull) => pull.arm_id === seed.id)).toHaveLength(0);

      down = false;
      const resumed = await runCli(['generate', '--resume', 'x', '--budget', '100'], { cwd: dir });
      expect(resumed.code).toBe(0);
      tables = tablesOf(dir, 'x');
      seed = tables.candidates.find((row) => row.text === FRAGILE)!;
      expect(seed.s_p1).not.toBeNull();
      expect(seed.reason).toBeNull();
      // Its arm is a live arm again: with 100 pulls over 20 arms UCB visits it.
      expect(tables.pulls.filter((pull) => pull.arm_id === seed.id).length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  }, 120_000);
});

/** A share of requests chosen by a hash of what they ask, which model and how often: alike in every run. */
const planted = (request: { text: string; model: string; repeat: number }, share: number) =>
  createHash('sha256').update(`${request.model}|${request.repeat}|${request.text}`).digest().readUInt32BE(0) /
    2 ** 32 <
  share;

describe('a pull whose candidates all failed for infrastructure reasons', () => {
  it('is recorded as no reward, leaves its arm as it was, and the bank stays as good as a fault-free run', async () => {
    // 30 % of the exploration calls (both steps) fail; everything else is served.
    const proxy = await startFaultProxy(
      sandbox.url,
      (request) => request.text.includes('General question:') && planted(request, 0.3),
    );
    try {
      const clean = tmp();
      const faulty = tmp();
      writeProject(clean, sandbox.url);
      writeProject(faulty, proxy.url);
      // The faults are planted on purpose: the run's error limit (generate.maxErrorRate) is raised above them.
      const args = ['generate', '--budget', '100', '--run-id', 'f', '--max-error-rate', '0.5'];
      const [cleanRun, faultyRun] = await Promise.all([
        runCli(args, { cwd: clean }),
        runCli(args, { cwd: faulty }),
      ]);
      expect(cleanRun.stderr).not.toMatch(/adaem:/);
      expect(cleanRun.code).toBe(0);
      expect(faultyRun.stderr).not.toMatch(/adaem:/);
      expect(faultyRun.code).toBe(0);
      expect(proxy.failed).toBeGreaterThan(20);
      const infrastructure = new Set(['error', 'unparseable']);
      const { candidates, pulls } = tablesOf(faulty, 'f');
      expect(pulls).toHaveLength(100);
      const failedPulls = pulls.filter((pull) => pull.failed);
      expect(failedPulls.length).toBeGreaterThan(0);
      expect(faultyRun.stdout).toMatch(/pulls were no reward/);
      for (const pull of pulls) {
        const rows = candidates.filter((row) => row.pull === pull.pull && row.step !== 'seed');
        const allFailed = rows.every((row) => row.status === 'rejected' && infrastructure.has(row.reason!));
        // No pull lowers its arm's Q because its calls failed: such a pull is no reward.
        expect(Boolean(pull.failed)).toBe(allFailed);
      }
      const top40 = (dir: string) => {
        const scores = tablesOf(dir, 'f')
          .candidates.filter((row) => row.status === 'accepted')
          .map((row) => row.s_p2!)
          .sort((a, b) => b - a)
          .slice(0, 40);
        expect(scores).toHaveLength(40);
        return scores.reduce((sum, value) => sum + value, 0) / scores.length;
      };
      const ratio = top40(faulty) / top40(clean);
      expect(Math.abs(ratio - 1)).toBeLessThan(0.1);
    } finally {
      await proxy.close();
    }
  }, 300_000);
});
