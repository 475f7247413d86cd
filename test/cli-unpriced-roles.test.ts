import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { type SandboxServer, startSandboxServer } from '../src/sandbox/server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
let server: SandboxServer;

beforeAll(async () => {
  server = await startSandboxServer({
    config: AdaemConfigSchema.parse({}),
    theory: SCHWARTZ_THEORY,
    port: 0,
  });
});
afterAll(() => server.close());

/** The sandbox panel in-process, plus one model of `role` behind an OpenAI-compatible endpoint with no known price. */
function project(role: 'safety' | 'embedder'): string {
  const dir = tmp();
  const panel = readFileSync(new URL('../examples/sandbox.yaml', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => /^\s+- \{ id: sandbox:/.test(line) && !line.includes('embedder'))
    .map((line) => line.replace(', safety]', ']'));
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'providers:',
      `  local: { type: openai, baseURL: "${server.url}", maxRetries: 0 }`,
      'models:',
      ...panel,
      `  - { id: local:judge, roles: [${role}] }`,
      `generate: { seeds: "builtin", budget: 1${role === 'embedder' ? ', similarity: embedding' : ''} }`,
    ].join('\n'),
  );
  return dir;
}

describe('--max-cost with an unpriced safety model or embedder', () => {
  it.each(['safety', 'embedder'] as const)(
    'refuses to start a generation (exit 2, naming the %s)',
    async (role) => {
      const dir = project(role);
      const run = await runCli(['generate', '--max-cost', '5', '--seeds', 'builtin'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--max-cost cannot cap spending on local:judge: no known price/);
    },
  );

  it('refuses on --resume too, after a run started without a cap', async () => {
    const dir = project('safety');
    const first = await runCli(['generate', '--run-id', 'g', '--budget', '1'], { cwd: dir });
    expect(first.code).toBe(0);
    const resumed = await runCli(['generate', '--resume', 'g', '--budget', '2', '--max-cost', '5'], {
      cwd: dir,
    });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/--max-cost cannot cap spending on local:judge: no known price/);
  });
});
