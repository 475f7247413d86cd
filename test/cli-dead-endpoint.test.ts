import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const QUESTIONS = [
  'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
  'Should Brazil admit more climate refugees even if it means less national wealth?',
  'Should India rank schools publicly by exam performance even if it means less caring for families?',
  'Should Kenya keep historic religious festivals as paid holidays even if it means less career success?',
];

/** A project whose examinee `remote:m` is served at `url`, next to a sandbox examinee and judge. */
function project(url: string): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'providers:',
      `  remote: { type: openai, baseURL: "${url}" }`,
      'models:',
      '  - { id: remote:m, roles: [examinee] }',
      '  - { id: sandbox:atlas, roles: [examinee] }',
      '  - { id: sandbox:judge, roles: [judge] }',
      'evaluate: { questions: q.txt }',
    ].join('\n'),
  );
  return dir;
}

/** A port on 127.0.0.1 that nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** The lines adaem wrote as errors (`adaem: …`). */
const errorLines = (stderr: string): string[] =>
  stderr.split('\n').filter((line) => line.startsWith('adaem: '));

describe('a dead endpoint (CLI)', () => {
  it('stops at once with one line naming the refused connection and the endpoint (exit 1)', async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}/v1`;
    const dir = project(url);
    const run = await runCli(['evaluate', '--run-id', 'dead'], { cwd: dir });
    expect(run.code).toBe(1);
    const errors = errorLines(run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(
      `remote:m (examinee) cannot be reached at ${url}: connection refused (connect ECONNREFUSED 127.0.0.1:${port})`,
    );
    expect(errors[0]).toContain('resume with --resume dead');
    expect(run.stderr).not.toMatch(/error rate|over --max-error-rate/);
    const runs = JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout);
    expect(runs.find((entry: { id: string }) => entry.id === 'dead').status).toBe('failed');
  }, 60_000);

  it('stops at once on a model the endpoint does not know (HTTP 404), without retrying it', async () => {
    const server = await startOpenAIServer(() => ({
      kind: 'status',
      status: 404,
      message: "The model 'm' does not exist",
    }));
    try {
      const dir = project(server.url);
      const run = await runCli(['evaluate'], { cwd: dir });
      expect(run.code).toBe(1);
      const errors = errorLines(run.stderr);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(
        /remote:m \(examinee\) cannot be reached at http:\/\/127\.0\.0\.1:\d+\/v1: HTTP 404 The model 'm' does not exist;/,
      );
      // One request per question at most: a 404 is never retried.
      expect(server.received.length).toBeLessThanOrEqual(QUESTIONS.length);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('names the failure most failed calls share, with its model and endpoint, when a run fails on errors', async () => {
    const server = await startOpenAIServer(() => ({
      kind: 'status',
      status: 400,
      message: 'bad request body',
    }));
    try {
      const dir = project(server.url);
      const run = await runCli(['evaluate', '--max-error-rate', '0.1'], { cwd: dir });
      expect(run.code).toBe(1);
      const expected = `every failure (4): remote:m (examinee) at ${server.url} — HTTP 400 bad request body`;
      expect(run.stderr).toContain(expected);
      expect(run.stdout).toContain(expected);
      const results = JSON.parse((await runCli(['results', '--json'], { cwd: dir })).stdout);
      expect(results.failure).toMatchObject({
        modelId: 'remote:m',
        role: 'examinee',
        endpoint: server.url,
        reason: 'HTTP 400 bad request body',
        count: 4,
        failed: 4,
      });
    } finally {
      await server.close();
    }
  }, 60_000);
});
