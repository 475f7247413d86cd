import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../../test/helpers/openai-server.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import type { CallOutcome } from '../core/call-outcome.js';
import { AdaemConfigSchema } from '../core/config.js';
import { ConfigError, ProviderError } from '../core/errors.js';
import type { ResponseCache } from '../core/provider.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { openStore } from '../store/index.js';
import { createEngine } from './engine.js';

const tmp = useTmpDir();
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const PLANTED = 'sk-test-PLANTED-7f3a9c';

async function setup(
  script?: Parameters<typeof startOpenAIServer>[0],
  provider: Record<string, unknown> = {},
) {
  const server = await startOpenAIServer(script);
  servers.push(server);
  const config = AdaemConfigSchema.parse({
    providers: {
      local: { type: 'openai', baseURL: server.url, apiKey: PLANTED, maxRetries: 3, ...provider },
    },
    models: [{ id: 'local:m', price: { input: 1, output: 2 } }],
  });
  const outcomes: CallOutcome[] = [];
  const store = openStore({ path: join(tmp(), 'engine.db') });
  const engine = createEngine({
    config,
    theory: SCHWARTZ_THEORY,
    cache: store.cache,
    recorder: { record: (outcome) => outcomes.push(outcome) },
    retryBaseDelayMs: 5,
  });
  return { server, engine, store, outcomes, provider: engine.provider('local:m', 'examinee') };
}

const ask = (content = 'hello', sampleIndex = 0) => ({
  messages: [{ role: 'user' as const, content }],
  sampleIndex,
});

describe('engine with the OpenAI-compatible adapter', () => {
  it('sends messages, params, JSON schema and logprob requests and reads the reply', async () => {
    const { server, provider } = await setup(() => ({ kind: 'reply', text: '{"ok": true}' }));
    const result = await provider.chat({
      ...ask('judge this'),
      params: { temperature: 0.2, maxTokens: 5, seed: 3 },
      jsonSchema: { name: 'x', schema: { type: 'object' } },
      topLogprobs: 2,
    });
    expect(result.text).toBe('{"ok": true}');
    expect(result.usage).toEqual({ inputTokens: 11, outputTokens: 3 });
    expect(result.logprobs?.[0]?.top.map((entry) => entry.token)).toEqual(['Yes', 'No']);
    expect(result.systemFingerprint).toBe('fp-test');
    expect(result.costUsd).toBeCloseTo((11 * 1 + 3 * 2) / 1e6, 12);
    const body = server.received[0]!.body;
    expect(body).toMatchObject({
      model: 'm',
      temperature: 0.2,
      max_tokens: 5,
      seed: 3,
      logprobs: true,
      top_logprobs: 2,
    });
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'x' } });
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${PLANTED}`);
  });

  it('embeds texts through /v1/embeddings', async () => {
    const { provider } = await setup();
    const result = await provider.embed!({ texts: ['a', 'b'] });
    expect(result.vectors).toEqual([
      [0, 1, 0.5],
      [1, 1, 0.5],
    ]);
  });

  it('waits as long as Retry-After asks and then succeeds', async () => {
    const { server, provider, outcomes } = await setup((index) =>
      index === 0 ? { kind: 'status', status: 429, retryAfterMs: '300' } : { kind: 'reply' },
    );
    await provider.chat(ask());
    expect(server.received).toHaveLength(2);
    expect(server.received[1]!.at - server.received[0]!.at).toBeGreaterThanOrEqual(280);
    expect(outcomes[0]).toMatchObject({ status: 'ok', attempts: 2 });
  });

  it('retries 500s, dropped connections and malformed bodies', async () => {
    const actions = [{ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'malformed' }] as const;
    const { server, provider } = await setup((index) => actions[index] ?? { kind: 'reply', text: 'fine' });
    expect((await provider.chat(ask())).text).toBe('fine');
    expect(server.received).toHaveLength(4);
  });

  it.each([400, 401, 403, 404])('never retries HTTP %i', async (status) => {
    const { server, provider, outcomes } = await setup(() => ({ kind: 'status', status }));
    const error = await provider.chat(ask()).catch((caught: unknown) => caught);
    const refused = status === 401 || status === 403;
    expect(error).toBeInstanceOf(refused ? ConfigError : ProviderError);
    if (!refused) expect(error).toMatchObject({ status, isRetryable: false });
    expect(server.received).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: 'error', httpStatus: status, attempts: 1 });
  });

  it('makes one attempt only when retries are switched off', async () => {
    const server = await startOpenAIServer(() => ({ kind: 'status', status: 500 }));
    servers.push(server);
    const config = AdaemConfigSchema.parse({
      providers: { local: { type: 'openai', baseURL: server.url } },
      models: [{ id: 'local:m' }],
    });
    const engine = createEngine({ config, theory: SCHWARTZ_THEORY, retry: false });
    await expect(engine.provider('local:m', 'judge').chat(ask())).rejects.toBeInstanceOf(ProviderError);
    expect(server.received).toHaveLength(1);
    expect(engine.usage().total).toMatchObject({ calls: 1, errors: 1 });
  });

  it('gives up on a slow server after the per-call timeout', async () => {
    const { server, provider } = await setup(() => ({ kind: 'slow', delayMs: 2000 }), {
      timeoutMs: 150,
      maxRetries: 1,
    });
    const error = await provider.chat(ask()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: 'timeout', isRetryable: true });
    expect(server.received).toHaveLength(2);
  });

  it('sends embeddings through the cache, usage, price and call records like chat calls', async () => {
    const { server, engine, outcomes } = await setup();
    const embedder = engine.provider('local:m', 'embedder');
    const first = await embedder.embed!({ texts: ['a question', 'another'] });
    expect(first.vectors).toEqual([
      [0, 1, 0.5],
      [1, 1, 0.5],
    ]);
    const again = await embedder.embed!({ texts: ['a question', 'another'] });
    expect(again.cached).toBe(true);
    expect(again.vectors).toEqual(first.vectors);
    expect(server.received.filter((request) => request.path.endsWith('/embeddings'))).toHaveLength(1);
    expect(outcomes).toEqual([
      expect.objectContaining({ providerId: 'local:m', role: 'embedder', status: 'ok', inputTokens: 4 }),
      expect.objectContaining({ providerId: 'local:m', role: 'embedder', status: 'cached', costUsd: 0 }),
    ]);
    const usage = engine.usage().byModel.find((row) => row.role === 'embedder')!.counters;
    expect(usage).toMatchObject({ calls: 2, cached: 1, inputTokens: 4 });
    expect(usage.costUsd).toBeCloseTo(4 / 1_000_000, 12);
  });

  it('merges identical calls in flight into one request', async () => {
    const { server, provider } = await setup(() => ({ kind: 'slow', delayMs: 100 }));
    const [first, second] = await Promise.all([provider.chat(ask('same')), provider.chat(ask('same'))]);
    expect(first.text).toBe(second.text);
    expect(server.received).toHaveLength(1);
  });

  it('commits a finished call before its slot passes to the next call, so a kill loses at most the calls in flight', async () => {
    // A store whose commits take 30 ms, as a slow disk's would.
    const committedKeys = new Set<string>();
    const queued: string[] = [];
    const cache: ResponseCache = {
      get: () => undefined,
      put: (key) => {
        queued.push(key);
      },
      committed: () =>
        new Promise((resolve) =>
          setTimeout(() => {
            for (const key of queued.splice(0)) committedKeys.add(key);
            resolve();
          }, 30),
        ),
    };
    const committedWhenAsked: number[] = [];
    const server = await startOpenAIServer(() => {
      committedWhenAsked.push(committedKeys.size);
      return { kind: 'reply' };
    });
    servers.push(server);
    const config = AdaemConfigSchema.parse({
      providers: { local: { type: 'openai', baseURL: server.url, apiKey: PLANTED, concurrency: 1 } },
    });
    const engine = createEngine({ config, theory: SCHWARTZ_THEORY, cache });
    const provider = engine.provider('local:m', 'examinee');
    await Promise.all([0, 1, 2, 3, 4].map((index) => provider.chat(ask(`q${index}`))));
    expect(committedWhenAsked).toEqual([0, 1, 2, 3, 4]);
    expect(committedKeys.size).toBe(5);
  });

  it('serves a repeated call from the store, but not another sample index, and never caches errors', async () => {
    const { server, provider, engine } = await setup((index) =>
      index === 0 ? { kind: 'status', status: 400 } : { kind: 'reply' },
    );
    await expect(provider.chat(ask('q'))).rejects.toBeInstanceOf(ProviderError);
    const fresh = await provider.chat(ask('q'));
    const again = await provider.chat(ask('q'));
    const otherSample = await provider.chat(ask('q', 1));
    expect(fresh.cached).toBeUndefined();
    expect(again).toMatchObject({ cached: true, text: fresh.text, costUsd: 0 });
    expect(otherSample.cached).toBeUndefined();
    expect(server.received).toHaveLength(3);
    expect(engine.usage().total).toMatchObject({
      calls: 4,
      cached: 1,
      errors: 1,
      inputTokens: 22,
      outputTokens: 6,
    });
  });

  it('never replays a reply cached from another endpoint or other sandbox settings', async () => {
    const first = await startOpenAIServer(() => ({ kind: 'reply', text: 'from the first endpoint' }));
    const second = await startOpenAIServer(() => ({ kind: 'reply', text: 'from the second endpoint' }));
    servers.push(first, second);
    const store = openStore({ path: join(tmp(), 'scope.db') });
    const engineFor = (config: Record<string, unknown>) =>
      createEngine({ config: AdaemConfigSchema.parse(config), theory: SCHWARTZ_THEORY, cache: store.cache });
    const at = (url: string) => ({ providers: { local: { type: 'openai', baseURL: url } } });
    const fromFirst = await engineFor(at(first.url)).provider('local:m', 'examinee').chat(ask('q'));
    const replayed = await engineFor(at(first.url)).provider('local:m', 'examinee').chat(ask('q'));
    const fromSecond = await engineFor(at(second.url)).provider('local:m', 'examinee').chat(ask('q'));
    expect(fromFirst.text).toBe('from the first endpoint');
    expect(replayed.cached).toBe(true);
    expect(fromSecond).toMatchObject({ text: 'from the second endpoint' });
    expect(fromSecond.cached).toBeUndefined();

    const sandboxAnswer = (sandbox: Record<string, unknown>) =>
      engineFor({ sandbox }).provider('sandbox:atlas', 'examinee').chat(ask('Should cities ban cars?'));
    await sandboxAnswer({ refusalRate: 0 });
    expect((await sandboxAnswer({ refusalRate: 0 })).cached).toBe(true);
    expect((await sandboxAnswer({ refusalRate: 1 })).cached).toBeUndefined();
    store.close();
  });

  it('keeps the API key out of call records, errors and the store, and stops at the first refusal', async () => {
    const echo = `Incorrect API key provided: ${PLANTED}. Also seen: sk-ant-api03-OTHERkey1234567 and Bearer abcdef1234567890`;
    const { server, provider, store, outcomes } = await setup(() => ({
      kind: 'status',
      status: 401,
      message: echo,
    }));
    const error = await provider.chat(ask()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(
      /local:m: the provider refused the API key \(HTTP 401\); fix providers\.local\.apiKey/,
    );
    await expect(provider.chat(ask('second'))).rejects.toBe(error);
    expect(server.received).toHaveLength(1);
    expect(outcomes[0]!.errorMessage).toMatch(
      /HTTP 401 Incorrect API key provided: \[redacted\]\. Also seen: \[redacted\] and Bearer \[redacted\]/,
    );
    store.close();
    expect(String((error as Error).message)).not.toContain(PLANTED);
    expect(JSON.stringify(outcomes)).not.toContain(PLANTED);
    expect(readFileSync(store.path).toString('latin1')).not.toContain(PLANTED);
  });

  it('rejects unknown providers with a suggestion and missing keys by name', () => {
    const config = AdaemConfigSchema.parse({});
    const engine = createEngine({ config, theory: SCHWARTZ_THEORY, env: {} });
    expect(() => engine.provider('opena1:gpt-4o', 'judge')).toThrow(ConfigError);
    expect(() => engine.provider('opena1:gpt-4o', 'judge')).toThrow(
      /unknown provider "opena1" — did you mean "openai"\?/,
    );
    expect(() => engine.provider('openai:gpt-4o', 'judge')).toThrow(/OPENAI_API_KEY/);
    expect(() => engine.provider('sandbox:nobody', 'judge')).toThrow(/unknown sandbox model "nobody"/);
  });
});
