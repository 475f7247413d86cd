import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../../src/core/config.js';
import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import { type SandboxServer, startSandboxServer } from '../../src/sandbox/server.js';
import { startOpenAIServer } from '../helpers/openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

// The audit of issue 20, item 2: a generation must not report partial failure as success.
const tmp = useTmpDir();

/** Seed topics written for this test. */
const SEEDS = [
  'Should people put their family before their career?',
  'Should governments protect local traditions?',
  'Should wealth be shared more equally?',
  'Should nature be protected even when it costs jobs?',
  'Should schools teach children to obey authority?',
  'Should people be free to choose risky sports?',
];

function project(models: string[], providers: string[]): string {
  const dir = tmp();
  writeFileSync(join(dir, 'seeds.txt'), `${SEEDS.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adaem.yaml'),
    ['providers:', ...providers, 'models:', ...models, 'generate: { budget: 4, seeds: seeds.txt }'].join(
      '\n',
    ),
  );
  return dir;
}

const PANEL = [
  '  - { id: sandbox:atlas, roles: [generator, scorer] }',
  '  - { id: sandbox:basalt, roles: [generator, scorer] }',
  '  - { id: sandbox:judge, roles: [judge] }',
];

let sandbox: SandboxServer;
beforeAll(async () => {
  sandbox = await startSandboxServer({
    config: AdaemConfigSchema.parse({}),
    theory: SCHWARTZ_THEORY,
    port: 0,
    faults: { rate500: 0.2 },
  });
});
afterAll(() => sandbox.close());

describe('a generation that fails in part', () => {
  it('stops at once, naming the model and its error, when every call to one P2 model fails (exit 1)', async () => {
    const gone = await startOpenAIServer(() => ({
      kind: 'status',
      status: 404,
      message: 'The model `gone` does not exist',
    }));
    try {
      const dir = project(
        [...PANEL, '  - { id: local:gone, roles: [scorer] }'],
        [`  local: { type: openai, baseURL: "${gone.url}", maxRetries: 0 }`],
      );
      const run = await runCli(['generate', '--run-id', 'g'], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /run g stopped: all \d+ calls to local:gone \(scorer\) failed — .*HTTP 404 The model `gone` does not exist/,
      );
      expect(gone.received.length).toBeLessThan(20);
      const runs = await runCli(['runs', '--json'], { cwd: dir });
      expect(JSON.parse(runs.stdout)).toMatchObject([{ id: 'g', status: 'failed' }]);
    } finally {
      await gone.close();
    }
  });

  it('fails the run (exit 1) when more calls failed than --max-error-rate allows, and says how many', async () => {
    const dir = project(
      [
        '  - { id: sbx:atlas, roles: [generator, scorer] }',
        '  - { id: sbx:basalt, roles: [generator, scorer] }',
        '  - { id: sbx:judge, roles: [judge] }',
      ],
      [`  sbx: { type: openai, baseURL: "${sandbox.url}", maxRetries: 0 }`],
    );
    const strict = await runCli(['generate', '--run-id', 'strict', '--no-cache'], { cwd: dir });
    expect(strict.stderr).toMatch(
      /run strict failed: \d+ of \d+ model calls failed \(\d+\.\d %\), over the limit of 5\.0 %/,
    );
    expect(strict.code).toBe(1);
    const lenient = await runCli(
      ['generate', '--run-id', 'lenient', '--no-cache', '--max-error-rate', '0.5'],
      { cwd: dir },
    );
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(
      /\d+ of \d+ model calls failed \(\d+\.\d %\); they were recorded and left out, never scored/,
    );
  });
});
