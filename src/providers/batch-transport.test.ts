import { afterEach, describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../core/config.js';
import type { ChatRequest } from '../core/provider.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.js';
import { createAnthropicProvider } from './anthropic.js';
import { createAnthropicBatchTransport } from './batch-anthropic.js';
import { createOpenAIBatchTransport } from './batch-openai.js';
import type { BatchPoll, BatchTransport } from './batch-transport.js';
import { modelProtocol } from './model-protocol.js';
import { createOpenAIProvider } from './openai.js';

const config = AdaemConfigSchema.parse({});
const system = `You judge opinions. ${'Definitions follow. '.repeat(60)}`;
const requests: ChatRequest[] = ['taxes on sugar', 'night trains', 'school uniforms'].map((topic) => ({
  messages: [
    { role: 'system', content: system },
    { role: 'user', content: `Should cities regulate ${topic}? Give three key points.` },
  ],
  params: { temperature: 0, maxTokens: 200, seed: 7 },
}));
const items = requests.map((request, index) => ({ customId: `item-${index}`, request }));

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function untilEnded(
  transport: BatchTransport,
  id: string,
): Promise<Extract<BatchPoll, { ended: true }>> {
  for (;;) {
    const poll = await transport.poll(id);
    if (poll.ended) return poll;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('batch transports against the sandbox server', () => {
  it('OpenAI files + batches: the batch answers what live calls answer, after the completion delay', async () => {
    server = await startSandboxServer({ config, theory: SCHWARTZ_THEORY, batch: { completionDelayMs: 150 } });
    const settings = { id: 'openai:atlas', model: 'atlas', config: { baseURL: server.url, timeoutMs: 5000 } };
    const transport = createOpenAIBatchTransport({ ...settings, protocol: modelProtocol('atlas') });
    const id = await transport.submit(items);
    expect((await transport.poll(id)).ended).toBe(false);
    const poll = await untilEnded(transport, id);
    expect(poll.status).toBe('completed');
    const live = createOpenAIProvider(settings);
    for (const [index, request] of requests.entries()) {
      const outcome = poll.outcomes.find((entry) => entry.customId === `item-${index}`);
      expect(outcome && 'result' in outcome ? outcome.result.text : undefined).toBe(
        (await live.chat(request)).text,
      );
    }
    expect(server.batches.batchesSubmitted).toBe(1);
    expect(server.batches.polls).toBeGreaterThan(1);
  });

  it('Anthropic message batches: the same answers, the system prompt cached after its first read', async () => {
    server = await startSandboxServer({ config, theory: SCHWARTZ_THEORY, promptCacheMinTokens: 100 });
    const settings = {
      id: 'anthropic:atlas',
      model: 'atlas',
      config: { baseURL: server.url.replace(/\/v1$/, ''), apiKey: 'k', timeoutMs: 5000 },
    };
    const transport = createAnthropicBatchTransport(settings);
    const poll = await untilEnded(transport, await transport.submit(items));
    const results = poll.outcomes.flatMap((outcome) => ('result' in outcome ? [outcome.result] : []));
    expect(results).toHaveLength(3);
    expect(results.filter((result) => (result.usage.cachedInputTokens ?? 0) > 0)).toHaveLength(2);
    expect(results.filter((result) => (result.usage.cacheWriteTokens ?? 0) > 0)).toHaveLength(1);
    const live = createAnthropicProvider(settings);
    expect((await live.chat(requests[1]!)).text).toBe(
      results.find((_, index) => poll.outcomes[index]?.customId === 'item-1')?.text,
    );
  });

  it('reports expired and failed requests with their reason', async () => {
    server = await startSandboxServer({
      config,
      theory: SCHWARTZ_THEORY,
      batch: { expiredRate: 0.34, failureRate: 0.33 },
    });
    const many = Array.from({ length: 30 }, (_, index) => ({
      customId: `r${index}`,
      request: requests[index % 3]!,
    }));
    const settings = { id: 'openai:atlas', model: 'atlas', config: { baseURL: server.url } };
    const openai = createOpenAIBatchTransport({ ...settings, protocol: modelProtocol('atlas') });
    const poll = await untilEnded(openai, await openai.submit(many));
    expect(poll.status).toBe('expired');
    expect(poll.outcomes).toHaveLength(30);
    const failures = poll.outcomes.flatMap((outcome) => ('failure' in outcome ? [outcome.failure] : []));
    expect(failures.some((reason) => reason.startsWith('batch_expired'))).toBe(true);
    expect(failures.some((reason) => reason.startsWith('server_error'))).toBe(true);
    const anthropic = createAnthropicBatchTransport({
      ...settings,
      config: { baseURL: server.url, apiKey: 'k' },
    });
    const second = await untilEnded(anthropic, await anthropic.submit(many));
    const reasons = second.outcomes.flatMap((outcome) =>
      'failure' in outcome ? [outcome.failure.split(':')[0]] : [],
    );
    expect(new Set(reasons)).toEqual(new Set(['expired', 'errored']));
  });
});
