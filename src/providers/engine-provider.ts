import type { Role } from '../core/config.js';
import { CancelledError } from '../core/errors.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  Provider,
  ResponseCache,
  TokenUsage,
} from '../core/provider.js';
import { cacheKey } from './cache-key.js';
import type { ModelEntry } from './model-entry.js';

/** What a model's wrapped provider needs from the engine. */
export interface EngineProviderDeps {
  signal?: AbortSignal;
  /** The response cache, when answers are served and stored through it. */
  cache?: ResponseCache;
  /** Chat calls in flight by cache key, shared by every provider the engine hands out. */
  inFlight: Map<string, Promise<ChatResult>>;
  recordCacheHit(modelId: string, role: Role, usage: TokenUsage): void;
  recordShared(modelId: string, role: Role, usage: TokenUsage): void;
  /** Whether a model's calls go into provider batches, and sending one there. */
  batches: {
    batched(entry: ModelEntry): boolean;
    send(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult>;
  };
  /** One live call, its answer kept in the cache under `key`. */
  live(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult>;
  embed(entry: ModelEntry, modelId: string, role: Role, request: EmbedRequest): Promise<EmbedResult>;
}

/** A chat call: from the cache, shared with an identical call in flight, or sent (live or in a batch). */
async function chatThroughEngine(
  deps: EngineProviderDeps,
  entry: ModelEntry,
  modelId: string,
  role: Role,
  request: ChatRequest,
): Promise<ChatResult> {
  if (deps.signal?.aborted || request.signal?.aborted) throw new CancelledError();
  const key = cacheKey(modelId, request, entry.cacheScope);
  if (deps.cache) {
    const hit = deps.cache.get(key);
    if (hit) {
      deps.recordCacheHit(modelId, role, hit.usage);
      return { ...hit, cached: true, costUsd: 0 };
    }
  }
  // An identical request already in flight (same key: request, sample index, scope) is not
  // sent again: its answer serves this one too, counted as shared and not paid twice.
  const pending = deps.inFlight.get(key);
  if (pending) {
    const shared = await pending;
    deps.recordShared(modelId, role, shared.usage);
    return { ...shared, costUsd: 0 };
  }
  const promise = (
    deps.batches.batched(entry)
      ? deps.batches.send(entry, role, key, request)
      : deps.live(entry, role, key, request)
  ).finally(() => deps.inFlight.delete(key));
  deps.inFlight.set(key, promise);
  return promise;
}

/** The provider the engine hands out for a model in a role: every call goes through the engine. */
export function engineProvider(
  deps: EngineProviderDeps,
  entry: ModelEntry,
  modelId: string,
  role: Role,
): Provider {
  return {
    id: modelId,
    capabilities: entry.adapter.capabilities,
    chat: (request: ChatRequest) => chatThroughEngine(deps, entry, modelId, role, request),
    ...(entry.adapter.embed
      ? { embed: (request: EmbedRequest) => deps.embed(entry, modelId, role, request) }
      : {}),
  };
}
