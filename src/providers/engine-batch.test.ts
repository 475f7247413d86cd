import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLedger, StoredBatch } from '../core/batch-ledger.js';
import { AdaemConfigSchema } from '../core/config.js';
import { BudgetExceededError } from '../core/errors.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { type SandboxServer, startSandboxServer } from '../sandbox/server.js';
import { createEngine } from './engine.js';

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function memoryLedger(): BatchLedger & { batches: Map<string, StoredBatch> } {
  const batches = new Map<string, StoredBatch>();
  return {
    batches,
    open: () => [...batches.values()],
    submitted: (batch) => batches.set(batch.id, batch),
    ended: (id) => batches.delete(id),
  };
}

async function engineFor(price: Record<string, number>, completionDelayMs = 0, ledger = memoryLedger()) {
  server = await startSandboxServer({
    config: AdaemConfigSchema.parse({}),
    theory: SCHWARTZ_THEORY,
    batch: { completionDelayMs },
  });
  const config = AdaemConfigSchema.parse({
    providers: { lab: { type: 'openai', baseURL: server.url, execution: 'batch' } },
    models: [{ id: 'lab:atlas', price }],
    batch: { pollIntervalMs: 10, collectMs: 20 },
  });
  return { engine: createEngine({ config, theory: SCHWARTZ_THEORY, batch: { ledger } }), ledger };
}

const ask = (topic: string) => ({
  messages: [{ role: 'user' as const, content: `Should cities ${topic}? Give three key points.` }],
  params: { maxTokens: 100, seed: 1 },
});

describe('engine in batch execution', () => {
  it('collects concurrent calls into one batch, stores it while in flight, and charges the batch price', async () => {
    const { engine, ledger } = await engineFor({ input: 2, output: 8, batchInput: 1, batchOutput: 4 }, 400);
    const provider = engine.provider('lab:atlas', 'examinee');
    const pending = ['tax sugar', 'ban cars', 'fund parks'].map((topic) => provider.chat(ask(topic)));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect([...ledger.batches.values()].map((batch) => batch.requests.length)).toEqual([3]);
    const results = await Promise.all(pending);
    expect(server!.batches.batchesSubmitted).toBe(1);
    expect(ledger.batches.size).toBe(0);
    const usage = engine.usage().total;
    expect(usage.costUsd).toBeCloseTo((usage.inputTokens * 1 + usage.outputTokens * 4) / 1e6, 12);
    expect(results.every((result) => result.text.length > 0)).toBe(true);
    await engine.close();
  });

  it('reserves at the batch price under --max-cost: a call the live price would refuse fits', async () => {
    const price = { input: 1000, output: 1000, batchInput: 500, batchOutput: 500 };
    const { engine } = await engineFor(price);
    const request = ask('tax sugar');
    const characters = request.messages[0]!.content.length;
    const liveWorst = ((Math.ceil(characters / 3) + 8) * 1000 + 100 * 1000) / 1e6;
    engine.limitSpending({ maxCostUsd: liveWorst * 0.75, spentUsd: 0 });
    const result = await engine.provider('lab:atlas', 'examinee').chat(request);
    expect(result.text.length).toBeGreaterThan(0);
    engine.limitSpending({ maxCostUsd: liveWorst * 0.4, spentUsd: 0 });
    await expect(engine.provider('lab:atlas', 'examinee').chat(ask('ban cars'))).rejects.toBeInstanceOf(
      BudgetExceededError,
    );
    await engine.close();
  });
});
