import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../../test/helpers/openai-server.js';
import type { CallOutcome } from '../core/call-outcome.js';
import { AdaemConfigSchema } from '../core/config.js';
import { BudgetExceededError, ProviderError } from '../core/errors.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { createEngine } from './engine.js';
import { worstCaseUsage } from './spending-guard.js';

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

// $1 per token either way, so costs are token counts.
const PRICE = { input: 1_000_000, output: 1_000_000 };
const request = { messages: [{ role: 'user' as const, content: 'x'.repeat(30) }], params: { maxTokens: 10 } };
const worst = worstCaseUsage(request).inputTokens + worstCaseUsage(request).outputTokens;

async function engineFor(script: Parameters<typeof startOpenAIServer>[0], maxRetries: number) {
  const server = await startOpenAIServer(script);
  servers.push(server);
  const outcomes: CallOutcome[] = [];
  const engine = createEngine({
    config: AdaemConfigSchema.parse({
      providers: { local: { type: 'openai', baseURL: server.url, maxRetries } },
      models: [{ id: 'local:m', price: PRICE }],
    }),
    theory: SCHWARTZ_THEORY,
    recorder: { record: (outcome) => outcomes.push(outcome) },
    retryBaseDelayMs: 1,
  });
  return { server, engine, outcomes, provider: engine.provider('local:m', 'examinee') };
}

describe('spending cap', () => {
  it('refuses the attempt that could pass the cap, counting what earlier calls really cost', async () => {
    const { server, engine, provider } = await engineFor(() => ({ kind: 'reply' }), 0);
    engine.limitSpending({ maxCostUsd: 14 + worst - 1, spentUsd: 0 });
    await provider.chat(request); // the server reports 11 + 3 tokens: $14
    await expect(provider.chat({ ...request, sampleIndex: 1 })).rejects.toBeInstanceOf(BudgetExceededError);
    expect(server.received).toHaveLength(1);
    expect(engine.usage().total.costUsd).toBe(14);
  });

  it('charges failed attempts without an HTTP status at their worst case, retries included', async () => {
    const { server, engine, outcomes, provider } = await engineFor(() => ({ kind: 'malformed' }), 5);
    engine.limitSpending({ maxCostUsd: worst * 3, spentUsd: 0 });
    await expect(provider.chat(request)).rejects.toBeInstanceOf(BudgetExceededError);
    // Three attempts fit the cap exactly; the fourth (a retry) is never sent.
    expect(server.received).toHaveLength(3);
    expect(engine.usage().total.costUsd).toBe(worst * 3);
    expect(outcomes[0]).toMatchObject({ status: 'error', errorCode: 'budget', attempts: 4 });
    const again = await engineFor(() => ({ kind: 'malformed' }), 1);
    await expect(again.provider.chat(request)).rejects.toBeInstanceOf(ProviderError);
    expect(again.outcomes[0]).toMatchObject({ status: 'error', attempts: 2, costUsd: worst * 2 });
  });

  it('charges nothing for an HTTP error, which providers do not bill', async () => {
    const { engine, outcomes, provider } = await engineFor(() => ({ kind: 'status', status: 400 }), 0);
    engine.limitSpending({ maxCostUsd: worst, spentUsd: 0 });
    await expect(provider.chat(request)).rejects.toBeInstanceOf(ProviderError);
    await expect(provider.chat({ ...request, sampleIndex: 1 })).rejects.toBeInstanceOf(ProviderError);
    expect(outcomes.map((outcome) => outcome.costUsd)).toEqual([0, 0]);
  });
});
