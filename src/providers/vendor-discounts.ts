import type { Price, ProviderType } from '../core/config.js';

/** When the discounts below were last checked against the vendors' pricing pages. */
export const DISCOUNTS_DATE = '2025-11-01';

/** One vendor's published batch and prompt-cache discounts, as fractions of the live input/output price. */
export interface VendorDiscounts {
  /** Batch API price as a share of the live price (input and output). */
  batch: number;
  /** A cached input token as a share of a fresh one, per model family; `default` for the rest. */
  cacheRead: Record<string, number>;
  /** A token written to the cache as a share of a fresh one (1: writing costs nothing extra). */
  cacheWrite: number;
  /** The shortest prefix the provider caches, in tokens, per model family; `default` for the rest. */
  minCachedTokens: Record<string, number>;
  /** Where the figures are published. */
  sources: string[];
}

/**
 * OpenAI: the Batch API costs 50 % of the live price; cached input (automatic, prefixes of 1,024
 * tokens or more) costs half of fresh input for gpt-4o and the o1 family, a quarter for gpt-4.1,
 * o3 and o4-mini, a tenth for gpt-5; older models cache nothing. Anthropic: Message Batches cost
 * 50 %; a cache read costs a tenth of fresh input and a 5-minute cache write 1.25 times; prefixes
 * of at least 1,024 tokens are cached (2,048 for Claude 3 Haiku and 3.5 Haiku, 4,096 for Haiku 4.5
 * and Opus 4.5). Batch and cache discounts stack; in a batch, Anthropic serves cache hits on a
 * best-effort basis (it quotes typical hit rates of 30–98 %).
 */
export const VENDOR_DISCOUNTS: Record<'openai' | 'anthropic', VendorDiscounts> = {
  openai: {
    batch: 0.5,
    cacheRead: {
      default: 0.5,
      'gpt-5': 0.1,
      'gpt-5-mini': 0.1,
      'gpt-5-nano': 0.1,
      'gpt-4.1': 0.25,
      'gpt-4.1-mini': 0.25,
      'gpt-4.1-nano': 0.25,
      o3: 0.25,
      'o4-mini': 0.25,
      'gpt-4-turbo': 1,
      'gpt-4': 1,
      'gpt-3.5-turbo': 1,
    },
    cacheWrite: 1,
    minCachedTokens: { default: 1024 },
    sources: [
      'https://platform.openai.com/docs/guides/batch',
      'https://platform.openai.com/docs/guides/prompt-caching',
      'https://openai.com/api/pricing/',
    ],
  },
  anthropic: {
    batch: 0.5,
    cacheRead: { default: 0.1 },
    cacheWrite: 1.25,
    minCachedTokens: {
      default: 1024,
      'claude-3-haiku': 2048,
      'claude-3-5-haiku': 2048,
      'claude-haiku-4-5': 4096,
      'claude-opus-4-5': 4096,
    },
    sources: [
      'https://docs.anthropic.com/en/docs/build-with-claude/batch-processing',
      'https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching',
    ],
  },
};

function familyOf(model: string): string {
  return model.replace(/-(latest|\d{4}-\d{2}-\d{2}|\d{8})$/, '');
}

function lookup(table: Record<string, number>, model: string): number {
  return table[model] ?? table[familyOf(model)] ?? table.default!;
}

/** The vendor discounts that apply to a model, when it is called on the vendor's own API. */
export function discountsOf(type: ProviderType): VendorDiscounts | undefined {
  return type === 'openai' || type === 'anthropic' ? VENDOR_DISCOUNTS[type] : undefined;
}

/** The shortest prompt prefix a vendor caches for a model, in tokens; undefined when it does not cache. */
export function minCachedTokensOf(type: ProviderType, model: string): number | undefined {
  const discounts = discountsOf(type);
  if (!discounts || lookup(discounts.cacheRead, model) >= 1) return undefined;
  return lookup(discounts.minCachedTokens, model);
}

/** A price with the batch and cache prices it leaves out filled from the vendor's discounts. */
export function withDiscounts(type: ProviderType, model: string, price: Price): Price {
  const discounts = discountsOf(type);
  if (!discounts) return price;
  return {
    ...price,
    cachedInput: price.cachedInput ?? price.input * lookup(discounts.cacheRead, model),
    cacheWrite: price.cacheWrite ?? price.input * discounts.cacheWrite,
    batchInput: price.batchInput ?? price.input * discounts.batch,
    batchOutput: price.batchOutput ?? price.output * discounts.batch,
  };
}
