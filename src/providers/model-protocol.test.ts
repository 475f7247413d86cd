import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type ServerAction, startOpenAIServer } from '../../test/helpers/openai-server.js';
import { runCli } from '../../test/helpers/run-cli.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { ProviderError } from '../core/errors.js';
import { modelProtocol } from './model-protocol.js';
import { createOpenAIProvider } from './openai.js';

const tmp = useTmpDir();
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** Rejects, like the real API, what reasoning models do not accept. */
function strictApi(_: number, body: Record<string, unknown>): ServerAction {
  const reasoning = /^(?:o\d|gpt-5)/.test(String(body.model));
  if (!reasoning) return { kind: 'reply', text: 'ready' };
  const rejected =
    'max_tokens' in body ||
    ('temperature' in body && body.temperature !== 1) ||
    'top_p' in body ||
    'logprobs' in body;
  return rejected ? { kind: 'status', status: 400 } : { kind: 'reply', text: 'ready' };
}

async function strictServer() {
  const server = await startOpenAIServer(strictApi);
  servers.push(server);
  return server;
}

const params = { temperature: 0.7, topP: 0.9, maxTokens: 600, seed: 1 };
const messages = [{ role: 'user' as const, content: 'Stance?' }];

describe('provider protocol per model family', () => {
  it('sends reasoning models max_completion_tokens with room to think, and no temperature or top_p', async () => {
    const server = await strictServer();
    for (const model of ['o3-mini', 'o1', 'o4-mini', 'gpt-5-mini']) {
      const provider = createOpenAIProvider({
        id: `local:${model}`,
        model,
        config: { baseURL: server.url, timeoutMs: 5000 },
      });
      expect(provider.capabilities.logprobs).toBe(false);
      const result = await provider.chat({ messages, params, topLogprobs: 5 });
      expect(result.text).toBe('ready');
      const body = server.received.at(-1)!.body;
      expect(body).toMatchObject({ model, max_completion_tokens: 4000, seed: 1 });
      expect(Object.keys(body)).not.toContain('temperature');
      expect(Object.keys(body)).not.toContain('max_tokens');
    }
  });

  it('sends chat models max_tokens and their sampling settings', async () => {
    const server = await strictServer();
    const provider = createOpenAIProvider({
      id: 'local:gpt-4o-mini',
      model: 'gpt-4o-mini',
      config: { baseURL: server.url, timeoutMs: 5000 },
    });
    await provider.chat({ messages, params });
    expect(server.received.at(-1)!.body).toMatchObject({ max_tokens: 600, temperature: 0.7, top_p: 0.9 });
  });

  it('lets a config entry override the table — and the strict server then rejects what the real API would', async () => {
    const server = await strictServer();
    const provider = createOpenAIProvider({
      id: 'local:o3-mini',
      model: 'o3-mini',
      config: { baseURL: server.url, timeoutMs: 5000 },
      protocol: { tokenParameter: 'max_tokens', sampling: true },
    });
    await expect(provider.chat({ messages, params })).rejects.toBeInstanceOf(ProviderError);
    expect(
      modelProtocol('my-finetune', { tokenParameter: 'max_completion_tokens', sampling: false }),
    ).toMatchObject({
      family: 'chat',
      tokenParameter: 'max_completion_tokens',
      sampling: false,
    });
  });

  it('shows in `adaem models check` what each model will be sent', async () => {
    const server = await strictServer();
    const dir = tmp();
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'providers:',
        `  local: { type: openai, baseURL: "${server.url}" }`,
        'models:',
        '  - { id: local:o3-mini, roles: [examinee] }',
        '  - { id: local:gpt-4o-mini, roles: [judge] }',
      ].join('\n'),
    );
    const check = await runCli(['models', 'check', '--json'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    const rows = JSON.parse(check.stdout) as { model: string; ok: boolean; sends: string }[];
    expect(rows.map((row) => [row.model, row.ok, row.sends])).toEqual([
      ['local:o3-mini', true, 'o-series reasoning, max_completion_tokens=4000, no temperature/top_p'],
      ['local:gpt-4o-mini', true, 'chat, max_tokens=600, temperature/top_p'],
    ]);
  });
});
