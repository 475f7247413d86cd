import { z } from 'zod';

/** One chat message. */
export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/** Sampling parameters; everything a provider needs besides the messages. Part of the cache key. */
export const SamplingParamsSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxTokens: z.number().int().positive().optional(),
  seed: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
});
export type SamplingParams = z.infer<typeof SamplingParamsSchema>;

/** A request for structured output: the reply must be JSON matching `schema`. */
export interface JsonSchemaFormat {
  name: string;
  schema: Record<string, unknown>;
}

/** One chat call. `sampleIndex` distinguishes real repeated samples of the same request. */
export interface ChatRequest {
  messages: ChatMessage[];
  params?: SamplingParams;
  jsonSchema?: JsonSchemaFormat;
  /** Ask for the top-N alternatives of each generated token (only where `capabilities.logprobs`). */
  topLogprobs?: number;
  /** 0 for the first sample; repeats use 1, 2, … so the cache keeps them apart. @default 0 */
  sampleIndex?: number;
  signal?: AbortSignal;
}

export interface TokenAlternative {
  token: string;
  logprob: number;
}

/** The log-probability of one generated token and its top alternatives. */
export interface TokenLogprob {
  token: string;
  logprob: number;
  top: TokenAlternative[];
}

export interface TokenUsage {
  /** Every input token, those read from or written to the prompt cache included. */
  inputTokens: number;
  /** Of `inputTokens`, those read from the provider's prompt cache (`cached_tokens`, `cache_read_input_tokens`). */
  cachedInputTokens?: number;
  /** Of `inputTokens`, those written to the prompt cache (`cache_creation_input_tokens`). */
  cacheWriteTokens?: number;
  /** Every generated token, reasoning included (what providers bill). */
  outputTokens: number;
  /** Of `outputTokens`, those spent reasoning, when the provider says. */
  reasoningTokens?: number;
}

/** What one chat call returned. */
export interface ChatResult {
  /** The answer, without reasoning the provider returned apart (`reasoning`). */
  text: string;
  /** Reasoning the provider returned apart from the answer (`reasoning_content`, thinking blocks). */
  reasoning?: string;
  usage: TokenUsage;
  /** The model the provider says answered (may differ from the requested alias). */
  model: string;
  finishReason?: string;
  logprobs?: TokenLogprob[];
  systemFingerprint?: string;
  /** True when served from the store instead of the provider. */
  cached?: boolean;
  latencyMs?: number;
  costUsd?: number;
}

export interface EmbedRequest {
  texts: string[];
  signal?: AbortSignal;
}

export interface EmbedResult {
  vectors: number[][];
  usage: TokenUsage;
  cached?: boolean;
}

/** What a provider can do; callers check before asking for logprobs, JSON schemas or embeddings. */
export interface ProviderCapabilities {
  chat: boolean;
  embeddings: boolean;
  logprobs: boolean;
  jsonSchema: boolean;
}

/** The one interface every model backend implements; wrappers (retry, cache, limits) return it too. */
export interface Provider {
  /** `provider:model`, e.g. `openai:gpt-4o-mini`. */
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  chat(request: ChatRequest): Promise<ChatResult>;
  embed?(request: EmbedRequest): Promise<EmbedResult>;
  close?(): Promise<void>;
}

/** Splits `provider:model` at the first colon. */
export function parseModelId(id: string): { provider: string; model: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return undefined;
  return { provider: id.slice(0, colon), model: id.slice(colon + 1) };
}

/** Where wrappers keep finished responses; implemented by the SQLite store. Errors are never put. */
export interface ResponseCache {
  get(key: string): ChatResult | undefined;
  put(key: string, entry: { providerId: string; result: ChatResult }): void;
  /** Resolves once what was put so far is durable; a cache that writes at once may omit it. */
  committed?(): Promise<void>;
}
