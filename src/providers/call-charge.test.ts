import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../core/config.js';
import { cacheMinimumOf } from './cache-minimum.js';
import { cacheSavingOf, chargeOf } from './call-charge.js';
import { priceOf } from './price-table.js';
import { resolveModel } from './registry.js';
import { DISCOUNTS_DATE, VENDOR_DISCOUNTS } from './vendor-discounts.js';

const config = AdaemConfigSchema.parse({
  providers: { gateway: { type: 'openai', baseURL: 'http://127.0.0.1:9/v1' } },
  models: [
    { id: 'openai:gpt-4.1', price: { input: 2, output: 8, batchInput: 0.9 } },
    { id: 'gateway:gpt-4o', price: { input: 2, output: 8 } },
  ],
});
const price = (id: string) =>
  priceOf(
    resolveModel(config, id),
    config.models.find((model) => model.id === id),
  );

describe('batch and cache prices', () => {
  it('are dated and follow the vendors: batch half, cached input a tenth (Anthropic) or a half (gpt-4o)', () => {
    expect(DISCOUNTS_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(VENDOR_DISCOUNTS.openai.sources.length).toBeGreaterThan(0);
    expect(price('openai:gpt-4o')).toEqual({
      input: 2.5,
      output: 10,
      cachedInput: 1.25,
      cacheWrite: 2.5,
      batchInput: 1.25,
      batchOutput: 5,
    });
    const sonnet = price('anthropic:claude-3-5-sonnet-20241022')!;
    expect(sonnet).toMatchObject({
      input: 3,
      output: 15,
      cacheWrite: 3.75,
      batchInput: 1.5,
      batchOutput: 7.5,
    });
    expect(sonnet.cachedInput).toBeCloseTo(0.3, 12);
  });

  it('take what models[].price sets over the vendor discounts, and none on another endpoint', () => {
    expect(price('openai:gpt-4.1')).toMatchObject({ batchInput: 0.9, batchOutput: 4, cachedInput: 0.5 });
    expect(price('gateway:gpt-4o')).toEqual({ input: 2, output: 8 });
    // Without batch prices a batch is charged as live, and cached tokens as fresh.
    const usage = { inputTokens: 1_000_000, outputTokens: 0, cachedInputTokens: 500_000 };
    expect(chargeOf(usage, price('gateway:gpt-4o'), 'batch')).toBe(2);
  });

  it('charge cached, cache-written and fresh input apart, and batch discounts stack with the cache', () => {
    const sonnet = price('anthropic:claude-3-5-sonnet')!;
    const usage = {
      inputTokens: 1_000_000,
      cachedInputTokens: 600_000,
      cacheWriteTokens: 100_000,
      outputTokens: 100_000,
    };
    // 300k fresh × 3 + 600k × 0.3 + 100k × 3.75 + 100k × 15 = 0.9 + 0.18 + 0.375 + 1.5
    expect(chargeOf(usage, sonnet, 'live')).toBeCloseTo(2.955, 9);
    expect(chargeOf(usage, sonnet, 'batch')).toBeCloseTo(2.955 / 2, 9);
    expect(cacheSavingOf(usage, sonnet, 'live')).toBeCloseTo(0.6 * 2.7, 9);
    expect(chargeOf(usage, undefined)).toBe(0);
  });

  it('knows the shortest prefix each vendor caches, and counts on none elsewhere', () => {
    expect(cacheMinimumOf(config, 'openai:gpt-4o-mini')).toBe(1024);
    expect(cacheMinimumOf(config, 'anthropic:claude-3-5-haiku-latest')).toBe(2048);
    expect(cacheMinimumOf(config, 'openai:gpt-4')).toBeUndefined();
    expect(cacheMinimumOf(config, 'gateway:gpt-4o')).toBeUndefined();
    expect(cacheMinimumOf(config, 'sandbox:atlas')).toBeUndefined();
  });
});
