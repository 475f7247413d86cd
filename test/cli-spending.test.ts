import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

function project(yaml: string): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), 'Should cities ban cars downtown even if it means less freedom?\n');
  writeFileSync(join(dir, 'adaem.yaml'), yaml);
  return dir;
}

describe('--max-cost never overspends', () => {
  it('refuses to start with an unpriced model (exit 2, naming it), and runs with --allow-unpriced', async () => {
    const server = await startOpenAIServer();
    try {
      const dir = project(
        `providers:\n  local: { type: openai, baseURL: "${server.url}" }\nmodels:\n  - { id: local:m, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\n`,
      );
      const refused = await runCli(['evaluate', '-q', 'q.txt', '--max-cost', '5'], { cwd: dir });
      expect(refused.code).toBe(2);
      expect(refused.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^adaem: --max-cost cannot cap spending on local:m: no known price; .*--allow-unpriced/,
        ),
      ]);
      expect(server.received).toHaveLength(0);
      expect(existsSync(join(dir, '.adaem/adaem.db'))).toBe(false);
      const allowed = await runCli(['evaluate', '-q', 'q.txt', '--max-cost', '5', '--allow-unpriced'], {
        cwd: dir,
      });
      expect(allowed.code).toBe(0);
      expect(server.received.length).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it('prices OpenAI and Anthropic models from the built-in table in a dry run that needs no key', async () => {
    const dir = project('evaluate: { questions: q.txt }\n');
    const plan = await runCli(
      [
        'evaluate',
        '--dry-run',
        '-m',
        'openai:gpt-4o-mini,anthropic:claude-3-5-haiku-latest',
        '-j',
        'openai:gpt-4o',
      ],
      { cwd: dir, env: { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' } },
    );
    expect(plan.stderr).toBe('');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/openai:gpt-4o-mini\s+examinee\s+1\s+\d+\s+300\s+\$0\.0002/);
    expect(plan.stdout).toMatch(/anthropic:claude-3-5-haiku-latest\s+examinee\s+1\s+\d+\s+300\s+\$0\.001/);
    expect(plan.stdout).not.toMatch(/no price/);
    expect(plan.stdout).toMatch(/built-in table of \d{4}-\d{2}-\d{2}/);
  });
});
