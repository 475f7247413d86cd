import type { AdaemConfig } from '../core/config.js';
import type { ValueTheory } from '../core/value-theory.js';
import { Limiter } from './limiter.js';
import type { ModelEntry } from './model-entry.js';
import { priceOf } from './price-table.js';
import { buildAdapter, cacheScopeOf, resolveModel } from './registry.js';

/** The engine's models, each built once on first use; one limiter per provider, shared by its models. */
export function createModelEntries(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  env: Record<string, string | undefined>;
  /** Directory relative model paths (GGUF files) are resolved against. @default process.cwd() */
  configDir: string | undefined;
  /** Check that API keys are set when a provider is built. */
  requireKeys: boolean;
}) {
  const limiters = new Map<string, Limiter>();
  const models = new Map<string, ModelEntry>();
  const settingsById = new Map(options.config.models.map((model) => [model.id, model]));

  const limiterOf = (providerName: string, config: ModelEntry['resolved']['providerConfig']): Limiter => {
    let limiter = limiters.get(providerName);
    if (!limiter) {
      const { concurrency, rpm, tpm } = config;
      limiter = new Limiter({ concurrency, rpm, tpm });
      limiters.set(providerName, limiter);
    }
    return limiter;
  };

  return {
    /** A model's entry; throws ConfigError for unknown providers or missing keys. */
    entryOf(modelId: string): ModelEntry {
      const existing = models.get(modelId);
      if (existing) return existing;
      const resolved = resolveModel(options.config, modelId);
      const configDir = options.configDir ?? process.cwd();
      const adapter = buildAdapter(resolved, {
        config: options.config,
        theory: options.theory,
        env: options.env,
        configDir,
        requireKey: options.requireKeys,
      });
      const entry = {
        resolved,
        adapter,
        limiter: limiterOf(resolved.providerName, resolved.providerConfig),
        settings: settingsById.get(modelId),
        price: priceOf(resolved, settingsById.get(modelId)),
        cacheScope: cacheScopeOf(resolved, options.config, configDir),
      };
      models.set(modelId, entry);
      return entry;
    },
    /** Closes every adapter built. */
    async close(): Promise<void> {
      await Promise.all([...models.values()].map((entry) => entry.adapter.close?.()));
    },
  };
}
