import type { AdaemConfig } from '../core/config.js';
import { resolveModel } from './registry.js';
import { minCachedTokensOf } from './vendor-discounts.js';

/**
 * The shortest prompt prefix the model's provider caches, in tokens, when the model is called on
 * its vendor's own API and the vendor caches for it; undefined otherwise (no caching counted on).
 */
export function cacheMinimumOf(config: AdaemConfig, modelId: string): number | undefined {
  let resolved: ReturnType<typeof resolveModel>;
  try {
    resolved = resolveModel(config, modelId);
  } catch {
    // A model the config cannot place is reported elsewhere; here it is only not counted on to cache.
    return undefined;
  }
  if (resolved.providerConfig.baseURL) return undefined;
  return minCachedTokensOf(resolved.type, resolved.model);
}
