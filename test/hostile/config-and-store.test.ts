import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../helpers/openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

const PANEL = ['--models', 'sandbox:atlas', '--judge', 'sandbox:judge'];

function project(config: string): string {
  const dir = tmp();
  writeFileSync(join(dir, 'adaem.yaml'), config);
  writeFileSync(
    join(dir, 'q.txt'),
    'Should cities ban cars from their centres?\nShould schools drop homework?\n',
  );
  return dir;
}

describe('config, store and paying twice (issue 20, smaller points)', () => {
  it('reports a YAML alias bomb as a config error naming the file', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    ] as const)
      lines.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]`);
    const dir = project(`${lines.join('\n')}\n`);
    const run = await runCli(['runs'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(
      /^adaem: adaem\.yaml: Excessive alias count .* \(YAML aliases are limited to 100\)$/,
    );
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)'])('refuses the base URL %s', async (url) => {
    const dir = project(`providers:\n  local:\n    type: openai\n    baseURL: "${url}"\n`);
    const run = await runCli(['runs'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'adaem: adaem.yaml:4 providers.local.baseURL: must be an http(s) URL, e.g. http://127.0.0.1:8000/v1',
    );
  });

  it('warns, with the estimate, when an rpm would stretch the run over more than a day', async () => {
    const dir = project('providers:\n  sandbox: { rpm: 0.0001 }\n');
    const run = await runCli(['evaluate', '-q', 'q.txt', ...PANEL, '--dry-run'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^adaem: warning: providers\.sandbox \(rpm 0\.0001\) makes its \d+ planned calls take at least [\d.,]+ (days|years)/m,
    );
  });

  it('names the store file in a store error', async () => {
    const dir = project('');
    mkdirSync(join(dir, '.adaem'));
    writeFileSync(
      join(dir, '.adaem', 'adaem.db'),
      Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(4000)]),
    );
    const run = await runCli(['runs'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toMatch(
      /^adaem: store \/.*\/\.adaem\/adaem\.db: the file is not a SQLite database/,
    );
    expect(run.stderr).not.toContain('store store');
  });

  it('sends identical requests in flight once and counts the rest as shared in the usage table', async () => {
    const server = await startOpenAIServer(() => ({ kind: 'slow', delayMs: 300 }));
    try {
      const dir = project(
        `providers:\n  local: { type: openai, baseURL: "${server.url}", apiKey: sk-test-dummy }\nmodels:\n  - { id: local:m, roles: [examinee] }\n`,
      );
      // Two question ids, one text: the same opinion request twice, at once.
      writeFileSync(
        join(dir, 'same.jsonl'),
        `${JSON.stringify({ id: 'a', text: 'Should cities ban cars?' })}\n${JSON.stringify({ id: 'b', text: 'Should cities ban cars?' })}\n`,
      );
      const run = await runCli(
        [
          'evaluate',
          '-q',
          'same.jsonl',
          '--models',
          'local:m',
          '--judge',
          'sandbox:judge',
          '--no-cache',
          '--json',
        ],
        { cwd: dir },
      );
      expect(run.code, run.stderr).toBe(0);
      expect(server.received.filter((request) => request.path.endsWith('/chat/completions'))).toHaveLength(1);
      const results = JSON.parse(run.stdout) as {
        usage: {
          byModel: { providerId: string; role: string; calls: number; shared: number; costUsd: number }[];
        };
      };
      expect(results.usage.byModel.find((row) => row.providerId === 'local:m')).toMatchObject({
        calls: 2,
        shared: 1,
      });
      const table = await runCli(['results'], { cwd: dir });
      expect(table.stdout).toMatch(/model\s+role\s+calls\s+cached\s+shared\s+errors/);
      expect(table.stdout).toMatch(/local:m\s+examinee\s+2\s+0\s+1\s+0/);
    } finally {
      await server.close();
    }
  }, 60_000);
});
