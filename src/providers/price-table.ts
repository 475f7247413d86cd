import type { ModelConfig, Price, ProviderType } from '../core/config.js';
import type { ResolvedModel } from './registry.js';
import { withDiscounts } from './vendor-discounts.js';

/** When the list prices below were last checked against the vendors' pricing pages. */
export const PRICE_TABLE_DATE = '2025-11-01';

/**
 * List prices in USD per million tokens (input, output) of common models on the vendors' own APIs,
 * as of `PRICE_TABLE_DATE`. A model's `price` in the config overrides its entry; dated snapshots
 * (`gpt-4o-2024-08-06`, `claude-3-5-haiku-20241022`) and `-latest` aliases use their family's price.
 */
export const PRICE_TABLE: Record<'openai' | 'anthropic', Record<string, Price>> = {
  openai: {
    'gpt-5': { input: 1.25, output: 10 },
    'gpt-5-mini': { input: 0.25, output: 2 },
    'gpt-5-nano': { input: 0.05, output: 0.4 },
    'gpt-4.1': { input: 2, output: 8 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
    'gpt-4.1-nano': { input: 0.1, output: 0.4 },
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    'gpt-4-turbo': { input: 10, output: 30 },
    'gpt-4': { input: 30, output: 60 },
    'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
    o1: { input: 15, output: 60 },
    'o1-mini': { input: 1.1, output: 4.4 },
    o3: { input: 2, output: 8 },
    'o3-mini': { input: 1.1, output: 4.4 },
    'o4-mini': { input: 1.1, output: 4.4 },
    'text-embedding-3-small': { input: 0.02, output: 0 },
    'text-embedding-3-large': { input: 0.13, output: 0 },
  },
  anthropic: {
    'claude-opus-4-5': { input: 5, output: 25 },
    'claude-opus-4-1': { input: 15, output: 75 },
    'claude-opus-4-0': { input: 15, output: 75 },
    'claude-opus-4': { input: 15, output: 75 },
    'claude-sonnet-4-5': { input: 3, output: 15 },
    'claude-sonnet-4-0': { input: 3, output: 15 },
    'claude-sonnet-4': { input: 3, output: 15 },
    'claude-haiku-4-5': { input: 1, output: 5 },
    'claude-3-7-sonnet': { input: 3, output: 15 },
    'claude-3-5-sonnet': { input: 3, output: 15 },
    'claude-3-5-haiku': { input: 0.8, output: 4 },
    'claude-3-opus': { input: 15, output: 75 },
    'claude-3-haiku': { input: 0.25, output: 1.25 },
  },
};

/** The family name of a dated snapshot or alias: `gpt-4o-2024-08-06` → `gpt-4o`. */
function familyOf(model: string): string {
  return model.replace(/-(latest|\d{4}-\d{2}-\d{2}|\d{8})$/, '');
}

/** The list price of a model on a vendor's own API, if the table has it. */
export function listPrice(type: ProviderType, model: string): Price | undefined {
  if (type !== 'openai' && type !== 'anthropic') return undefined;
  const table = PRICE_TABLE[type];
  return table[model] ?? table[familyOf(model)];
}

const FREE: Price = { input: 0, output: 0 };

/**
 * What one model costs: its configured `price`; else nothing for the sandbox and local GGUF files;
 * else the list price when it is called on the vendor's own endpoint. Undefined: unknown. On the
 * vendor's own endpoint the batch and cache prices the config leaves out follow the vendor's
 * published discounts (`VENDOR_DISCOUNTS`); elsewhere they stay unset (charged at the live price).
 */
export function priceOf(resolved: ResolvedModel, settings: ModelConfig | undefined): Price | undefined {
  // Another endpoint (a gateway, OpenRouter, a local server) may bill differently or not at all.
  const ownEndpoint = !resolved.providerConfig.baseURL;
  if (settings?.price)
    return ownEndpoint ? withDiscounts(resolved.type, resolved.model, settings.price) : settings.price;
  if (resolved.type === 'sandbox' || resolved.type === 'llama-cpp' || resolved.type === 'recorded')
    return FREE;
  if (!ownEndpoint) return undefined;
  const list = listPrice(resolved.type, resolved.model);
  return list && withDiscounts(resolved.type, resolved.model, list);
}
