import { setMaxListeners } from 'node:events';
import type { CallRecorder } from '../core/call-outcome.js';
import type { AdaemConfig, Price, Role } from '../core/config.js';
import { secretsOfConfig } from '../core/config-secrets.js';
import type { ChatRequest, ChatResult, Provider, ResponseCache } from '../core/provider.js';
import { rememberSecrets, scrubSecrets } from '../core/scrub-secrets.js';
import type { ValueTheory } from '../core/value-theory.js';
import { batchThroughEngine, type EngineBatchOptions } from './engine-batch.js';
import { createEngineCall } from './engine-call.js';
import { cacheHitRecorder, embedThroughEngine } from './engine-embed.js';
import { type EngineProviderDeps, engineProvider } from './engine-provider.js';
import { createKeyRefusals } from './key-refusals.js';
import { createModelEntries } from './model-entries.js';
import type { ModelEntry } from './model-entry.js';
import { SpendingGuard } from './spending-guard.js';
import { UsageLedger, type UsageReport } from './usage-ledger.js';

export type { UsageCounters, UsageReport } from './usage-ledger.js';

/** Options of the call engine. */
export interface EngineOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  /** Where API keys are looked up. @default process.env */
  env?: Record<string, string | undefined>;
  /** Directory relative model paths (GGUF files) are resolved against. @default process.cwd() */
  configDir?: string;
  cache?: ResponseCache;
  recorder?: CallRecorder;
  /** Retry retryable failures. @default true */
  retry?: boolean;
  /** Serve and store responses through `cache`. @default true */
  useCache?: boolean;
  /** Backoff base in ms (tests shorten it). @default 500 */
  retryBaseDelayMs?: number;
  runId?: string;
  signal?: AbortSignal;
  /** Check that API keys are set when a provider is built (off for --dry-run). @default true */
  requireKeys?: boolean;
  /** Batch execution: `--batch`, an offline batch file, the store's batch ledger (docs/batch.md). */
  batch?: EngineBatchOptions;
}

/** Every model call goes through here: limits, retries, timeouts, cache, dedupe, usage, records. */
export interface Engine {
  /** The wrapped provider of a model in a role; throws ConfigError for unknown providers or missing keys. */
  provider(modelId: string, role: Role): Provider;
  /** USD per million tokens of a model (config, built-in table, or free when local); undefined when unknown. */
  priceOf(modelId: string): Price | undefined;
  /** Caps spending from now on: no attempt is sent that could carry the total past `maxCostUsd`. */
  limitSpending(options: { maxCostUsd: number | undefined; spentUsd: number }): void;
  usage(): UsageReport;
  close(): Promise<void>;
}

/** Every text that leaves the engine — answers, reasoning, error messages — is scrubbed of the config's secrets. */
function scrubberOf(config: AdaemConfig, env: Record<string, string | undefined>) {
  const secrets = secretsOfConfig(config, env);
  rememberSecrets(secrets);
  const scrub = (text: string): string => scrubSecrets(text, secrets);
  // An endpoint that echoes a key back in its answer must not get it into the cache or the store.
  const scrubResult = (result: ChatResult): ChatResult => ({
    ...result,
    text: scrub(result.text),
    ...(result.reasoning === undefined ? {} : { reasoning: scrub(result.reasoning) }),
  });
  return { scrub, scrubResult };
}

/** Creates the call engine for a config. */
export function createEngine(options: EngineOptions): Engine {
  const env = options.env ?? process.env;
  const ledger = new UsageLedger();
  const guard = new SpendingGuard();
  const cache = options.useCache !== false ? options.cache : undefined;
  const { scrub, scrubResult } = scrubberOf(options.config, env);
  // Every call in flight listens for the abort; they all remove their listener when they end.
  if (options.signal) setMaxListeners(0, options.signal);
  const models = createModelEntries({
    config: options.config,
    theory: options.theory,
    env,
    configDir: options.configDir,
    requireKeys: options.requireKeys !== false,
  });
  const call = createEngineCall({
    ledger,
    guard,
    refusals: createKeyRefusals(),
    recorder: options.recorder,
    runId: options.runId,
    signal: options.signal,
    cache,
    retry: options.retry !== false,
    retryBaseDelayMs: options.retryBaseDelayMs ?? 500,
    scrub,
  });
  const live = (entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult> =>
    call(
      entry,
      role,
      request,
      async (signal) => scrubResult(await entry.adapter.chat(signal ? { ...request, signal } : request)),
      (result) => cache?.put(key, { providerId: entry.resolved.modelId, result }),
    );
  const recordCacheHit = cacheHitRecorder(ledger, options.recorder, options.runId);
  const recordShared = cacheHitRecorder(ledger, options.recorder, options.runId, 'shared');
  const deps: EngineProviderDeps = {
    signal: options.signal,
    cache,
    inFlight: new Map(),
    recordCacheHit,
    recordShared,
    live,
    // Calls of models in batch execution wait for a provider batch; those it cannot answer go live.
    batches: batchThroughEngine({
      options: options.batch,
      settings: options.config.batch,
      runId: options.runId,
      signal: options.signal,
      cache,
      recorder: options.recorder,
      ledger,
      guard,
      scrub: scrubResult,
      live,
    }),
    embed: embedThroughEngine({ call, recordCacheHit, recordShared, cache }),
  };

  return {
    provider: (modelId, role) => engineProvider(deps, models.entryOf(modelId), modelId, role),
    priceOf: (modelId) => models.entryOf(modelId).price,
    limitSpending: (limits) => guard.limit(limits),
    usage: () => ledger.report(),
    close: () => models.close(),
  };
}
