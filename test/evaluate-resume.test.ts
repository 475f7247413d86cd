import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { startSandboxServer } from '../src/sandbox/server.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const CONCURRENCY = 4;

function writeConfig(dir: string, url: string, store: string): string {
  const questions = sandboxQuestions({ count: 30, kind: 'tradeoff', seed: 3 });
  writeFileSync(
    join(dir, 'questions.jsonl'),
    questions.map((question) => JSON.stringify(question)).join('\n'),
  );
  const path = join(dir, `${store}.yaml`);
  writeFileSync(
    path,
    [
      `store: ${store}.db`,
      'providers:',
      `  sbx: { type: openai, baseURL: "${url}", concurrency: ${CONCURRENCY}, maxRetries: 10 }`,
      'models:',
      ...['atlas', 'basalt', 'cirrus'].map((name) => `  - { id: sbx:${name}, roles: [examinee] }`),
      '  - { id: sbx:judge, roles: [judge] }',
      'evaluate: { questions: questions.jsonl, judgeMode: batched }',
    ].join('\n'),
  );
  return path;
}

describe('resuming an evaluation killed with SIGKILL', () => {
  it('finishes with the results of an uninterrupted run, re-asking at most the calls in flight', async () => {
    const dir = tmp();
    const server = await startSandboxServer({
      config: AdaemConfigSchema.parse({}),
      theory: SCHWARTZ_THEORY,
      faults: { rate429: 0.05, rate500: 0.04, rateDrop: 0.03, rateMalformed: 0.03, latencyMs: 3 },
      seed: 11,
    });
    try {
      const config = writeConfig(dir, server.url, 'killed');
      const answeredCount = (): number =>
        [...server.answered.values()].reduce((sum, count) => sum + count, 0);
      const child = spawnCli(['evaluate', '-c', config, '--run-id', 'r1'], { cwd: dir });
      await new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (answeredCount() >= 120) {
            clearInterval(timer);
            child.kill('SIGKILL');
            resolve();
          }
        }, 2);
        child.on('exit', () => {
          clearInterval(timer);
          reject(new Error('the run ended before it could be killed'));
        });
      });
      await new Promise((resolve) => child.on('exit', resolve));
      const resumed = await runCli(['evaluate', '-c', config, '--resume', 'r1', '--json'], { cwd: dir });
      expect(resumed.stderr).toContain('run r1 (resumed)');
      expect(resumed.code).toBe(0);
      // At most the calls in flight: the engine commits a finished call before its provider slot
      // passes to the next call, so no answer the server gave before the kill is lost but those.
      const answeredTwice = [...server.answered.values()].filter((count) => count > 1).length;
      expect(answeredTwice).toBeLessThanOrEqual(CONCURRENCY);

      server.answered.clear();
      const fresh = await runCli(
        ['evaluate', '-c', writeConfig(dir, server.url, 'fresh'), '--run-id', 'r2', '--json'],
        { cwd: dir },
      );
      expect(fresh.code).toBe(0);
      const resumedResults = JSON.parse(resumed.stdout);
      const freshResults = JSON.parse(fresh.stdout);
      expect(resumedResults.models).toEqual(freshResults.models);
      expect(resumedResults.models[0].counts.opinions).toBe(30);
    } finally {
      await server.close();
    }
  });
});

describe('stopping an evaluation with Ctrl-C', () => {
  it('aborts the calls in flight, marks the run cancelled and resumes to completion', async () => {
    const dir = tmp();
    const server = await startSandboxServer({
      config: AdaemConfigSchema.parse({}),
      theory: SCHWARTZ_THEORY,
      faults: { latencyMs: 20 },
    });
    try {
      const config = writeConfig(dir, server.url, 'interrupted');
      const child = spawnCli(['evaluate', '-c', config, '--run-id', 'ctrl-c'], { cwd: dir });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (server.answered.size >= 20) {
            clearInterval(timer);
            child.kill('SIGINT');
            resolve();
          }
        }, 5);
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toMatch(/run ctrl-c cancelled; resume with --resume ctrl-c/);
      // 64 items in flight wait on 4 provider slots, each listening for the abort: no listener warning.
      expect(stderr).not.toMatch(/MaxListenersExceededWarning|Possible EventTarget memory leak/);
      const runs = JSON.parse((await runCli(['-c', config, 'runs', '--json'], { cwd: dir })).stdout);
      expect(runs).toMatchObject([{ id: 'ctrl-c', status: 'cancelled' }]);
      const resumed = await runCli(['evaluate', '-c', config, '--resume', 'ctrl-c', '--json'], { cwd: dir });
      expect(resumed.code).toBe(0);
      expect(resumed.stderr).not.toMatch(/MaxListenersExceededWarning|Possible EventTarget memory leak/);
      expect(
        JSON.parse(resumed.stdout).models.map(
          (model: { counts: { opinions: number } }) => model.counts.opinions,
        ),
      ).toEqual([30, 30, 30]);
    } finally {
      await server.close();
    }
  });
});
