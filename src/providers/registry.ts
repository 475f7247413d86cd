import type { AdaemConfig, ProviderConfig, ProviderType } from '../core/config.js';
import { PROVIDER_TYPES, ProviderConfigSchema } from '../core/config.js';
import { credentialsOfUrl } from '../core/config-secrets.js';
import { didYouMean } from '../core/did-you-mean.js';
import { ConfigError } from '../core/errors.js';
import { type Provider, parseModelId } from '../core/provider.js';
import type { ValueTheory } from '../core/value-theory.js';
import { createSandboxProvider, SANDBOX_REVISION } from '../sandbox/provider.js';
import { createAnthropicProvider } from './anthropic.js';
import { createLlamaCppProvider } from './llama-cpp.js';
import { createOpenAIProvider } from './openai.js';
import { createRecordedProvider } from './recorded.js';

/** A model id resolved against the config: which provider instance, adapter type and settings. */
export interface ResolvedModel {
  modelId: string;
  providerName: string;
  type: ProviderType;
  model: string;
  providerConfig: ProviderConfig;
}

function isProviderType(name: string): name is ProviderType {
  return (PROVIDER_TYPES as readonly string[]).includes(name);
}

/** Finds the provider instance of `provider:model`; unknown providers are a ConfigError with a suggestion. */
export function resolveModel(config: AdaemConfig, modelId: string): ResolvedModel {
  const parts = parseModelId(modelId);
  if (!parts)
    throw new ConfigError(`model id "${modelId}" must read provider:model, e.g. openai:gpt-4o-mini`);
  const configured = config.providers[parts.provider];
  const type = configured?.type ?? (isProviderType(parts.provider) ? parts.provider : undefined);
  if (!type) {
    const known = [...new Set([...Object.keys(config.providers), ...PROVIDER_TYPES])];
    throw new ConfigError(
      `model "${modelId}": unknown provider "${parts.provider}"${didYouMean(parts.provider, known)}`,
      { code: 'unknown-provider' },
    );
  }
  const defaults = type === 'sandbox' ? { concurrency: 512 } : {};
  const providerConfig = configured ?? ProviderConfigSchema.parse(defaults);
  return { modelId, providerName: parts.provider, type, model: parts.model, providerConfig };
}

const apiKeyVariables: Partial<Record<ProviderType, string>> = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
};

/** The environment variable that holds a provider type's API key, if it has one. */
export function apiKeyVariableOf(resolved: ResolvedModel): string | undefined {
  return apiKeyVariables[resolved.type];
}

function apiKeyOf(
  resolved: ResolvedModel,
  env: Record<string, string | undefined>,
  required: boolean,
): string | undefined {
  if (resolved.providerConfig.apiKey) return resolved.providerConfig.apiKey;
  // Credentials in the base URL are this endpoint's own: the generic key variable is not sent there.
  const inUrl = resolved.providerConfig.baseURL && credentialsOfUrl(resolved.providerConfig.baseURL);
  if (inUrl && (inUrl.username || inUrl.password)) return undefined;
  const variable = apiKeyVariables[resolved.type];
  const key = variable ? env[variable] : undefined;
  const needsKey =
    resolved.type === 'anthropic' || (resolved.type === 'openai' && !resolved.providerConfig.baseURL);
  if (!key && needsKey && required) {
    throw new ConfigError(
      `model "${resolved.modelId}" needs an API key: set ${variable} or providers.${resolved.providerName}.apiKey`,
      { code: 'missing-key' },
    );
  }
  return key;
}

/** Builds the adapter of a resolved model (no network until the first call). */
export function buildAdapter(
  resolved: ResolvedModel,
  context: {
    config: AdaemConfig;
    theory: ValueTheory;
    env: Record<string, string | undefined>;
    configDir: string;
    /** Throw a ConfigError when the API key is missing. @default true */
    requireKey?: boolean;
  },
): Provider {
  const connection = () => ({
    ...resolved.providerConfig,
    apiKey: apiKeyOf(resolved, context.env, context.requireKey !== false),
  });
  const builders: Record<ProviderType, () => Provider> = {
    openai: () =>
      createOpenAIProvider({
        id: resolved.modelId,
        model: resolved.model,
        config: connection(),
        protocol: context.config.models.find((entry) => entry.id === resolved.modelId)?.protocol,
      }),
    anthropic: () =>
      createAnthropicProvider({ id: resolved.modelId, model: resolved.model, config: connection() }),
    'llama-cpp': () =>
      createLlamaCppProvider({
        id: resolved.modelId,
        modelPath: resolved.model,
        providerConfig: resolved.providerConfig,
        configDir: context.configDir,
      }),
    sandbox: () =>
      createSandboxProvider({ model: resolved.model, config: context.config, theory: context.theory }),
    recorded: () => createRecordedProvider({ id: resolved.modelId }),
  };
  return builders[resolved.type]();
}

/**
 * Everything besides the request that changes a model's answer, for the cache key: the adapter
 * type and endpoint, the local file, or the sandbox's settings, seed and revision.
 */
export function cacheScopeOf(resolved: ResolvedModel, config: AdaemConfig, configDir: string): string {
  const scopes: Record<ProviderType, () => unknown> = {
    openai: () => resolved.providerConfig.baseURL ?? 'https://api.openai.com/v1',
    anthropic: () => resolved.providerConfig.baseURL ?? 'https://api.anthropic.com',
    'llama-cpp': () => [configDir, resolved.model],
    sandbox: () => [SANDBOX_REVISION, config.seed, config.sandbox],
    recorded: () => null,
  };
  return JSON.stringify([resolved.type, scopes[resolved.type]()]);
}
