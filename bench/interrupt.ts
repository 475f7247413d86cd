// bench:interrupt — how fast the real CLI stops on SIGINT / SIGTERM while calling models and while
// aggregating: 16 sandbox models × 2,000 questions (BENCH_QUESTIONS), in-process, real store.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { EXTRA_MODELS, examinees } from './helpers/paper-scale.js';

const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 2000);
const bin = new URL('../bin/adaem.js', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-interrupt-'));

interface Stop {
  /** ms from the signal to the "Stopping" line (the handler ran). */
  heardMs: number;
  /** ms from the signal to the process's exit. */
  exitMs: number;
  code: number | null;
}

/** Runs `adaem evaluate …`, sends `signal` `delayMs` after stderr matches `marker`, and times the stop. */
function interrupt(args: string[], marker: RegExp, delayMs: number, signal: NodeJS.Signals): Promise<Stop> {
  const child = spawn(process.execPath, [bin, 'evaluate', ...args], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sentAt = 0;
  let heardAt = 0;
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (sentAt === 0 && marker.test(stderr)) {
        sentAt = -1;
        setTimeout(() => {
          sentAt = performance.now();
          child.kill(signal);
        }, delayMs);
      }
      if (sentAt > 0 && heardAt === 0 && stderr.includes('Stopping')) heardAt = performance.now();
    });
    child.on('exit', (code) => {
      if (sentAt <= 0) return reject(new Error(`ended before the signal: ${stderr.slice(-500)}`));
      const exitAt = performance.now();
      resolve({ heardMs: (heardAt || exitAt) - sentAt, exitMs: exitAt - sentAt, code });
    });
  });
}

/** Runs `adaem evaluate …` to the end; returns its exit code and seconds. */
function complete(args: string[]): Promise<{ code: number | null; seconds: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'evaluate', ...args], { cwd: dir, stdio: 'ignore' });
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, seconds: (performance.now() - started) / 1000 })),
  );
}

const show = (stop: Stop): string =>
  `heard after ${stop.heardMs.toFixed(0)} ms, exited after ${stop.exitMs.toFixed(0)} ms (exit ${stop.code})`;

try {
  const questions = sandboxQuestions({ count: QUESTIONS, kind: 'tradeoff', seed: 9 });
  writeFileSync(join(dir, 'q.jsonl'), questions.map((question) => JSON.stringify(question)).join('\n'));
  writeFileSync(join(dir, 'adaem.yaml'), JSON.stringify({ sandbox: { models: EXTRA_MODELS } }));
  const resume = ['--resume', 'bench'];
  const started = ['-q', 'q.jsonl', '-m', examinees.join(','), '-j', 'sandbox:judge', '--run-id', 'bench'];
  const calling = /run bench/;
  const aggregating = /aggregating/;
  const callsInt = await interrupt(started, calling, 1500, 'SIGINT');
  const callsTerm = await interrupt(resume, calling, 1500, 'SIGTERM');
  // Let the calls finish: stop only once aggregation has begun.
  const aggregateInt = await interrupt(resume, aggregating, 300, 'SIGINT');
  const aggregateTerm = await interrupt(resume, aggregating, 1000, 'SIGTERM');
  const finished = await complete([...resume, '--json']);

  console.log(
    `adaem bench:interrupt — ${QUESTIONS} questions × ${examinees.length} sandbox models, batched judge, in-process, real CLI`,
  );
  console.log(`SIGINT  while calling:     ${show(callsInt)}`);
  console.log(`SIGTERM while calling:     ${show(callsTerm)}`);
  console.log(`SIGINT  while aggregating: ${show(aggregateInt)}`);
  console.log(`SIGTERM while aggregating: ${show(aggregateTerm)}`);
  console.log(
    `--resume afterwards:       exit ${finished.code} after ${finished.seconds.toFixed(1)} s (aggregation only)`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
