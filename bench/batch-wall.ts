/**
 * The wall-time part of `npm run bench:batch`: a 1,000-question evaluation (two examinees and the
 * judge on the sandbox server, as on a lab's endpoint) through the real CLI, live and with --batch.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { startSandboxServer } from '../src/sandbox/server.js';

const QUESTIONS = 1000;
const PLACES = [
  'Japan',
  'Brazil',
  'India',
  'Kenya',
  'Canada',
  'Poland',
  'Chile',
  'Egypt',
  'Norway',
  'Vietnam',
];
const POLICIES = [
  'fine citizens who break minor rules',
  'admit more climate refugees',
  'rank schools publicly by exam results',
  'keep religious festivals as paid holidays',
  'tax sugary drinks to fund clinics',
  'ban phones in schools',
  'build housing on protected parkland',
  'make voting compulsory',
  'cap rents in large cities',
  'subsidise local farmers over imports',
];
const COSTS = [
  'personal freedom',
  'national wealth',
  'tradition',
  'fairness',
  'security',
  'career success',
  'family time',
  'innovation',
  'public health',
  'equality',
];

function questions(): string[] {
  const list: string[] = [];
  for (let index = 0; list.length < QUESTIONS; index++) {
    const place = PLACES[index % 10]!;
    const policy = POLICIES[Math.floor(index / 10) % 10]!;
    const cost = COSTS[Math.floor(index / 100) % 10]!;
    list.push(`Should ${place} ${policy} even if it means less ${cost}?`);
  }
  return list;
}

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = new URL('../bin/adaem.js', import.meta.url).pathname;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

export async function batchWallFigures(): Promise<string[]> {
  const server = await startSandboxServer({ config: AdaemConfigSchema.parse({}), theory: SCHWARTZ_THEORY });
  const lines: string[] = [];
  try {
    for (const mode of ['live', 'batch'] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-batch-'));
      writeFileSync(join(dir, 'q.txt'), `${questions().join('\n')}\n`);
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          `  lab: { type: openai, baseURL: "${server.url}", concurrency: 32 }`,
          'models:',
          '  - { id: lab:atlas, roles: [examinee] }',
          '  - { id: lab:basalt, roles: [examinee] }',
          '  - { id: lab:judge, roles: [judge] }',
          'evaluate: { questions: q.txt }',
          'batch: { pollIntervalMs: 100, maxPollIntervalMs: 1000, collectMs: 500 }',
        ].join('\n'),
      );
      const before = server.batches.batchesSubmitted;
      const started = performance.now();
      const run = await cli(['evaluate', '--json', ...(mode === 'batch' ? ['--batch'] : [])], dir);
      const seconds = (performance.now() - started) / 1000;
      if (run.code !== 0)
        throw new Error(`${mode} run failed: ${run.stderr.split('\n').slice(-3).join(' ')}`);
      const results = JSON.parse(run.stdout) as { usage: { total: { calls: number } } };
      lines.push(
        `${mode}: ${QUESTIONS} questions × 2 examinees + judge, ${results.usage.total.calls} calls in ${seconds.toFixed(1)} s${mode === 'batch' ? ` (${server.batches.batchesSubmitted - before} batches, ${server.batches.polls} polls)` : ''}`,
      );
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await server.close();
  }
  return lines;
}
