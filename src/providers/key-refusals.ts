import { ConfigError, isProviderError } from '../core/errors.js';
import { apiKeyVariableOf, type ResolvedModel } from './registry.js';

/** Providers that refused their API key: the first refusal stops every later call to that provider. */
export interface KeyRefusals {
  /** The refusal of a provider's key, if it was refused. */
  of(providerName: string): ConfigError | undefined;
  /** A ConfigError naming the key to fix when `error` is a refusal (HTTP 401/403), remembered; else undefined. */
  refuse(resolved: ResolvedModel, error: unknown): ConfigError | undefined;
}

/** Creates the engine's record of refused API keys. */
export function createKeyRefusals(): KeyRefusals {
  const refused = new Map<string, ConfigError>();
  return {
    of: (providerName) => refused.get(providerName),
    refuse(resolved, error) {
      if (!isProviderError(error) || (error.status !== 401 && error.status !== 403)) return undefined;
      const variable = resolved.providerConfig.apiKey
        ? `providers.${resolved.providerName}.apiKey`
        : (apiKeyVariableOf(resolved) ?? `providers.${resolved.providerName}.apiKey`);
      const found = new ConfigError(
        `${resolved.modelId}: the provider refused the API key (HTTP ${error.status}); fix ${variable}`,
        { code: 'auth', cause: error },
      );
      refused.set(resolved.providerName, found);
      return found;
    },
  };
}
