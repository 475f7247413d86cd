import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchLedger, StoredBatch } from '../core/batch-ledger.js';
import { AdaemConfigSchema } from '../core/config.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { createEngine } from './engine.js';
import type { DurableBatchLedger, IntentLedger, LedgerIntent } from './intent-ledger.js';

/** A batch as the local server keeps it. */
interface ServedBatch {
  id: string;
  kind: 'openai' | 'anthropic';
  customIds: string[];
  metadata: Record<string, string> | null;
  createdAt: number;
}

/**
 * A local server speaking just enough of both batch APIs — OpenAI's files, batches with metadata
 * and their list; Anthropic's message batches and their list — answering every request with its
 * custom id. A batch ends `delayMs` after it is created.
 */
async function startBatchServer(delayMs = 0) {
  const batches: ServedBatch[] = [];
  const files = new Map<string, string[]>();
  const submitted = new Map<string, number>();
  const read = async (request: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  };
  const ended = (batch: ServedBatch) => Date.now() - batch.createdAt >= delayMs;
  const create = (batch: Omit<ServedBatch, 'createdAt' | 'id'>, id: string): ServedBatch => {
    const served = { ...batch, id, createdAt: Date.now() };
    batches.push(served);
    for (const customId of batch.customIds) submitted.set(customId, (submitted.get(customId) ?? 0) + 1);
    return served;
  };
  const openaiView = (batch: ServedBatch) => ({
    id: batch.id,
    object: 'batch',
    status: ended(batch) ? 'completed' : 'in_progress',
    created_at: Math.floor(batch.createdAt / 1000),
    metadata: batch.metadata,
    output_file_id: ended(batch) ? `out-${batch.id}` : null,
    error_file_id: null,
  });
  const anthropicView = (batch: ServedBatch) => ({
    id: batch.id,
    type: 'message_batch',
    processing_status: ended(batch) ? 'ended' : 'in_progress',
    request_counts: {
      processing: ended(batch) ? 0 : batch.customIds.length,
      succeeded: ended(batch) ? batch.customIds.length : 0,
      errored: 0,
      canceled: 0,
      expired: 0,
    },
    created_at: new Date(batch.createdAt).toISOString(),
    results_url: null,
  });
  /** One page of a list, newest first, after the given id. */
  const page = (kind: ServedBatch['kind'], after: string | null) => {
    const newest = batches.filter((batch) => batch.kind === kind).reverse();
    const start = after === null ? 0 : newest.findIndex((batch) => batch.id === after) + 1;
    const data = newest.slice(start, start + 2);
    return { data, has_more: start + 2 < newest.length, last: data.at(-1)?.id ?? null };
  };
  const reply = async (request: IncomingMessage): Promise<[number, unknown]> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method === 'POST' && path === '/v1/files') {
      const raw = await read(request);
      const form = await new Request('http://localhost', {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: raw,
      }).formData();
      const file = form.get('file');
      const text = typeof file === 'string' ? file : await (file as Blob).text();
      const id = `file-${files.size + 1}`;
      files.set(
        id,
        text
          .split('\n')
          .filter(Boolean)
          .map((line) => (JSON.parse(line) as { custom_id: string }).custom_id),
      );
      return [200, { id }];
    }
    if (request.method === 'POST' && path === '/v1/batches') {
      const body = JSON.parse((await read(request)).toString()) as {
        input_file_id: string;
        metadata?: Record<string, string>;
      };
      const customIds = files.get(body.input_file_id) ?? [];
      const batch = create(
        { kind: 'openai', customIds, metadata: body.metadata ?? null },
        `batch_${batches.length + 1}`,
      );
      return [200, openaiView(batch)];
    }
    if (request.method === 'GET' && path === '/v1/batches') {
      const { data, has_more } = page('openai', url.searchParams.get('after'));
      return [200, { object: 'list', data: data.map(openaiView), has_more }];
    }
    const openai = /^\/v1\/batches\/([^/]+)$/.exec(path);
    if (openai) {
      const batch = batches.find((entry) => entry.id === openai[1]);
      return batch ? [200, openaiView(batch)] : [404, { error: { message: 'no batch' } }];
    }
    const output = /^\/v1\/files\/out-([^/]+)\/content$/.exec(path);
    if (output) {
      const batch = batches.find((entry) => entry.id === output[1])!;
      const lines = batch.customIds.map((customId) =>
        JSON.stringify({
          custom_id: customId,
          response: {
            status_code: 200,
            body: {
              model: 'm',
              choices: [{ message: { content: `answer to ${customId}` }, finish_reason: 'stop' }],
              usage: { prompt_tokens: 10, completion_tokens: 5 },
            },
          },
        }),
      );
      return [200, lines.join('\n')];
    }
    if (request.method === 'POST' && path === '/v1/messages/batches') {
      const body = JSON.parse((await read(request)).toString()) as { requests: { custom_id: string }[] };
      const customIds = body.requests.map((entry) => entry.custom_id);
      const batch = create(
        { kind: 'anthropic', customIds, metadata: null },
        `msgbatch_${batches.length + 1}`,
      );
      return [200, anthropicView(batch)];
    }
    if (request.method === 'GET' && path === '/v1/messages/batches') {
      const { data, has_more, last } = page('anthropic', url.searchParams.get('after_id'));
      return [200, { data: data.map(anthropicView), has_more, first_id: data[0]?.id ?? null, last_id: last }];
    }
    const anthropic = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(path);
    if (anthropic) {
      const batch = batches.find((entry) => entry.id === anthropic[1]);
      if (!batch) return [404, { error: { message: 'no batch' } }];
      if (!anthropic[2]) return [200, anthropicView(batch)];
      if (!ended(batch)) return [400, { error: { message: 'in progress' } }];
      const lines = batch.customIds.map((customId) =>
        JSON.stringify({
          custom_id: customId,
          result: {
            type: 'succeeded',
            message: {
              model: 'm',
              content: [{ type: 'text', text: `answer to ${customId.slice(-43)}` }],
              stop_reason: 'end_turn',
              usage: { input_tokens: 10, output_tokens: 5 },
            },
          },
        }),
      );
      return [200, lines.join('\n')];
    }
    return [404, { error: { message: `no route ${path}` } }];
  };
  const server: Server = createServer((request, response) => {
    reply(request).then(([status, body]) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(typeof body === 'string' ? body : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    batches,
    submitted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: Awaited<ReturnType<typeof startBatchServer>> | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The store's batch ledger in memory: submitted batches and intents. */
function memoryLedger() {
  const batches = new Map<string, StoredBatch>();
  const intents = new Map<string, LedgerIntent>();
  const ledger: BatchLedger & IntentLedger = {
    open: () => [...batches.values()],
    submitted(batch: StoredBatch & { key?: string }) {
      if (batch.key !== undefined) intents.delete(batch.key);
      batches.set(batch.id, batch);
    },
    ended: (id) => batches.delete(id),
    intended: (intent) => intents.set(intent.key, intent),
    intents: () => [...intents.values()],
    dropped: (key) => intents.delete(key),
  };
  return { ledger, batches, intents };
}

/** A process killed right after the provider accepted a batch: the store never records its id. */
function killedAfterSubmit(ledger: BatchLedger & IntentLedger): BatchLedger & IntentLedger {
  return {
    ...ledger,
    submitted: () => {
      throw new Error('killed before the batch id was stored');
    },
  };
}

function engineFor(url: string, type: 'openai' | 'anthropic', ledger: DurableBatchLedger) {
  const config = AdaemConfigSchema.parse({
    providers: {
      lab: {
        type,
        baseURL: type === 'openai' ? `${url}/v1` : url,
        apiKey: 'sk-test',
        execution: 'batch',
      },
    },
    models: [{ id: 'lab:atlas' }],
    batch: { pollIntervalMs: 10, maxPollIntervalMs: 40, collectMs: 20 },
  });
  return createEngine({ config, theory: SCHWARTZ_THEORY, batch: { ledger, sleep: fastSleep } });
}

const fastSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const ask = (topic: string) => ({
  messages: [{ role: 'user' as const, content: `Should cities ${topic}?` }],
  params: { maxTokens: 50 },
});
const TOPICS = ['tax sugar', 'ban cars', 'fund parks'];

async function askAll(engine: ReturnType<typeof createEngine>) {
  const provider = engine.provider('lab:atlas', 'examinee');
  return Promise.allSettled(TOPICS.map((topic) => provider.chat(ask(topic))));
}

describe('a batch accepted by the provider but never recorded (issue 22)', () => {
  for (const type of ['openai', 'anthropic'] as const) {
    it(`${type}: a resume finds the batch by its key and submits nothing twice`, async () => {
      server = await startBatchServer(type === 'anthropic' ? 300 : 0);
      const { ledger, intents, batches } = memoryLedger();
      const killed = await askAll(engineFor(server.url, type, killedAfterSubmit(ledger)));
      expect(killed.every((outcome) => outcome.status === 'rejected')).toBe(true);
      expect(server.batches).toHaveLength(1);
      expect(intents.size).toBe(1);
      expect(batches.size).toBe(0);

      const resumed = await askAll(engineFor(server.url, type, ledger));
      expect(resumed.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
      for (const outcome of resumed)
        if (outcome.status === 'fulfilled') expect(outcome.value.text).toMatch(/^answer to /);
      expect(server.batches).toHaveLength(1);
      expect(Math.max(...server.submitted.values())).toBe(1);
      expect(intents.size).toBe(0);
      expect(batches.size).toBe(0);
    });
  }

  for (const type of ['openai', 'anthropic'] as const) {
    it(`${type}: an intent the provider has no batch for is dropped and its requests submitted once`, async () => {
      server = await startBatchServer();
      // A first run learns the requests' custom ids; its batch, of the same size, carries another key.
      await askAll(engineFor(server.url, type, memoryLedger().ledger));
      const { ledger, intents } = memoryLedger();
      ledger.intended({
        key: '0123456789abcdef',
        transport: type,
        wave: 1,
        requests: [...server.submitted.keys()].map((customId) => ({
          customId: customId.slice(-43),
          modelId: 'lab:atlas',
          role: 'examinee' as const,
        })),
        createdAt: Date.now() - 1000,
      });
      const resumed = await askAll(engineFor(server.url, type, ledger));
      expect(resumed.every((outcome) => outcome.status === 'fulfilled')).toBe(true);
      expect(server.batches).toHaveLength(2);
      expect(intents.size).toBe(0);
    });
  }
});
