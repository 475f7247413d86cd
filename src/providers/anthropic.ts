import Anthropic from '@anthropic-ai/sdk';
import type { ProviderConfig } from '../core/config.js';
import { CancelledError, isRetryableStatus, ProviderError } from '../core/errors.js';
import type { ChatRequest, ChatResult, Provider, TokenUsage } from '../core/provider.js';
import { scrubSecrets } from '../core/scrub-secrets.js';
import { parseRetryAfter } from './openai.js';

function toProviderError(
  providerId: string,
  error: unknown,
  signal: AbortSignal | undefined,
  secrets: readonly (string | undefined)[],
): Error {
  if (error instanceof Anthropic.APIUserAbortError || signal?.aborted) return new CancelledError();
  if (error instanceof Anthropic.APIConnectionError) {
    const timeout = error instanceof Anthropic.APIConnectionTimeoutError;
    return new ProviderError(
      `${providerId}: ${timeout ? 'request timed out' : `connection failed (${scrubSecrets(error.message, secrets)})`}`,
      {
        providerId,
        isRetryable: true,
        code: timeout ? 'timeout' : 'connection',
        cause: error,
      },
    );
  }
  if (error instanceof Anthropic.APIError && error.status !== undefined) {
    const line = scrubSecrets(error.message.split('\n')[0] ?? '', secrets);
    return new ProviderError(`${providerId}: HTTP ${error.status} ${line}`, {
      providerId,
      status: error.status,
      isRetryable: isRetryableStatus(error.status),
      retryAfterMs: parseRetryAfter(error.headers),
      cause: error,
    });
  }
  const reason = scrubSecrets(error instanceof Error ? error.message : String(error), secrets);
  return new ProviderError(`${providerId}: malformed response (${reason})`, {
    providerId,
    isRetryable: true,
    code: 'malformed',
  });
}

/** Anthropic counts cache reads and writes apart from `input_tokens`; adaem's input counts them all. */
export function usageOf(usage: {
  input_tokens: number;
  output_tokens: number;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}): TokenUsage {
  const read = usage.cache_read_input_tokens ?? 0;
  const written = usage.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: usage.input_tokens + read + written,
    outputTokens: usage.output_tokens,
    ...(read > 0 ? { cachedInputTokens: read } : {}),
    ...(written > 0 ? { cacheWriteTokens: written } : {}),
  };
}

/** The Messages API parameters of a request: what a live call sends and a batch request carries. */
export function messageParams(model: string, request: ChatRequest) {
  const params = request.params ?? {};
  const system = request.messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content);
  return {
    model,
    max_tokens: params.maxTokens ?? 1024,
    // The system prompt (the judge's definitions) is the same in every call: cached as a prefix.
    ...(system.length > 0
      ? {
          system: [
            {
              type: 'text' as const,
              text: system.join('\n\n'),
              cache_control: { type: 'ephemeral' as const },
            },
          ],
        }
      : {}),
    messages: request.messages.flatMap((entry) =>
      entry.role === 'system' ? [] : [{ role: entry.role, content: entry.content }],
    ),
    ...(params.stop ? { stop_sequences: params.stop } : {}),
  };
}

/** An Anthropic message (live or from a batch) as a chat result. */
export function readMessage(message: {
  content: ({ type: string; text?: string; thinking?: string } | { type: string })[];
  model: string;
  stop_reason?: string | null;
  usage: Parameters<typeof usageOf>[0];
}): ChatResult {
  const text = message.content
    .flatMap((block) => ('text' in block && block.type === 'text' ? [block.text ?? ''] : []))
    .join('');
  // Extended thinking comes in blocks of its own: kept apart from the answer.
  const reasoning = message.content
    .flatMap((block) => ('thinking' in block && block.type === 'thinking' ? [block.thinking ?? ''] : []))
    .join('\n\n');
  return {
    text,
    ...(reasoning !== '' ? { reasoning } : {}),
    usage: usageOf(message.usage),
    model: message.model,
    finishReason: message.stop_reason ?? undefined,
  };
}

/**
 * An adapter for Anthropic's Messages API (no log-probabilities; JSON is requested in the prompt).
 * SDK 1.x no longer accepts temperature or top_p, so only max tokens and stop sequences are sent.
 */
export function createAnthropicProvider(options: {
  id: string;
  model: string;
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers' | 'timeoutMs'>;
}): Provider {
  const client = new Anthropic({
    apiKey: options.config.apiKey,
    baseURL: options.config.baseURL,
    defaultHeaders: options.config.headers,
    timeout: options.config.timeoutMs,
    maxRetries: 0,
  });
  const { id, model } = options;
  return {
    id,
    capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: false },
    async chat(request: ChatRequest): Promise<ChatResult> {
      const started = performance.now();
      try {
        const message = await client.messages.create(messageParams(model, request), {
          signal: request.signal,
        });
        return { ...readMessage(message), latencyMs: performance.now() - started };
      } catch (error) {
        throw toProviderError(id, error, request.signal, [
          options.config.apiKey,
          ...Object.values(options.config.headers ?? {}),
        ]);
      }
    },
  };
}
