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
      const twice = [...server.answered.entries()].filter(([, count]) => count > 1);
      const answeredTwice = twice.length;
      console.error('TWICE', answeredTwice, twice.map(([k, c]) => `${c} ${k.slice(0, 300)}`).join('\n'));
      console.error('RESUMED-STDERR', resumed.stderr.slice(-2000));
      expect(answeredTwice).toBeLessThanOrEqual(CONCURRENCY);

      server.answered.clear();
      const fresh = await runCli(
        ['evaluate', '-c', writeConfig(dir, server.url, 'fresh'), '--run-id', 'r2', '--json'],
        { cwd: dir },
      );
      expect(fresh.code).toBe(0);
      const resumedResults = JSON.parse(resumed.stdout);
      const freshResults = JSON.parse(fresh.stdout);
      if (JSON.stringify(resumedResults.models) !== JSON.stringify(freshResults.models))
        console.error(
          'DIFF',
          JSON.stringify(resumedResults.models.map((m: any) => m.counts)),
          JSON.stringify(freshResults.models.map((m: any) => m.counts)),
        );
      expect(resumedResults.models).toEqual(freshResults.models);
      expect(resumedResults.models[0].counts.opinions).toBe(30);
    } finally {
      await server.close();
    }
  });
});
