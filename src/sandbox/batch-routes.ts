import type { IncomingMessage } from 'node:http';
import { unitHash } from './hash.js';

/** Dials of the sandbox's batch endpoints. */
export interface SandboxBatchOptions {
  /** How long a batch stays in progress after it is created, in ms. @default 0 */
  completionDelayMs?: number;
  /** Share of a batch's requests that expire unanswered (the batch then ends `expired`). @default 0 */
  expiredRate?: number;
  /** Share of a batch's requests that fail with a server error. @default 0 */
  failureRate?: number;
}

/** What the sandbox's batch endpoints have seen, for tests and benchmarks. */
export interface BatchCounters {
  /** Batches created (OpenAI and Anthropic). */
  batchesSubmitted: number;
  /** How many times each custom id was submitted in a batch. */
  requestsSubmitted: Map<string, number>;
  /** Polls of a batch's status. */
  polls: number;
}

/** One request of a batch: its id and the body a live call would have sent. */
interface BatchItem {
  customId: string;
  body: Record<string, unknown>;
}

interface StoredBatch {
  id: string;
  kind: 'openai' | 'anthropic';
  items: BatchItem[];
  createdAt: number;
  sequence: number;
  cancelled: boolean;
  /** Output lines once taken in (computed once, on the first poll after the delay). */
  lines?: { ok: string[]; failed: string[]; expired: number; errored: number; succeeded: number };
}

/** Answers one live-format body: an OpenAI chat completion, or an Anthropic message. */
export type AnswerBody = (kind: 'openai' | 'anthropic', body: Record<string, unknown>) => Promise<unknown>;

/** The body of a multipart upload's `file` part (what `/v1/files` receives). */
function fileOfMultipart(raw: Buffer, contentType: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  for (const part of raw.toString('utf8').split(`--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !/name="file"/.test(part.slice(0, split))) continue;
    return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return undefined;
}

function readRaw(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

type BatchOptions = SandboxBatchOptions & { answer: AnswerBody; seed: number };
type BatchLines = NonNullable<StoredBatch['lines']>;
type Fate = 'ok' | 'expired' | 'failed';
type Reply = { status: number; body: unknown; text?: string };

/** What the batch endpoints of one server hold. */
interface BatchState {
  options: BatchOptions;
  files: Map<string, string>;
  batches: Map<string, StoredBatch>;
  counters: BatchCounters;
  /** Batches created so far (numbers ids and seeds the draws). */
  sequence: number;
}

/** A request's fate in its batch: a seeded draw on the seed, the batch's sequence number and the custom id. */
function drawFate(options: BatchOptions, batch: StoredBatch, customId: string): Fate {
  const roll = unitHash(options.seed, batch.sequence, customId);
  if (roll < (options.expiredRate ?? 0)) return 'expired';
  if (roll < (options.expiredRate ?? 0) + (options.failureRate ?? 0)) return 'failed';
  return 'ok';
}

function createBatch(state: BatchState, kind: StoredBatch['kind'], items: BatchItem[]): StoredBatch {
  state.sequence++;
  const sequence = state.sequence;
  const id = kind === 'openai' ? `batch_sandbox_${sequence}` : `msgbatch_sandbox_${sequence}`;
  const batch: StoredBatch = { id, kind, items, createdAt: Date.now(), sequence, cancelled: false };
  state.batches.set(id, batch);
  state.counters.batchesSubmitted++;
  for (const item of items)
    state.counters.requestsSubmitted.set(
      item.customId,
      (state.counters.requestsSubmitted.get(item.customId) ?? 0) + 1,
    );
  return batch;
}

function hasEnded(options: BatchOptions, batch: StoredBatch): boolean {
  return batch.cancelled || Date.now() - batch.createdAt >= (options.completionDelayMs ?? 0);
}

/** Answers every request of an ended batch once. */
async function finishBatch(options: BatchOptions, batch: StoredBatch): Promise<BatchLines> {
  if (batch.lines) return batch.lines;
  const lines: BatchLines = { ok: [], failed: [], expired: 0, errored: 0, succeeded: 0 };
  for (const item of batch.items) {
    const fate = batch.cancelled ? 'expired' : drawFate(options, batch, item.customId);
    if (batch.kind === 'openai') await addOpenaiLine(lines, item, fate, options.answer);
    else await addAnthropicLine(lines, item, fate, batch.cancelled, options.answer);
  }
  batch.lines = lines;
  return lines;
}

/** One OpenAI batch output line: the answer, or an expired or failed request (to the error file). */
async function addOpenaiLine(
  lines: BatchLines,
  item: BatchItem,
  fate: Fate,
  answer: AnswerBody,
): Promise<void> {
  if (fate === 'ok') {
    const body = await answer('openai', item.body);
    lines.ok.push(
      JSON.stringify({
        id: `batch_req_${item.customId}`,
        custom_id: item.customId,
        response: { status_code: 200, request_id: `req_${item.customId}`, body },
        error: null,
      }),
    );
    lines.succeeded++;
    return;
  }
  const code = fate === 'expired' ? 'batch_expired' : 'server_error';
  lines.failed.push(
    JSON.stringify({
      id: `batch_req_${item.customId}`,
      custom_id: item.customId,
      response:
        fate === 'failed' ? { status_code: 500, body: { error: { message: 'sandbox fault' } } } : null,
      error: {
        code,
        message:
          fate === 'expired'
            ? 'This request could not be executed before the completion window expired.'
            : 'sandbox fault',
      },
    }),
  );
  if (fate === 'expired') lines.expired++;
  else lines.errored++;
}

/** One Anthropic batch result line: succeeded, expired (or canceled), or errored. */
async function addAnthropicLine(
  lines: BatchLines,
  item: BatchItem,
  fate: Fate,
  cancelled: boolean,
  answer: AnswerBody,
): Promise<void> {
  if (fate === 'ok') {
    const message = await answer('anthropic', item.body);
    lines.ok.push(JSON.stringify({ custom_id: item.customId, result: { type: 'succeeded', message } }));
    lines.succeeded++;
    return;
  }
  const result =
    fate === 'expired'
      ? { type: cancelled ? 'canceled' : 'expired' }
      : {
          type: 'errored',
          error: { type: 'error', error: { type: 'api_error', message: 'sandbox fault' } },
        };
  lines.ok.push(JSON.stringify({ custom_id: item.customId, result }));
  if (fate === 'expired') lines.expired++;
  else lines.errored++;
}

/** An OpenAI batch object; once the batch has ended, its output and error files are stored. */
async function openaiView(state: BatchState, batch: StoredBatch) {
  const done = hasEnded(state.options, batch);
  const lines = done ? await finishBatch(state.options, batch) : undefined;
  if (lines) {
    state.files.set(`file-out-${batch.id}`, lines.ok.map((line) => `${line}\n`).join(''));
    state.files.set(`file-err-${batch.id}`, lines.failed.map((line) => `${line}\n`).join(''));
  }
  const status = !lines
    ? 'in_progress'
    : batch.cancelled
      ? 'cancelled'
      : lines.expired > 0
        ? 'expired'
        : 'completed';
  return {
    id: batch.id,
    object: 'batch',
    endpoint: '/v1/chat/completions',
    status,
    completion_window: '24h',
    created_at: Math.floor(batch.createdAt / 1000),
    output_file_id: lines && lines.ok.length > 0 ? `file-out-${batch.id}` : null,
    error_file_id: lines && lines.failed.length > 0 ? `file-err-${batch.id}` : null,
    request_counts: {
      total: batch.items.length,
      completed: lines?.succeeded ?? 0,
      failed: lines ? lines.errored + lines.expired : 0,
    },
  };
}

/** An Anthropic message batch object. */
async function anthropicView(state: BatchState, batch: StoredBatch, baseUrl: string) {
  const lines = hasEnded(state.options, batch) ? await finishBatch(state.options, batch) : undefined;
  return {
    id: batch.id,
    type: 'message_batch',
    processing_status: lines ? 'ended' : 'in_progress',
    request_counts: {
      processing: lines ? 0 : batch.items.length,
      succeeded: lines?.succeeded ?? 0,
      errored: lines?.errored ?? 0,
      canceled: batch.cancelled ? (lines?.expired ?? 0) : 0,
      expired: batch.cancelled ? 0 : (lines?.expired ?? 0),
    },
    results_url: lines ? `${baseUrl}/v1/messages/batches/${batch.id}/results` : null,
    created_at: new Date(batch.createdAt).toISOString(),
  };
}

function notFound(what: string): Reply {
  return { status: 404, body: { error: { message: `no ${what}` } } };
}

/** `/v1/files` (upload) and `/v1/files/:id/content`; undefined for other routes. */
async function handleFiles(
  state: BatchState,
  method: string,
  path: string,
  request: IncomingMessage,
): Promise<Reply | undefined> {
  if (method === 'POST' && path === '/v1/files') {
    const raw = await readRaw(request);
    const content = fileOfMultipart(raw, request.headers['content-type'] ?? '');
    if (content === undefined)
      return { status: 400, body: { error: { message: 'no file part in the upload' } } };
    const id = `file-in-${state.files.size + 1}`;
    state.files.set(id, content);
    return { status: 200, body: { id, object: 'file', bytes: Buffer.byteLength(content), purpose: 'batch' } };
  }
  const content = /^\/v1\/files\/([^/]+)\/content$/.exec(path);
  if (method === 'GET' && content) {
    const text = state.files.get(content[1]!);
    return text === undefined ? notFound('file') : { status: 200, body: undefined, text };
  }
  return undefined;
}

/** `/v1/batches` (create from an uploaded file), `/v1/batches/:id` and `/cancel`; undefined for other routes. */
async function handleOpenaiBatches(
  state: BatchState,
  method: string,
  path: string,
  request: IncomingMessage,
): Promise<Reply | undefined> {
  if (method === 'POST' && path === '/v1/batches') {
    const body = JSON.parse((await readRaw(request)).toString('utf8')) as { input_file_id?: string };
    const text = body.input_file_id === undefined ? undefined : state.files.get(body.input_file_id);
    if (text === undefined) return notFound('input file');
    const items = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const parsed = JSON.parse(line) as { custom_id: string; body: Record<string, unknown> };
        return { customId: parsed.custom_id, body: parsed.body };
      });
    return { status: 200, body: await openaiView(state, createBatch(state, 'openai', items)) };
  }
  const openai = /^\/v1\/batches\/([^/]+)(\/cancel)?$/.exec(path);
  if (!openai) return undefined;
  const batch = state.batches.get(openai[1]!);
  if (batch?.kind !== 'openai') return notFound('batch');
  if (openai[2]) batch.cancelled = true;
  else state.counters.polls++;
  return { status: 200, body: await openaiView(state, batch) };
}

/** `/v1/messages/batches` (create), `/:id`, `/:id/results` and `/:id/cancel`; undefined for other routes. */
async function handleAnthropicBatches(
  state: BatchState,
  method: string,
  path: string,
  request: IncomingMessage,
  baseUrl: string,
): Promise<Reply | undefined> {
  if (method === 'POST' && path === '/v1/messages/batches') {
    const body = JSON.parse((await readRaw(request)).toString('utf8')) as {
      requests: { custom_id: string; params: Record<string, unknown> }[];
    };
    const items = body.requests.map((entry) => ({ customId: entry.custom_id, body: entry.params }));
    return { status: 200, body: await anthropicView(state, createBatch(state, 'anthropic', items), baseUrl) };
  }
  const anthropic = /^\/v1\/messages\/batches\/([^/]+)(\/results|\/cancel)?$/.exec(path);
  if (!anthropic) return undefined;
  const batch = state.batches.get(anthropic[1]!);
  if (batch?.kind !== 'anthropic') return notFound('message batch');
  if (anthropic[2] === '/cancel') batch.cancelled = true;
  if (anthropic[2] === '/results') {
    if (!hasEnded(state.options, batch))
      return { status: 400, body: { error: { message: 'batch still in progress' } } };
    const lines = await finishBatch(state.options, batch);
    return { status: 200, body: undefined, text: lines.ok.map((line) => `${line}\n`).join('') };
  }
  if (!anthropic[2]) state.counters.polls++;
  return { status: 200, body: await anthropicView(state, batch, baseUrl) };
}

/**
 * OpenAI's Files + Batches API (`/v1/files`, `/v1/batches`) and Anthropic's Message Batches
 * (`/v1/messages/batches`) over the sandbox models: a batch stays in progress for the completion
 * delay, then ends with each request answered as a live call would be, expired, or failed, by a
 * seeded draw on its custom id and the batch's sequence number (a retried request draws anew).
 */
export function createBatchRoutes(options: BatchOptions) {
  const state: BatchState = {
    options,
    files: new Map(),
    batches: new Map(),
    counters: { batchesSubmitted: 0, requestsSubmitted: new Map(), polls: 0 },
    sequence: 0,
  };
  /** Handles a batch route; undefined when the route is not one of these. */
  const handle = async (
    method: string,
    path: string,
    request: IncomingMessage,
    baseUrl: string,
  ): Promise<Reply | undefined> =>
    (await handleFiles(state, method, path, request)) ??
    (await handleOpenaiBatches(state, method, path, request)) ??
    (await handleAnthropicBatches(state, method, path, request, baseUrl));
  return { handle, counters: state.counters };
}
