import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { promptHashes } from '../src/core/prompts/templates.js';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

/** Evaluates one question with a judge behind a local server; returns the manifest and the judge's system prompts. */
async function evaluateWith(judgePrompt: 'definitions' | 'codebook') {
  const server = await startOpenAIServer();
  try {
    const dir = tmp();
    writeFileSync(
      join(dir, 'q.txt'),
      'Should cities ban cars from their centres even if shops lose customers?\n',
    );
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'providers:',
        `  remote: { type: openai, baseURL: "${server.url}" }`,
        'models:',
        '  - { id: sandbox:atlas, roles: [examinee] }',
        '  - { id: remote:judge, roles: [judge] }',
        `evaluate: { questions: q.txt, judgePrompt: ${judgePrompt} }`,
      ].join('\n'),
    );
    const run = await runCli(['evaluate', '--run-id', 'e', '--max-error-rate', '1', '--json'], { cwd: dir });
    expect(run.stderr).not.toMatch(/Error|\n\s+at /);
    const out = join(dir, 'export');
    expect((await runCli(['export', 'e', '--out', out], { cwd: dir })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const systems = server.received.map(
      (request) => (request.body.messages as { role: string; content: string }[])[0]!,
    );
    return { manifest, systems };
  } finally {
    await server.close();
  }
}

describe('evaluate.judgePrompt through the CLI', () => {
  it('sends the judge the prompt the config names, and records the choice and its hashes in the manifest', async () => {
    const definitions = await evaluateWith('definitions');
    const codebook = await evaluateWith('codebook');
    for (const [setting, run] of [
      ['definitions', definitions],
      ['codebook', codebook],
    ] as const) {
      expect(run.manifest.judgePrompt).toEqual({ setting, used: setting });
      expect(run.manifest.promptHashes).toEqual(promptHashes({ judge: setting }));
      expect(run.systems.length).toBeGreaterThan(0);
      expect(run.systems.every((message) => message.role === 'system')).toBe(true);
      // Every judge call of a run shares one fixed system prompt: the prefix a provider caches.
      expect(new Set(run.systems.map((message) => message.content)).size).toBe(1);
    }
    const [short, long] = [definitions.systems[0]!.content, codebook.systems[0]!.content];
    expect(long).not.toBe(short);
    expect(long.length).toBeGreaterThan(short.length + 2_000);
  }, 120_000);
});
