import type { CallRecorder } from '../core/call-outcome.js';
import type { Role } from '../core/config.js';
import type { ChatRequest, EmbedRequest, EmbedResult, ResponseCache, TokenUsage } from '../core/provider.js';
import { cacheKey } from './cache-key.js';
import type { ModelEntry } from './model-entry.js';
import type { UsageLedger } from './usage-ledger.js';

type Call = (
  entry: ModelEntry,
  role: Role,
  request: ChatRequest,
  send: (signal: AbortSignal | undefined) => Promise<EmbedResult>,
  keep?: (result: EmbedResult) => void,
) => Promise<EmbedResult>;

/**
 * Embeddings go the same way as chat calls: the response cache (the vectors as JSON, keyed on the
 * texts and the model's scope), limits, retries, the spending guard, usage and call records.
 */
export function embedThroughEngine(deps: {
  call: Call;
  recordCacheHit: (modelId: string, role: Role, usage: TokenUsage) => void;
  recordShared: (modelId: string, role: Role, usage: TokenUsage) => void;
  cache: ResponseCache | undefined;
}) {
  // Identical embedding requests in flight at once are sent once (see the chat path in the engine).
  const inFlight = new Map<string, Promise<EmbedResult>>();
  return async (
    entry: ModelEntry,
    modelId: string,
    role: Role,
    request: EmbedRequest,
  ): Promise<EmbedResult> => {
    // Sized like a prompt of the texts with one output token, for the spending guard.
    const asChat: ChatRequest = {
      messages: request.texts.map((text) => ({ role: 'user', content: text })),
      params: { maxTokens: 1 },
      signal: request.signal,
    };
    const key = cacheKey(`${modelId}#embed`, asChat, entry.cacheScope);
    const hit = deps.cache?.get(key);
    if (hit) {
      deps.recordCacheHit(modelId, role, hit.usage);
      return { vectors: JSON.parse(hit.text) as number[][], usage: hit.usage, cached: true };
    }
    const pending = inFlight.get(key);
    if (pending) {
      const shared = await pending;
      deps.recordShared(modelId, role, shared.usage);
      return shared;
    }
    const adapterEmbed = entry.adapter.embed!.bind(entry.adapter);
    const keep = (result: EmbedResult) =>
      deps.cache?.put(key, {
        providerId: modelId,
        result: { text: JSON.stringify(result.vectors), usage: result.usage, model: modelId },
      });
    const promise = deps
      .call(entry, role, asChat, (signal) => adapterEmbed({ texts: request.texts, signal }), keep)
      .finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  };
}

/**
 * Counts a reply served from the cache (`cached`) or by an identical request already in flight
 * (`shared`) as a call that cost nothing, and records it.
 */
export function cacheHitRecorder(
  ledger: UsageLedger,
  recorder: CallRecorder | undefined,
  runId: string | undefined,
  status: 'cached' | 'shared' = 'cached',
) {
  return (modelId: string, role: Role, usage: TokenUsage): void => {
    ledger.add(modelId, role, { calls: 1, [status]: 1 });
    recorder?.record({
      providerId: modelId,
      role,
      status,
      runId,
      attempts: 0,
      latencyMs: 0,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd: 0,
      finishedAt: Date.now(),
    });
  };
}
