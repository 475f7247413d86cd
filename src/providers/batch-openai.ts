import type { ProviderConfig } from '../core/config.js';
import { batchFetch, jsonLines } from './batch-http.js';
import {
  type BatchIntent,
  type BatchItem,
  type BatchLookup,
  type BatchOutcome,
  type BatchPoll,
  type BatchTransport,
  CLOCK_SLACK_MS,
} from './batch-transport.js';
import type { ModelProtocol } from './model-protocol.js';
import { chatCompletionBody, readChatCompletion } from './openai.js';

/** The OpenAI batch-format line of a request (what `/v1/files` takes and `vllm run-batch` reads). */
export function batchLine(model: string, protocol: ModelProtocol, item: BatchItem): string {
  return JSON.stringify({
    custom_id: item.customId,
    method: 'POST',
    url: '/v1/chat/completions',
    body: chatCompletionBody(model, protocol, item.request),
  });
}

/**
 * The outcome of one line of an OpenAI batch output or error file (or of `vllm run-batch`'s output):
 * the answer read as a live call's, or the reason it has none. Undefined: the line has no custom id.
 */
export function outcomeOfLine(
  providerId: string,
  model: string,
  row: Record<string, unknown>,
): BatchOutcome | undefined {
  const customId = row.custom_id;
  if (typeof customId !== 'string') return undefined;
  const response = row.response as { status_code?: unknown; body?: unknown } | null | undefined;
  const error = row.error as { code?: unknown; message?: unknown } | null | undefined;
  if (response && response.status_code === 200 && response.body && typeof response.body === 'object') {
    try {
      return {
        customId,
        result: readChatCompletion(providerId, model, response.body as Record<string, unknown>),
      };
    } catch (caught) {
      return { customId, failure: caught instanceof Error ? caught.message : String(caught) };
    }
  }
  const reason = error
    ? `${String(error.code ?? 'error')}: ${String(error.message ?? '')}`
    : `HTTP ${String(response?.status_code ?? 'none')}`;
  return { customId, failure: reason };
}

/** The metadata field a batch carries its client key in. */
export const BATCH_KEY_FIELD = 'adaem_batch_key';

/**
 * The batch whose metadata carries the intent's key, from the batch list (newest first, paged with
 * `after`), read back to a little before the intent was recorded.
 */
async function findByMetadata(
  json: (path: string) => Promise<Record<string, unknown>>,
  intent: BatchIntent,
): Promise<BatchLookup> {
  let after: string | undefined;
  for (;;) {
    const page = await json(
      `/batches?limit=100${after === undefined ? '' : `&after=${encodeURIComponent(after)}`}`,
    );
    const batches = Array.isArray(page.data) ? (page.data as Record<string, unknown>[]) : [];
    for (const batch of batches) {
      const metadata = batch.metadata as Record<string, unknown> | null | undefined;
      if (metadata?.[BATCH_KEY_FIELD] === intent.key && typeof batch.id === 'string')
        return { found: batch.id };
      if (typeof batch.created_at === 'number' && batch.created_at * 1000 < intent.since - CLOCK_SLACK_MS)
        return { absent: true };
    }
    const last = batches.at(-1)?.id;
    if (page.has_more !== true || typeof last !== 'string') return { absent: true };
    after = last;
  }
}

/** OpenAI's Files + Batches API (`/v1/files`, `/v1/batches`), or any server that speaks it. */
export function createOpenAIBatchTransport(options: {
  id: string;
  model: string;
  protocol: ModelProtocol;
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers'>;
}): BatchTransport {
  const base = (options.config.baseURL ?? 'https://api.openai.com/v1').replace(/\/$/, '');
  const headers: Record<string, string> = {
    ...(options.config.apiKey ? { authorization: `Bearer ${options.config.apiKey}` } : {}),
    ...options.config.headers,
  };
  const secrets = [options.config.apiKey, ...Object.values(options.config.headers ?? {})];
  const call = (path: string, init: RequestInit = {}) =>
    batchFetch({
      providerId: options.id,
      url: `${base}${path}`,
      init: { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } },
      secrets,
    });
  const json = async (path: string, init?: RequestInit) =>
    JSON.parse(await call(path, init)) as Record<string, unknown>;
  const lines = async (fileId: unknown): Promise<BatchOutcome[]> => {
    if (typeof fileId !== 'string') return [];
    const { rows } = jsonLines(await call(`/files/${fileId}/content`));
    return rows.flatMap((row) => outcomeOfLine(options.id, options.model, row) ?? []);
  };
  return {
    async submit(items: BatchItem[], key?: string): Promise<string> {
      const form = new FormData();
      form.append('purpose', 'batch');
      const text = items.map((item) => `${batchLine(options.model, options.protocol, item)}\n`).join('');
      form.append('file', new Blob([text], { type: 'application/jsonl' }), 'adaem-batch.jsonl');
      const file = await json('/files', { method: 'POST', body: form });
      const batch = await json('/batches', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          input_file_id: file.id,
          endpoint: '/v1/chat/completions',
          completion_window: '24h',
          ...(key === undefined ? {} : { metadata: { [BATCH_KEY_FIELD]: key } }),
        }),
      });
      return String(batch.id);
    },
    async poll(batchId: string): Promise<BatchPoll> {
      const batch = await json(`/batches/${batchId}`);
      const status = String(batch.status);
      if (!['completed', 'expired', 'cancelled', 'failed'].includes(status)) return { ended: false, status };
      const outcomes = [...(await lines(batch.output_file_id)), ...(await lines(batch.error_file_id))];
      return { ended: true, status, outcomes };
    },
    find: (intent) => findByMetadata(json, intent),
  };
}
