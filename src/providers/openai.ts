import OpenAI from 'openai';
import type { ProviderConfig } from '../core/config.js';
import { CancelledError, isRetryableStatus, ProviderError } from '../core/errors.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  Provider,
  TokenLogprob,
} from '../core/provider.js';

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function parseRetryAfter(
  headers: { get(name: string): string | null } | undefined,
): number | undefined {
  const milliseconds = headers?.get('retry-after-ms');
  if (milliseconds && Number.isFinite(Number(milliseconds))) return Number(milliseconds);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  if (Number.isFinite(Number(value))) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function toProviderError(providerId: string, error: unknown, signal: AbortSignal | undefined): Error {
  if (error instanceof OpenAI.APIUserAbortError || signal?.aborted) return new CancelledError();
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError(`${providerId}: request timed out`, {
      providerId,
      isRetryable: true,
      code: 'timeout',
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return new ProviderError(`${providerId}: connection failed (${error.message})`, {
      providerId,
      isRetryable: true,
      code: 'connection',
      cause: error,
    });
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const message = error.message.split('\n')[0] ?? 'error';
    return new ProviderError(`${providerId}: HTTP ${error.status} ${message}`, {
      providerId,
      status: error.status,
      isRetryable: isRetryableStatus(error.status),
      retryAfterMs: parseRetryAfter(error.headers),
      cause: error,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new ProviderError(`${providerId}: malformed response (${reason})`, {
    providerId,
    isRetryable: true,
    code: 'malformed',
    cause: error,
  });
}

/** An adapter for any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, llama.cpp server, OpenRouter…). */
export function createOpenAIProvider(options: {
  id: string;
  model: string;
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers' | 'timeoutMs'>;
}): Provider {
  const client = new OpenAI({
    apiKey: options.config.apiKey ?? 'not-needed',
    baseURL: options.config.baseURL,
    defaultHeaders: options.config.headers,
    timeout: options.config.timeoutMs,
    maxRetries: 0,
  });
  const { id, model } = options;
  return {
    id,
    capabilities: { chat: true, embeddings: true, logprobs: true, jsonSchema: true },
    async chat(request: ChatRequest): Promise<ChatResult> {
      const params = request.params ?? {};
      const started = performance.now();
      try {
        const completion = await client.chat.completions.create(
          {
            model,
            messages: request.messages,
            temperature: params.temperature,
            top_p: params.topP,
            max_tokens: params.maxTokens,
            seed: params.seed,
            stop: params.stop,
            ...(request.jsonSchema
              ? {
                  response_format: {
                    type: 'json_schema' as const,
                    json_schema: {
                      name: request.jsonSchema.name,
                      schema: request.jsonSchema.schema,
                      strict: true,
                    },
                  },
                }
              : {}),
            ...(request.topLogprobs ? { logprobs: true, top_logprobs: request.topLogprobs } : {}),
          },
          { signal: request.signal },
        );
        const choice = completion.choices?.[0];
        if (!choice || typeof choice.message?.content !== 'string') {
          throw new Error('no message content in the first choice');
        }
        const logprobs: TokenLogprob[] | undefined = choice.logprobs?.content?.map((entry) => ({
          token: entry.token,
          logprob: entry.logprob,
          top: (entry.top_logprobs ?? []).map((alternative) => ({
            token: alternative.token,
            logprob: alternative.logprob,
          })),
        }));
        return {
          text: choice.message.content,
          usage: {
            inputTokens: completion.usage?.prompt_tokens ?? 0,
            outputTokens: completion.usage?.completion_tokens ?? 0,
          },
          model: completion.model ?? model,
          finishReason: choice.finish_reason ?? undefined,
          ...(logprobs ? { logprobs } : {}),
          ...(completion.system_fingerprint ? { systemFingerprint: completion.system_fingerprint } : {}),
          latencyMs: performance.now() - started,
        };
      } catch (error) {
        throw toProviderError(id, error, request.signal);
      }
    },
    async embed(request: EmbedRequest): Promise<EmbedResult> {
      try {
        const response = await client.embeddings.create(
          { model, input: request.texts, encoding_format: 'float' },
          { signal: request.signal },
        );
        const vectors = [...response.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
        return { vectors, usage: { inputTokens: response.usage?.prompt_tokens ?? 0, outputTokens: 0 } };
      } catch (error) {
        throw toProviderError(id, error, request.signal);
      }
    },
  };
}
