import type { ModelConfig, Price } from '../core/config.js';
import type { Provider } from '../core/provider.js';
import type { Limiter } from './limiter.js';
import type { ResolvedModel } from './registry.js';

/** What the engine keeps for one model: its adapter, limiter, settings, price and cache scope. */
export interface ModelEntry {
  resolved: ResolvedModel;
  adapter: Provider;
  limiter: Limiter;
  settings: ModelConfig | undefined;
  price: Price | undefined;
  /** See `cacheScopeOf`. */
  cacheScope: string;
}
