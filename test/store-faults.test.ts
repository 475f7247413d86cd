import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { openStore } from '../src/store/index.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const PANEL = ['-m', 'sandbox:atlas,sandbox:basalt', '-j', 'sandbox:judge'];

function project(count: number): string {
  const dir = tmp();
  const questions = sandboxQuestions({ count, kind: 'tradeoff', seed: 5 });
  writeFileSync(join(dir, 'q.jsonl'), questions.map((question) => JSON.stringify(question)).join('\n'));
  return dir;
}

type Child = ReturnType<typeof spawnCli>;

/** Resolves with stderr so far once it matches `pattern`. */
function waitForStderr(child: Child, pattern: RegExp): Promise<string> {
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (pattern.test(stderr)) resolve(stderr);
    });
    child.on('exit', () => reject(new Error(`ended before ${pattern}: ${stderr}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', resolve));

describe('store faults', () => {
  it('ends a run on a full disk with one line, marks it failed, and --resume completes it', async () => {
    const dir = project(60);
    const full = await runCli(['evaluate', '-q', 'q.jsonl', ...PANEL, '--run-id', 'full', '--json'], {
      cwd: dir,
      env: { ADAEM_STORE_MAX_PAGES: '60' },
    });
    expect(full.code).toBe(1);
    const lines = full.stderr.trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^adaem: run full stopped: store .*adaem\.db: the disk \(or the store size limit\) is full \(SQLITE_FULL\); fix it and resume with --resume full$/,
    );
    expect(full.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout)).toMatchObject([
      { id: 'full', status: 'failed' },
    ]);
    const resumed = await runCli(['evaluate', '--resume', 'full', '--json'], { cwd: dir });
    expect(resumed.code).toBe(0);
    const fresh = await runCli(
      ['evaluate', '-q', 'q.jsonl', ...PANEL, '--run-id', 'fresh', '--no-cache', '--json'],
      {
        cwd: dir,
      },
    );
    expect(JSON.parse(resumed.stdout).models).toEqual(JSON.parse(fresh.stdout).models);
  });

  it('ends a run whose write lock another process holds too long with one line, marks it failed, and --resume completes it', async () => {
    const dir = project(3000);
    // The run waits 200 ms for a write lock; the other process holds it for 1.5 s.
    const env = { ADAEM_STORE_BUSY_TIMEOUT_MS: '200' };
    const run = spawnCli(['evaluate', '-q', 'q.jsonl', ...PANEL, '--run-id', 'busy', '--json'], {
      cwd: dir,
      env,
    });
    let stdout = '';
    run.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const runExit = exited(run);
    const stderr = waitForStderr(run, /^adaem: /m);
    await waitForStderr(run, /\d+\/6000/);
    const locker = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/store-locker.ts', join(dir, '.adaem', 'adaem.db'), '1500', 'busy'],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lockerExit = exited(locker);
    let lockerOut = '';
    locker.stdout.on('data', (chunk: Buffer) => {
      lockerOut += chunk.toString();
    });
    expect(await runExit).toBe(1);
    expect(await lockerExit).toBe(0);
    expect(lockerOut).toMatch(/^locked \d+\nreleased\n$/);
    expect(stdout).toBe('');
    const lines = (await stderr).trim().split('\n');
    expect(lines.at(-1)).toMatch(
      /^adaem: run busy stopped: store .*adaem\.db: another process held the write lock too long \(SQLITE_BUSY\); fix it and resume with --resume busy$/,
    );
    expect(await stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout)).toMatchObject([
      { id: 'busy', status: 'failed' },
    ]);
    // Every answer committed before the other process took the lock is still there.
    const committed = Number(lockerOut.match(/^locked (\d+)/)![1]);
    expect(committed).toBeGreaterThan(0);
    const store = openStore({ path: join(dir, '.adaem', 'adaem.db'), readonly: true });
    expect(store.responses.list('busy').length).toBeGreaterThanOrEqual(committed);
    store.close();

    const resumed = await runCli(['evaluate', '--resume', 'busy', '--json'], { cwd: dir });
    expect(resumed.code).toBe(0);
    const results = JSON.parse(resumed.stdout);
    expect(results.status).toBe('done');
    expect(results.models.map((model: { counts: { opinions: number } }) => model.counts.opinions)).toEqual([
      3000, 3000,
    ]);
  }, 120_000);

  it('never creates a store for results, runs or cache stats', async () => {
    const dir = tmp();
    expect(JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout)).toEqual([]);
    expect(JSON.parse((await runCli(['cache', 'stats', '--json'], { cwd: dir })).stdout)).toMatchObject({
      entries: 0,
    });
    const results = await runCli(['results'], { cwd: dir });
    expect(results.code).toBe(2);
    expect(results.stderr.trim()).toMatch(/^adaem: no store at .*adaem\.db: nothing has been run here yet$/);
    expect(existsSync(join(dir, '.adaem'))).toBe(false);
  });
});

describe('a run and its process', () => {
  it('is locked against a second process, stops on SIGTERM, and shows interrupted when killed', async () => {
    const dir = project(6000);
    const first = spawnCli(['evaluate', '-q', 'q.jsonl', ...PANEL, '--run-id', 'long'], { cwd: dir });
    await waitForStderr(first, /\d+\/12000/);
    const second = await runCli(['evaluate', '--resume', 'long'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr.trim()).toMatch(
      new RegExp(
        `^adaem: run long is being run by process ${first.pid} on .+; wait for it or stop it first$`,
      ),
    );
    const running = JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout);
    expect(running).toMatchObject([{ id: 'long', status: 'running' }]);

    first.kill('SIGTERM');
    expect(await exited(first)).toBe(1);
    const cancelled = JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout);
    expect(cancelled).toMatchObject([{ id: 'long', status: 'cancelled' }]);

    const again = spawnCli(['evaluate', '--resume', 'long'], { cwd: dir });
    await waitForStderr(again, /\d+\/12000/);
    again.kill('SIGKILL');
    await exited(again);
    const killed = JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout);
    expect(killed).toMatchObject([{ id: 'long', status: 'interrupted' }]);
  });
});
