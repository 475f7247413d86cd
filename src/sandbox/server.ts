import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { AdaemConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { ChatResult, Provider } from '../core/provider.js';
import { seededRandom } from '../core/seeded-random.js';
import type { ValueTheory } from '../core/value-theory.js';
import { type BatchCounters, createBatchRoutes, type SandboxBatchOptions } from './batch-routes.js';
import { createSandboxProvider, worldFor } from './provider.js';

/** Fault dials of the HTTP server: shares of requests that fail each way, and added latency. */
export interface SandboxFaults {
  rate429?: number;
  rate500?: number;
  rateTimeout?: number;
  rateDrop?: number;
  rateMalformed?: number;
  latencyMs?: number;
  /** How long a "timeout" request hangs before the socket is closed. @default 30000 */
  hangMs?: number;
}

const ChatBodySchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  max_tokens: z.number().optional(),
  seed: z.number().optional(),
  logprobs: z.boolean().optional(),
  top_logprobs: z.number().optional(),
  response_format: z
    .object({
      type: z.string(),
      json_schema: z.object({ name: z.string(), schema: z.record(z.string(), z.unknown()) }).optional(),
    })
    .optional(),
});

const AnthropicBodySchema = z.object({
  model: z.string(),
  max_tokens: z.number().optional(),
  system: z.union([z.string(), z.array(z.object({ text: z.string() }))]).optional(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
});

const EmbedBodySchema = z.object({ model: z.string(), input: z.union([z.string(), z.array(z.string())]) });

/** A running sandbox server. */
export interface SandboxServer {
  url: string;
  port: number;
  /** Successful chat answers served, per request content (for resume tests). */
  answered: Map<string, number>;
  /** Batches and requests submitted to the batch endpoints, and polls. */
  batches: BatchCounters;
  close(): Promise<void>;
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** The request body as JSON (plain stream events: an async iterator per request costs more). */
function readBody(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => {
      try {
        resolve(JSON.parse((chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
  });
}

/** Fixed figures of the simulated server. */
const SERVER = Object.freeze({
  /** What a 429 fault asks the client to wait, in ms (the `retry-after-ms` header). */
  retryAfterMs: '20',
  /** How long a "timeout" fault hangs by default before the socket is closed, in ms. */
  hangMs: 30_000,
  /** How long an idle keep-alive connection stays open, in ms. */
  keepAliveMs: 60_000,
  /** Characters per token when the simulated prompt cache counts a system message. */
  charsPerToken: 4,
});

/** What every route of one server shares. */
interface ServerContext {
  options: SandboxServerOptions;
  providerFor(name: string): Provider;
  /** Successful chat answers served, per request body. */
  answered: Map<string, number>;
  /** Rolls a fault for a request; true when it answered (or dropped) the request itself. */
  injectFault(response: ServerResponse): boolean;
  /** Prompt-cache tokens read and written for a request's messages. */
  cachedPrefix(messages: { role: string; content: string }[]): { read: number; written: number };
  batchRoutes: ReturnType<typeof createBatchRoutes>;
  /** The server's base URL (`…/v1`), known once it listens. */
  url: string;
}

/** Options of `startSandboxServer`. */
export interface SandboxServerOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  port?: number;
  host?: string;
  faults?: SandboxFaults;
  seed?: number;
  /** The batch endpoints' completion delay, expiry and failures. */
  batch?: SandboxBatchOptions;
  /** Report a system message seen before, at least this many tokens long, as read from the prompt cache. */
  promptCacheMinTokens?: number;
}

/** One provider per sandbox model name, built on first use. */
function createProviderPool(config: AdaemConfig, theory: ValueTheory): (name: string) => Provider {
  const providers = new Map<string, Provider>();
  return (name) => {
    let provider = providers.get(name);
    if (!provider) {
      provider = createSandboxProvider({ model: name, config, theory });
      providers.set(name, provider);
    }
    return provider;
  };
}

/**
 * Rolls one seeded draw per request against the fault rates, in order (429, 500, drop, malformed,
 * timeout); true when a fault answered (or dropped) the request. Hanging requests' timers go in `timers`.
 */
function createFaultInjector(
  faults: SandboxFaults,
  random: () => number,
  timers: Set<NodeJS.Timeout>,
): (response: ServerResponse) => boolean {
  return (response) => {
    const roll = random();
    let threshold = 0;
    const hit = (rate: number | undefined): boolean => {
      threshold += rate ?? 0;
      return roll < threshold;
    };
    if (hit(faults.rate429))
      send(
        response,
        429,
        { error: { message: 'rate limited (sandbox fault)' } },
        { 'retry-after-ms': SERVER.retryAfterMs },
      );
    else if (hit(faults.rate500))
      send(response, 500, { error: { message: 'internal error (sandbox fault)' } });
    else if (hit(faults.rateDrop)) response.socket?.destroy();
    else if (hit(faults.rateMalformed)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"id": "chatcmpl-broken", "choices": [');
    } else if (hit(faults.rateTimeout)) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        response.socket?.destroy();
      }, faults.hangMs ?? SERVER.hangMs);
      timers.add(timer);
    } else return false;
    return true;
  };
}

/** Simulated prompt caching: a system message seen before, at least `minTokens` long, is read from the cache. */
function createPromptCache(minTokens: number | undefined): ServerContext['cachedPrefix'] {
  const seenPrefixes = new Set<string>();
  return (messages) => {
    const system = messages.find((message) => message.role === 'system')?.content;
    const tokens = system === undefined ? 0 : Math.ceil(system.length / SERVER.charsPerToken);
    if (minTokens === undefined || tokens < minTokens) return { read: 0, written: 0 };
    if (seenPrefixes.has(system!)) return { read: tokens, written: 0 };
    seenPrefixes.add(system!);
    return { read: 0, written: tokens };
  };
}

/** One chat completion as the live endpoint answers it: status and body. */
async function answerChat(context: ServerContext, body: unknown): Promise<{ status: number; body: unknown }> {
  const parsed = ChatBodySchema.safeParse(body);
  if (!parsed.success)
    return {
      status: 400,
      body: { error: { message: `invalid request: ${parsed.error.issues[0]?.message}` } },
    };
  const request = parsed.data;
  let provider: Provider;
  try {
    provider = context.providerFor(request.model);
  } catch (error) {
    return {
      status: 404,
      body: { error: { message: error instanceof ConfigError ? error.message : 'unknown model' } },
    };
  }
  const result = await provider.chat({
    messages: request.messages,
    params: {
      temperature: request.temperature,
      topP: request.top_p,
      maxTokens: request.max_tokens,
      seed: request.seed,
    },
    ...(request.logprobs && request.top_logprobs ? { topLogprobs: request.top_logprobs } : {}),
    ...(request.response_format?.json_schema ? { jsonSchema: request.response_format.json_schema } : {}),
  });
  const key = JSON.stringify(body);
  context.answered.set(key, (context.answered.get(key) ?? 0) + 1);
  const cache = context.cachedPrefix(request.messages);
  return {
    status: 200,
    body: chatCompletion(`chatcmpl-sandbox-${context.answered.size}`, request.model, result, cache.read),
  };
}

/** The OpenAI chat-completion body for a sandbox answer (`cachedTokens` read from the prompt cache). */
function chatCompletion(id: string, model: string, result: ChatResult, cachedTokens: number): unknown {
  return {
    id,
    object: 'chat.completion',
    created: 0,
    model,
    system_fingerprint: 'adaem-sandbox',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: result.text },
        finish_reason: 'stop',
        logprobs: result.logprobs
          ? {
              content: result.logprobs.map((entry) => ({
                token: entry.token,
                logprob: entry.logprob,
                bytes: null,
                top_logprobs: entry.top.map((alternative) => ({ ...alternative, bytes: null })),
              })),
            }
          : null,
      },
    ],
    usage: {
      prompt_tokens: result.usage.inputTokens,
      completion_tokens: result.usage.outputTokens,
      total_tokens: result.usage.inputTokens + result.usage.outputTokens,
      ...(cachedTokens > 0
        ? { prompt_tokens_details: { cached_tokens: Math.min(cachedTokens, result.usage.inputTokens) } }
        : {}),
    },
  };
}

/** One Anthropic message for a Messages API body (system as text or blocks), as the sandbox answers it. */
async function answerMessage(context: ServerContext, body: Record<string, unknown>): Promise<unknown> {
  const parsed = AnthropicBodySchema.parse(body);
  const system =
    typeof parsed.system === 'string'
      ? parsed.system
      : parsed.system?.map((block) => block.text).join('\n\n');
  const messages = [
    ...(system === undefined ? [] : [{ role: 'system' as const, content: system }]),
    ...parsed.messages,
  ];
  const result = await context.providerFor(parsed.model).chat({
    messages,
    params: { maxTokens: parsed.max_tokens },
  });
  const cache = context.cachedPrefix(messages);
  return {
    id: `msg_sandbox_${context.answered.size}`,
    type: 'message',
    role: 'assistant',
    model: parsed.model,
    content: [{ type: 'text', text: result.text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: {
      input_tokens: Math.max(0, result.usage.inputTokens - cache.read - cache.written),
      output_tokens: result.usage.outputTokens,
      cache_read_input_tokens: cache.read,
      cache_creation_input_tokens: cache.written,
    },
  };
}

/** Answers an embeddings body. */
async function answerEmbeddings(
  context: ServerContext,
  body: unknown,
  response: ServerResponse,
): Promise<void> {
  const parsed = EmbedBodySchema.safeParse(body);
  if (!parsed.success) return send(response, 400, { error: { message: 'invalid embeddings request' } });
  const texts = typeof parsed.data.input === 'string' ? [parsed.data.input] : parsed.data.input;
  const embedded = await context.providerFor(parsed.data.model).embed!({ texts });
  send(response, 200, {
    object: 'list',
    model: parsed.data.model,
    data: embedded.vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    usage: { prompt_tokens: embedded.usage.inputTokens, total_tokens: embedded.usage.inputTokens },
  });
}

/** Routes one request: models, batches, Anthropic messages, then the live chat and embeddings routes (with faults). */
async function handleRequest(
  context: ServerContext,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = request.url?.replace(/\?.*$/, '') ?? '';
  const route = `${request.method} ${request.url?.replace(/\?.*$/, '')}`;
  if (route === 'GET /v1/models') {
    const names = [...worldFor(context.options.config, context.options.theory).models.keys(), 'judge'];
    return send(response, 200, {
      object: 'list',
      data: names.map((id) => ({ id, object: 'model', owned_by: 'adaem-sandbox' })),
    });
  }
  const batchReply = await context.batchRoutes.handle(
    request.method ?? 'GET',
    path,
    request,
    context.url.replace(/\/v1$/, ''),
  );
  if (batchReply) {
    if (batchReply.text === undefined) return send(response, batchReply.status, batchReply.body);
    response.writeHead(batchReply.status, { 'content-type': 'application/jsonl' });
    return void response.end(batchReply.text);
  }
  if (route === 'POST /v1/messages') {
    const body = await readBody(request).catch(() => undefined);
    if (!body || typeof body !== 'object')
      return send(response, 400, { error: { message: 'body is not JSON' } });
    return send(response, 200, await answerMessage(context, body as Record<string, unknown>));
  }
  if (route !== 'POST /v1/chat/completions' && route !== 'POST /v1/embeddings') {
    return send(response, 404, { error: { message: `no route ${route}` } });
  }
  let body: unknown;
  try {
    body = await readBody(request);
  } catch {
    return send(response, 400, { error: { message: 'body is not JSON' } });
  }
  const latencyMs = context.options.faults?.latencyMs;
  if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
  if (context.injectFault(response)) return;
  if (route === 'POST /v1/chat/completions') {
    const answer = await answerChat(context, body);
    return send(response, answer.status, answer.body);
  }
  return answerEmbeddings(context, body, response);
}

/** Starts an OpenAI-compatible server (chat, embeddings, models) answering as the sandbox models, on 127.0.0.1. */
export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const timers = new Set<NodeJS.Timeout>();
  const seed = options.seed ?? options.config.seed;
  const context: ServerContext = {
    options,
    providerFor: createProviderPool(options.config, options.theory),
    answered: new Map(),
    injectFault: createFaultInjector(options.faults ?? {}, seededRandom(seed), timers),
    cachedPrefix: createPromptCache(options.promptCacheMinTokens),
    batchRoutes: createBatchRoutes({
      ...options.batch,
      seed,
      answer: async (kind, body) =>
        kind === 'openai' ? (await answerChat(context, body)).body : answerMessage(context, body),
    }),
    url: '',
  };
  const server = createServer((request, response) => {
    handleRequest(context, request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { error: { message: error instanceof Error ? error.message : 'error' } });
    });
  });
  server.keepAliveTimeout = SERVER.keepAliveMs;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  context.url = `http://${host}:${port}/v1`;
  return {
    url: context.url,
    port,
    answered: context.answered,
    batches: context.batchRoutes.counters,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
