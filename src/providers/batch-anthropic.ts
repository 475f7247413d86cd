import type { ProviderConfig } from '../core/config.js';
import { messageParams, readMessage } from './anthropic.js';
import { batchFetch, jsonLines } from './batch-http.js';
import type { BatchItem, BatchOutcome, BatchPoll, BatchTransport } from './batch-transport.js';

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
  const call = (url: string, init: RequestInit = {}) =>
    batchFetch({
      providerId: options.id,
      url,
      init: { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } },
      secrets,
    });
  const outcomeOf = (row: Record<string, unknown>): BatchOutcome | undefined => {
    const customId = row.custom_id;
    if (typeof customId !== 'string') return undefined;
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
  };
  return {
    async submit(items: BatchItem[]): Promise<string> {
      const body = {
        requests: items.map((item) => ({
          custom_id: item.customId,
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
      return { ended: true, status, outcomes: rows.flatMap((row) => outcomeOf(row) ?? []) };
    },
  };
}
