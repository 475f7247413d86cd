import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../core/config.js';
import { listPrice, PRICE_TABLE_DATE, priceOf } from './price-table.js';
import { resolveModel } from './registry.js';

const config = AdaemConfigSchema.parse({
  providers: { gateway: { type: 'openai', baseURL: 'http://127.0.0.1:9/v1' } },
  models: [{ id: 'openai:gpt-4o', price: { input: 1, output: 1 } }],
});
const price = (id: string) =>
  priceOf(
    resolveModel(config, id),
    config.models.find((model) => model.id === id),
  );

describe('price table', () => {
  it('is dated and prices dated snapshots and -latest aliases like their family', () => {
    expect(PRICE_TABLE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(listPrice('openai', 'gpt-4o-mini-2024-07-18')).toEqual(listPrice('openai', 'gpt-4o-mini'));
    expect(listPrice('anthropic', 'claude-3-5-haiku-20241022')).toEqual({ input: 0.8, output: 4 });
    expect(listPrice('anthropic', 'claude-3-7-sonnet-latest')).toEqual({ input: 3, output: 15 });
    expect(listPrice('openai', 'my-finetune')).toBeUndefined();
  });

  it('takes the config price first, counts local models free, and knows nothing of other endpoints', () => {
    expect(price('openai:gpt-4o')).toMatchObject({ input: 1, output: 1, batchInput: 0.5, cachedInput: 0.5 });
    expect(price('openai:gpt-4o-mini')).toMatchObject({ input: 0.15, output: 0.6 });
    expect(price('sandbox:atlas')).toEqual({ input: 0, output: 0 });
    expect(price('llama-cpp:./m.gguf')).toEqual({ input: 0, output: 0 });
    expect(price('gateway:gpt-4o-mini')).toBeUndefined();
    expect(price('openai:ft:gpt-4o:acme')).toBeUndefined();
  });
});
