import type { ProviderConfig } from '../core/config.js';
import { isProviderError } from '../core/errors.js';
import { messageParams, readMessage } from './anthropic.js';
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

/**
 * A request's custom id in a keyed batch: the batch's key, a dash, the request's own id (a
 * response-cache key, 43 characters; 60 in all, under Anthropic's 64). The key lets a batch whose
 * id was never stored be recognised by its results.
 */
function keyedCustomId(key: string | undefined, customId: string): string {
  return key === undefined ? customId : `${key}-${customId}`;
}

const KEYED = /^[0-9a-f]{16}-([A-Za-z0-9_-]{43})$/;

/** The request's own id of a custom id, its batch key (if any) taken off. */
function requestIdOf(customId: string): string {
  return KEYED.exec(customId)?.[1] ?? customId;
}

/** The number of requests of a listed message batch, whatever their state. */
function requestCountOf(batch: Record<string, unknown>): number {
  const counts = batch.request_counts;
  if (!counts || typeof counts !== 'object') return 0;
  return Object.values(counts).reduce<number>(
    (sum, value) => sum + (typeof value === 'number' ? value : 0),
    0,
  );
}

/** The outcome of one line of a message batch's results: the answer read as a live call's, or why it has none. */
function outcomeOfResultLine(row: Record<string, unknown>): BatchOutcome | undefined {
  if (typeof row.custom_id !== 'string') return undefined;
  const customId = requestIdOf(row.custom_id);
  const result = row.result as { type?: unknown; message?: unknown; error?: unknown } | undefined;
  if (result?.type === 'succeeded' && result.message && typeof result.message === 'object') {
    try {
      return { customId, result: readMessage(result.message as Parameters<typeof readMessage>[0]) };
    } catch (caught) {
      return { customId, failure: caught instanceof Error ? caught.message : String(caught) };
    }
  }
  const detail = (result?.error as { error?: { message?: unknown } } | undefined)?.error?.message;
  return {
    customId,
    failure: `${String(result?.type ?? 'unknown')}${detail ? `: ${String(detail)}` : ''}`,
  };
}

/** Whether an ended batch's results carry custom ids under `key`; results that cannot be read (archived) do not. */
async function carriesKey(
  call: (url: string) => Promise<string>,
  base: string,
  batch: Record<string, unknown>,
  key: string,
): Promise<boolean> {
  const url =
    typeof batch.results_url === 'string'
      ? batch.results_url
      : `${base}/v1/messages/batches/${String(batch.id)}/results`;
  let text: string;
  try {
    text = await call(url);
  } catch (error) {
    if (isProviderError(error) && error.status !== undefined && !error.isRetryable) return false;
    throw error;
  }
  const { rows } = jsonLines(text);
  return rows.some((row) => typeof row.custom_id === 'string' && row.custom_id.startsWith(`${key}-`));
}

/**
 * The message batch submitted under the intent's key. Message batches carry no metadata and
 * their custom ids show only in their results, once they end: the list (newest first, paged with
 * `after_id`) is read back to a little before the intent, and each batch of the intent's size that
 * has ended is recognised by its results' custom ids. One still in progress may be it: pending.
 */
async function findByCustomIds(
  call: (url: string) => Promise<string>,
  base: string,
  intent: BatchIntent,
  /** Ended batches (`key id`) already read and found to be another's: not read again while a look-up waits. */
  foreign: Set<string>,
): Promise<BatchLookup> {
  let after: string | undefined;
  let pending = false;
  for (;;) {
    const query = `limit=100${after === undefined ? '' : `&after_id=${encodeURIComponent(after)}`}`;
    const page = JSON.parse(await call(`${base}/v1/messages/batches?${query}`)) as Record<string, unknown>;
    const batches = Array.isArray(page.data) ? (page.data as Record<string, unknown>[]) : [];
    for (const batch of batches) {
      const created = typeof batch.created_at === 'string' ? Date.parse(batch.created_at) : Number.NaN;
      if (created < intent.since - CLOCK_SLACK_MS) return pending ? { pending: true } : { absent: true };
      if (typeof batch.id !== 'string' || requestCountOf(batch) !== intent.requests) continue;
      if (batch.processing_status !== 'ended') {
        pending = true;
        continue;
      }
      const seen = `${intent.key} ${batch.id}`;
      if (foreign.has(seen)) continue;
      if (await carriesKey(call, base, batch, intent.key)) return { found: batch.id };
      foreign.add(seen);
    }
    const last = typeof page.last_id === 'string' ? page.last_id : batches.at(-1)?.id;
    if (page.has_more !== true || typeof last !== 'string')
      return pending ? { pending: true } : { absent: true };
    after = last;
  }
}

/** Anthropic's Message Batches API (`/v1/messages/batches`). */
export function createAnthropicBatchTransport(options: {
  id: string;
  model: string;
  config: Pick<ProviderConfig, 'apiKey' | 'baseURL' | 'headers'>;
}): BatchTransport {
  const base = (options.config.baseURL ?? 'https://api.anthropic.com')
    .replace(/\/$/, '')
    .replace(/\/v1$/, '');
  const headers: Record<string, string> = {
    'anthropic-version': '2023-06-01',
    ...(options.config.apiKey ? { 'x-api-key': options.config.apiKey } : {}),
    ...options.config.headers,
  };
  const secrets = [options.config.apiKey, ...Object.values(options.config.headers ?? {})];
  const foreign = new Set<string>();
  const call = (url: string, init: RequestInit = {}) =>
    batchFetch({
      providerId: options.id,
      url,
      init: { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } },
      secrets,
    });
  return {
    async submit(items: BatchItem[], key?: string): Promise<string> {
      const body = {
        requests: items.map((item) => ({
          custom_id: keyedCustomId(key, item.customId),
          params: messageParams(options.model, item.request),
        })),
      };
      const batch = JSON.parse(
        await call(`${base}/v1/messages/batches`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      ) as { id: unknown };
      return String(batch.id);
    },
    async poll(batchId: string): Promise<BatchPoll> {
      const batch = JSON.parse(await call(`${base}/v1/messages/batches/${batchId}`)) as {
        processing_status?: unknown;
        results_url?: unknown;
      };
      const status = String(batch.processing_status);
      if (status !== 'ended') return { ended: false, status };
      const url =
        typeof batch.results_url === 'string'
          ? batch.results_url
          : `${base}/v1/messages/batches/${batchId}/results`;
      const { rows } = jsonLines(await call(url));
      return { ended: true, status, outcomes: rows.flatMap((row) => outcomeOfResultLine(row) ?? []) };
    },
    find: (intent) => findByCustomIds(call, base, intent, foreign),
  };
}
