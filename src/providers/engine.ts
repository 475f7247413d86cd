import { setMaxListeners } from 'node:events';
import type { CallRecorder } from '../core/call-outcome.js';
import type { AdaemConfig, Price, Role } from '../core/config.js';
import { secretsOfConfig } from '../core/config-secrets.js';
import {
  BudgetExceededError,
  CancelledError,
  ConfigError,
  isAdaemError,
  isProviderError,
} from '../core/errors.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  Provider,
  ResponseCache,
  TokenUsage,
} from '../core/provider.js';
import { rememberSecrets, scrubSecrets } from '../core/scrub-secrets.js';
import type { ValueTheory } from '../core/value-theory.js';
import { cacheKey } from './cache-key.js';
import { cacheSavingOf } from './call-charge.js';
import { batchThroughEngine, type EngineBatchOptions } from './engine-batch.js';
import { cacheHitRecorder, embedThroughEngine } from './engine-embed.js';
import { Limiter } from './limiter.js';
import type { ModelEntry } from './model-entry.js';
import { priceOf } from './price-table.js';
import {
  apiKeyVariableOf,
  buildAdapter,
  cacheScopeOf,
  type ResolvedModel,
  resolveModel,
} from './registry.js';
import { type RetryPolicy, withRetry } from './retry.js';
import { failedAttemptCost, SpendingGuard } from './spending-guard.js';
import { costOf, UsageLedger, type UsageReport } from './usage-ledger.js';

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

/** Creates the call engine for a config. */
export function createEngine(options: EngineOptions): Engine {
  const env = options.env ?? process.env;
  const ledger = new UsageLedger();
  const limiters = new Map<string, Limiter>();
  const models = new Map<string, ModelEntry>();
  const inFlight = new Map<string, Promise<ChatResult>>();
  const useCache = options.useCache !== false && options.cache !== undefined;
  const settingsById = new Map(options.config.models.map((model) => [model.id, model]));
  const guard = new SpendingGuard();
  // Every text that leaves the engine — answers, reasoning, error messages — is scrubbed of these.
  const secrets = secretsOfConfig(options.config, env);
  rememberSecrets(secrets);
  const scrub = (text: string): string => scrubSecrets(text, secrets);
  // Every call in flight listens for the abort; they all remove their listener when they end.
  if (options.signal) setMaxListeners(0, options.signal);

  const entryOf = (modelId: string): ModelEntry => {
    const existing = models.get(modelId);
    if (existing) return existing;
    const resolved = resolveModel(options.config, modelId);
    const configDir = options.configDir ?? process.cwd();
    const adapter = buildAdapter(resolved, {
      config: options.config,
      theory: options.theory,
      env,
      configDir,
      requireKey: options.requireKeys !== false,
    });
    let limiter = limiters.get(resolved.providerName);
    if (!limiter) {
      const { concurrency, rpm, tpm } = resolved.providerConfig;
      limiter = new Limiter({ concurrency, rpm, tpm });
      limiters.set(resolved.providerName, limiter);
    }
    const entry = {
      resolved,
      adapter,
      limiter,
      settings: settingsById.get(modelId),
      price: priceOf(resolved, settingsById.get(modelId)),
      cacheScope: cacheScopeOf(resolved, options.config, configDir),
    };
    models.set(modelId, entry);
    return entry;
  };

  // A refused key fails every later call too: the first refusal stops all calls to that provider.
  const refusedKeys = new Map<string, ConfigError>();
  const refusal = (resolved: ResolvedModel, error: unknown): ConfigError | undefined => {
    if (!isProviderError(error) || (error.status !== 401 && error.status !== 403)) return undefined;
    const variable = resolved.providerConfig.apiKey
      ? `providers.${resolved.providerName}.apiKey`
      : (apiKeyVariableOf(resolved) ?? `providers.${resolved.providerName}.apiKey`);
    const found = new ConfigError(
      `${resolved.modelId}: the provider refused the API key (HTTP ${error.status}); fix ${variable}`,
      { code: 'auth', cause: error },
    );
    refusedKeys.set(resolved.providerName, found);
    return found;
  };

  /**
   * One model call with limits, retries, the spending guard, usage and a call record. `send` makes
   * one attempt; `request` sizes its worst-case cost and carries the signal.
   */
  const call = async <R extends { usage: TokenUsage; costUsd?: number }>(
    entry: ModelEntry,
    role: Role,
    request: ChatRequest,
    send: (signal: AbortSignal | undefined) => Promise<R>,
    /** Puts a finished answer into the cache (inside the provider slot). */
    keep?: (result: R) => void,
  ): Promise<R> => {
    const { resolved, limiter } = entry;
    const policy: RetryPolicy = {
      maxRetries: options.retry === false ? 0 : resolved.providerConfig.maxRetries,
      baseDelayMs: options.retryBaseDelayMs ?? 500,
      maxDelayMs: 30_000,
      maxRetryAfterMs: resolved.providerConfig.maxRetryAfterMs,
    };
    const signal = request.signal ?? options.signal;
    const refused = refusedKeys.get(resolved.providerName);
    if (refused) throw refused;
    const started = performance.now();
    let attempts = 0;
    // What failed attempts may have cost (see `failedAttemptCost`); counted in the budget and the records.
    let failedCostUsd = 0;
    const finish = (status: 'ok' | 'error', result?: R, error?: unknown): void => {
      const usage = result?.usage ?? { inputTokens: 0, outputTokens: 0 };
      const costUsd = costOf(usage, entry.price) + failedCostUsd;
      ledger.add(resolved.modelId, role, {
        calls: 1,
        errors: status === 'error' ? 1 : 0,
        retries: Math.max(0, attempts - 1),
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        costUsd,
      });
      options.recorder?.record({
        providerId: resolved.modelId,
        role,
        status,
        runId: options.runId,
        ...(error === undefined
          ? {}
          : {
              errorCode: isAdaemError(error) ? error.code : 'unexpected',
              errorMessage: scrub(error instanceof Error ? error.message : String(error)),
              httpStatus: isProviderError(error) ? error.status : undefined,
            }),
        attempts,
        latencyMs: performance.now() - started,
        inputTokens: usage.inputTokens,
        outputTokens: usage.outputTokens,
        costUsd,
        cachedInputTokens: usage.cachedInputTokens ?? 0,
        savedUsd: cacheSavingOf(usage, entry.price),
        finishedAt: Date.now(),
      });
      if (result) result.costUsd = costUsd;
    };
    try {
      const result = await withRetry(
        () =>
          limiter.run(
            async () => {
              const reserved = guard.reserve(resolved.modelId, request, entry.price);
              let result: R;
              try {
                // Each adapter enforces providerConfig.timeoutMs itself with one timer per call;
                // AbortSignal.timeout + AbortSignal.any here cost ~10 % of throughput on fast servers.
                result = await send(signal);
                guard.settle(reserved, costOf(result.usage, entry.price));
              } catch (error) {
                const cost = failedAttemptCost(error, reserved);
                failedCostUsd += cost;
                guard.settle(reserved, cost);
                throw error;
              }
              finish('ok', result);
              if (useCache && keep) {
                keep(result);
                // The slot passes to the next call only once this answer is committed: a kill then
                // loses (and a resume pays again for) at most the calls in flight. The in-process
                // sandbox costs nothing to ask again and would only lose throughput waiting.
                if (entry.resolved.type !== 'sandbox') await options.cache!.committed?.();
              }
              return result;
            },
            (result) => result.usage.inputTokens + result.usage.outputTokens,
            signal,
          ),
        policy,
        signal,
        (count) => {
          attempts = count;
        },
      );
      return result;
    } catch (error) {
      // The message is stored, printed and shown in tables: no secret may travel with it.
      if (error instanceof Error) error.message = scrub(error.message);
      const cancelled = error instanceof CancelledError || signal?.aborted;
      // A call stopped by the budget after failed attempts still spent money: record it.
      if (!cancelled || (error instanceof BudgetExceededError && failedCostUsd > 0))
        finish('error', undefined, error);
      if (cancelled && !(error instanceof CancelledError)) throw new CancelledError();
      throw refusal(resolved, error) ?? error;
    }
  };

  const recordCacheHit = cacheHitRecorder(ledger, options.recorder, options.runId);
  const recordShared = cacheHitRecorder(ledger, options.recorder, options.runId, 'shared');

  const scrubResult = (result: ChatResult): ChatResult => ({
    ...result,
    text: scrub(result.text),
    ...(result.reasoning === undefined ? {} : { reasoning: scrub(result.reasoning) }),
  });

  const wrap = (modelId: string, role: Role): Provider => {
    const entry = entryOf(modelId);
    return {
      id: modelId,
      capabilities: entry.adapter.capabilities,
      async chat(request: ChatRequest): Promise<ChatResult> {
        if (options.signal?.aborted || request.signal?.aborted) throw new CancelledError();
        const key = cacheKey(modelId, request, entry.cacheScope);
        if (useCache) {
          const hit = options.cache!.get(key);
          if (hit) {
            recordCacheHit(modelId, role, hit.usage);
            return { ...hit, cached: true, costUsd: 0 };
          }
        }
        // An identical request already in flight (same key: request, sample index, scope) is not
        // sent again: its answer serves this one too, counted as shared and not paid twice.
        const pending = inFlight.get(key);
        if (pending) {
          const shared = await pending;
          recordShared(modelId, role, shared.usage);
          return { ...shared, costUsd: 0 };
        }
        // An endpoint that echoes a key back in its answer must not get it into the cache or the store.
        const send = async (signal: AbortSignal | undefined): Promise<ChatResult> =>
          scrubResult(await entry.adapter.chat(signal ? { ...request, signal } : request));
        const keep = (result: ChatResult) => options.cache!.put(key, { providerId: modelId, result });
        const promise = (
          batches.batched(entry)
            ? batches.send(entry, role, key, request)
            : call(entry, role, request, send, keep)
        ).finally(() => inFlight.delete(key));
        inFlight.set(key, promise);
        return promise;
      },
      ...(entry.adapter.embed
        ? { embed: (request: EmbedRequest) => embed(entry, modelId, role, request) }
        : {}),
    };
  };

  // Calls of models in batch execution wait for a provider batch; those it cannot answer go live.
  const batches = batchThroughEngine({
    options: options.batch,
    settings: options.config.batch,
    runId: options.runId,
    signal: options.signal,
    cache: useCache ? options.cache : undefined,
    recorder: options.recorder,
    ledger,
    guard,
    scrub: scrubResult,
    live: (entry, role, key, request) =>
      call(
        entry,
        role,
        request,
        async (signal) => scrubResult(await entry.adapter.chat(signal ? { ...request, signal } : request)),
        (result) => options.cache?.put(key, { providerId: entry.resolved.modelId, result }),
      ),
  });

  const embed = embedThroughEngine({
    call: (entry: ModelEntry, role, request, send, keep) => call(entry, role, request, send, keep),
    recordCacheHit: (modelId, role, usage) => recordCacheHit(modelId, role, usage),
    recordShared: (modelId, role, usage) => recordShared(modelId, role, usage),
    cache: useCache ? options.cache : undefined,
  });

  return {
    provider: wrap,
    priceOf: (modelId) => entryOf(modelId).price,
    limitSpending: (limits) => guard.limit(limits),
    usage: () => ledger.report(),
    async close() {
      await Promise.all([...models.values()].map((entry) => entry.adapter.close?.()));
    },
  };
}
