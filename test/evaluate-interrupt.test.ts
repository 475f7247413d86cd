import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

/** A generous bound: the real figures (tens of ms) are measured by `npm run bench:interrupt`. */
const STOP_WITHIN_MS = 5000;

function project(count: number, config = ''): string {
  const dir = tmp();
  const questions = sandboxQuestions({ count, kind: 'tradeoff', seed: 4 });
  writeFileSync(join(dir, 'q.jsonl'), questions.map((question) => JSON.stringify(question)).join('\n'));
  writeFileSync(join(dir, 'adaem.yaml'), config);
  return dir;
}

/** Runs `adaem …`, sends `signal` as soon as stderr matches `marker`, and waits for the exit. */
function interruptAt(args: string[], cwd: string, marker: RegExp, signal: NodeJS.Signals) {
  const child = spawnCli(args, { cwd });
  let stdout = '';
  let stderr = '';
  let sentAt: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (sentAt === undefined && marker.test(stderr)) {
      sentAt = performance.now();
      child.kill(signal);
    }
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string; stopMs: number }>(
    (resolve, reject) =>
      child.on('exit', (code) => {
        if (sentAt === undefined) reject(new Error(`ended before ${marker}: ${stderr}`));
        else resolve({ code, stdout, stderr, stopMs: performance.now() - sentAt });
      }),
  );
}

const statusOf = async (dir: string, runId: string): Promise<string> =>
  JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout).find(
    (run: { id: string }) => run.id === runId,
  )?.status;

describe('Ctrl-C during an in-process run', () => {
  it('is heard although the sandbox answers without ever waiting on I/O', async () => {
    const dir = project(6000);
    const stopped = await interruptAt(
      ['evaluate', '-q', 'q.jsonl', '-m', 'sandbox:atlas,sandbox:basalt', '-j', 'sandbox:judge'],
      dir,
      /\d+\/12000/,
      'SIGINT',
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /Stopping: calls in flight are aborted and will be asked again on --resume; finished work is kept/,
    );
    expect(stopped.stderr.trim().split('\n').at(-1)).toMatch(
      /^adaem: run (eval-\S+) cancelled; resume with --resume \1$/,
    );
    expect(stopped.stdout).toBe('');
    expect(stopped.stopMs).toBeLessThan(STOP_WITHIN_MS);
    const runId = stopped.stderr.match(/run (eval-\S+) cancelled/)![1]!;
    expect(await statusOf(dir, runId)).toBe('cancelled');
  });
});

describe('Ctrl-C and SIGTERM during aggregation', () => {
  it('stop the run before its results, mark it cancelled, and --resume completes it without asking again', async () => {
    // 1,000 shuffled match orders make aggregating 3 models × 120 answers take seconds.
    const dir = project(120, 'evaluate:\n  matches: { orders: 1000 }\n');
    const panel = ['-m', 'sandbox:atlas,sandbox:basalt,sandbox:cirrus', '-j', 'sandbox:judge'];
    const aggregating = /aggregating the stored answers and judgements\n/;
    for (const [args, signal] of [
      [['evaluate', '-q', 'q.jsonl', ...panel, '--run-id', 'agg', '--json'], 'SIGINT'],
      [['evaluate', '--resume', 'agg', '--json'], 'SIGTERM'],
    ] as const) {
      const stopped = await interruptAt([...args], dir, aggregating, signal);
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toBe('');
      expect(stopped.stderr).toMatch(/\nStopping: /);
      expect(stopped.stderr.trim().split('\n').at(-1)).toBe(
        'adaem: run agg cancelled; resume with --resume agg',
      );
      expect(stopped.stderr).not.toMatch(/\n\s+at /);
      expect(stopped.stopMs).toBeLessThan(STOP_WITHIN_MS);
      expect(await statusOf(dir, 'agg')).toBe('cancelled');
    }
    const resumed = await runCli(['evaluate', '--resume', 'agg', '--json'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/360\/360 .*\| calls 0 \(cached 0, errors 0\)/);
    const results = JSON.parse(resumed.stdout);
    expect(results.status).toBe('done');
    expect(results.models.map((model: { counts: { opinions: number } }) => model.counts.opinions)).toEqual([
      120, 120, 120,
    ]);
    expect(await statusOf(dir, 'agg')).toBe('done');
  }, 180_000);
});
