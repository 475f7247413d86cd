import type { Role } from '../core/config.js';
import type { ChatRequest, EmbedRequest, EmbedResult, ResponseCache } from '../core/provider.js';
import { cacheKey } from './cache-key.js';
import type { ModelEntry } from './engine.js';
import type { UsageLedger } from './usage-ledger.js';

type Call = (
  entry: ModelEntry,
  role: Role,
  request: ChatRequest,
  send: (signal: AbortSignal | undefined) => Promise<EmbedResult>,
) => Promise<EmbedResult>;

/**
 * Embeddings go the same way as chat calls: the response cache (the vectors as JSON, keyed on the
 * texts and the model's scope), limits, retries, the spending guard, usage and call records.
 */
export function embedThroughEngine(deps: {
  call: Call;
  ledger: UsageLedger;
  cache: ResponseCache | undefined;
}) {
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
      deps.ledger.add(modelId, role, { calls: 1, cached: 1 });
      return { vectors: JSON.parse(hit.text) as number[][], usage: hit.usage, cached: true };
    }
    const adapterEmbed = entry.adapter.embed!.bind(entry.adapter);
    const result = await deps.call(entry, role, asChat, (signal) =>
      adapterEmbed({ texts: request.texts, signal }),
    );
    deps.cache?.put(key, {
      providerId: modelId,
      result: { text: JSON.stringify(result.vectors), usage: result.usage, model: modelId },
    });
    return result;
  };
}
