import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
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

const exited = (child: Child) => new Promise<number | null>((resolve) => child.on('exit', resolve));

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
