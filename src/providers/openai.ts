import type { ProviderConfig } from '../core/config.js';
import { basicCredentials, credentialsOfUrl, secretsOfConfig } from '../core/config-secrets.js';
import { CancelledError, isRetryableStatus, ProviderError } from '../core/errors.js';
import type {
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  Provider,
  TokenLogprob,
} from '../core/provider.js';
import { scrubSecrets } from '../core/scrub-secrets.js';
import { type ModelProtocol, modelProtocol, protocolFields } from './model-protocol.js';

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

interface WireLogprob {
  token?: unknown;
  logprob?: unknown;
  top_logprobs?: { token?: unknown; logprob?: unknown }[] | null;
}

function readLogprobs(content: unknown): TokenLogprob[] | undefined {
  if (!Array.isArray(content)) return undefined;
  return content.map((entry: WireLogprob) => ({
    token: String(entry.token ?? ''),
    logprob: Number(entry.logprob),
    top: (entry.top_logprobs ?? []).map((alternative) => ({
      token: String(alternative.token ?? ''),
      logprob: Number(alternative.logprob),
    })),
  }));
}

function malformed(providerId: string, reason: string): ProviderError {
  return new ProviderError(`${providerId}: malformed response (${reason})`, {
    providerId,
    isRetryable: true,
    code: 'malformed',
  });
}

/** The body of a chat-completions request: what a live call posts and a batch line carries. */
export function chatCompletionBody(
  model: string,
  protocol: ModelProtocol,
  request: ChatRequest,
): Record<string, unknown> {
  const params = request.params ?? {};
  return {
    model,
    messages: request.messages,
    ...protocolFields(protocol, params),
    seed: params.seed,
    stop: params.stop,
    ...(request.jsonSchema
      ? {
          response_format: {
            type: 'json_schema',
            json_schema: {
              name: request.jsonSchema.name,
              schema: request.jsonSchema.schema,
              strict: true,
            },
          },
        }
      : {}),
    ...(request.topLogprobs && protocol.logprobs
      ? { logprobs: true, top_logprobs: request.topLogprobs }
      : {}),
  };
}

/** A chat completion's answer, usage and metadata; throws a retryable ProviderError when it has none. */
export function readChatCompletion(id: string, model: string, body: Record<string, unknown>): ChatResult {
  const choice = Array.isArray(body.choices)
    ? (body.choices[0] as Record<string, unknown> | undefined)
    : undefined;
  const message = choice?.message as
    | { content?: unknown; reasoning_content?: unknown; reasoning?: unknown }
    | undefined;
  // vLLM, DeepSeek and OpenRouter return reasoning apart from the answer; it never joins the text.
  const reasoning = [message?.reasoning_content, message?.reasoning].find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  const finishReason = typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined;
  // A reply whose tokens all went to reasoning (cut at the limit) has no content: an empty answer.
  const content =
    typeof message?.content === 'string'
      ? message.content
      : message && message.content == null && (reasoning !== undefined || finishReason === 'length')
        ? ''
        : undefined;
  if (content === undefined) throw malformed(id, 'no message content in the first choice');
  const usage = body.usage as
    | {
        prompt_tokens?: unknown;
        completion_tokens?: unknown;
        completion_tokens_details?: unknown;
        prompt_tokens_details?: unknown;
      }
    | undefined;
  const details = usage?.completion_tokens_details as { reasoning_tokens?: unknown } | null | undefined;
  // Input served from the provider's prompt cache (OpenAI, vLLM with prefix caching): billed lower.
  const cached = (usage?.prompt_tokens_details as { cached_tokens?: unknown } | null | undefined)
    ?.cached_tokens;
  const logprobs = readLogprobs((choice?.logprobs as { content?: unknown } | null | undefined)?.content);
  return {
    text: content,
    ...(reasoning !== undefined ? { reasoning } : {}),
    usage: {
      inputTokens: Number(usage?.prompt_tokens ?? 0),
      outputTokens: Number(usage?.completion_tokens ?? 0),
      ...(typeof details?.reasoning_tokens === 'number' ? { reasoningTokens: details.reasoning_tokens } : {}),
      ...(typeof cached === 'number' && cached > 0 ? { cachedInputTokens: cached } : {}),
    },
    model: typeof body.model === 'string' ? body.model : model,
    ...(finishReason !== undefined ? { finishReason } : {}),
    ...(logprobs ? { logprobs } : {}),
    ...(typeof body.system_fingerprint === 'string' ? { systemFingerprint: body.system_fingerprint } : {}),
  };
}

/**
 * Where requests go: the base URL's path joined with an API path, its query kept (some gateways
 * take the key as `?api_key=`), its credentials left out (fetch refuses a URL that carries them)
 * and sent instead as an HTTP Basic token.
 */
function endpointOf(baseURL: string): { urlOf: (path: string) => string; basic: string | undefined } {
  const url = new URL(baseURL);
  const credentials = credentialsOfUrl(baseURL);
  url.username = '';
  url.password = '';
  const pathname = url.pathname.replace(/\/+$/, '');
  const basic =
    credentials && (credentials.username || credentials.password)
      ? basicCredentials(credentials.username, credentials.password)
      : undefined;
  return { urlOf: (path) => `${url.origin}${pathname}${path}${url.search}`, basic };
}

/** Where and how one adapter posts: the endpoint, the headers, the timeout, its scrubbed first lines. */
interface Connection {
  id: string;
  urlOf: (path: string) => string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** The first line of a text, scrubbed of the provider's secrets, cut at `limit` characters. */
  firstLine: (text: string, limit: number) => string;
}

function connectionOf(
  id: string,
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers' | 'timeoutMs'>,
): Connection {
  const { urlOf, basic } = endpointOf(config.baseURL ?? 'https://api.openai.com/v1');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/json',
    ...(basic ? { authorization: `Basic ${basic}` } : {}),
    ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
    ...config.headers,
  };
  const secrets = secretsOfConfig({ providers: { [id]: config } });
  // Scrub the whole text first: cutting it first could split a key so it no longer matches.
  const firstLine = (text: string, limit: number): string =>
    (scrubSecrets(text, secrets).split('\n')[0] ?? '').slice(0, limit);
  return { id, urlOf, headers, timeoutMs: config.timeoutMs, firstLine };
}

/** The ProviderError of an answer that is not 2xx: its status, the error message it carries, Retry-After. */
function httpError(connection: Connection, response: Response, text: string): ProviderError {
  let detail = text;
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') detail = parsed.error.message;
  } catch {
    // keep the raw text as the detail
  }
  const line = connection.firstLine(detail, 200);
  return new ProviderError(`${connection.id}: HTTP ${response.status} ${line}`, {
    providerId: connection.id,
    status: response.status,
    isRetryable: isRetryableStatus(response.status),
    retryAfterMs: parseRetryAfter(response.headers),
  });
}

function jsonObjectOf(id: string, text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object') throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw malformed(id, 'body is not JSON');
  }
}

/** What a post that got no answer ends with: cancelled, timed out, or the connection failed. */
function unansweredError(
  connection: Connection,
  error: unknown,
  signal: AbortSignal | undefined,
  timedOut: boolean,
): Error {
  if (error instanceof ProviderError) return error;
  if (signal?.aborted) return new CancelledError();
  const { id } = connection;
  if (timedOut) {
    return new ProviderError(`${id}: no answer within ${connection.timeoutMs} ms`, {
      providerId: id,
      isRetryable: true,
      code: 'timeout',
    });
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new ProviderError(`${id}: connection failed (${connection.firstLine(cause, 300)})`, {
    providerId: id,
    isRetryable: true,
    code: 'connection',
    cause: error,
  });
}

/** Posts a JSON body and reads the JSON object answered, within the timeout, stopped by `signal`. */
async function postJson(
  connection: Connection,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<Record<string, unknown>> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, connection.timeoutMs);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(connection.urlOf(path), {
      method: 'POST',
      headers: connection.headers,
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const text = await response.text();
    if (!response.ok) throw httpError(connection, response, text);
    return jsonObjectOf(connection.id, text);
  } catch (error) {
    throw unansweredError(connection, error, signal, timedOut);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The vectors of an embeddings answer, in the order of the texts asked. */
function readEmbeddings(id: string, body: Record<string, unknown>): EmbedResult {
  if (!Array.isArray(body.data)) throw malformed(id, 'no data in the embeddings response');
  const items = (body.data as { index?: unknown; embedding?: unknown }[]).map((item, position) => ({
    index: typeof item.index === 'number' ? item.index : position,
    embedding: Array.isArray(item.embedding) ? item.embedding.map(Number) : [],
  }));
  const usage = body.usage as { prompt_tokens?: unknown } | undefined;
  return {
    vectors: items.sort((a, b) => a.index - b.index).map((item) => item.embedding),
    usage: { inputTokens: Number(usage?.prompt_tokens ?? 0), outputTokens: 0 },
  };
}

/**
 * An adapter for any OpenAI-compatible endpoint (OpenAI, vLLM, Ollama `/v1`, LM Studio, llama.cpp
 * server, OpenRouter, DeepSeek…). It speaks the chat-completions and embeddings protocol over
 * `fetch` directly — the official SDK costs a third of the throughput on fast local servers —
 * and leaves retries to the engine.
 */
export function createOpenAIProvider(options: {
  id: string;
  model: string;
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers' | 'timeoutMs'>;
  /** Overrides of the model family's protocol (see `MODEL_FAMILIES`). */
  protocol?: Partial<ModelProtocol>;
}): Provider {
  const { id, model } = options;
  const protocol = modelProtocol(model, options.protocol);
  const connection = connectionOf(id, options.config);
  return {
    id,
    capabilities: { chat: true, embeddings: true, logprobs: protocol.logprobs, jsonSchema: true },
    async chat(request: ChatRequest): Promise<ChatResult> {
      const started = performance.now();
      const body = await postJson(
        connection,
        '/chat/completions',
        chatCompletionBody(model, protocol, request),
        request.signal,
      );
      return { ...readChatCompletion(id, model, body), latencyMs: performance.now() - started };
    },
    async embed(request: EmbedRequest): Promise<EmbedResult> {
      const body = await postJson(
        connection,
        '/embeddings',
        { model, input: request.texts, encoding_format: 'float' },
        request.signal,
      );
      return readEmbeddings(id, body);
    },
  };
}
