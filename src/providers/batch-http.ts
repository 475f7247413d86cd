import { isRetryableStatus, ProviderError } from '../core/errors.js';
import { scrubSecrets } from '../core/scrub-secrets.js';

/**
 * One HTTP exchange with a batch API: the body as text, or a ProviderError naming the provider and
 * status (retryable on 408, 409, 429 and 5xx, and on a dropped connection), its message scrubbed.
 */
export async function batchFetch(options: {
  providerId: string;
  url: string;
  init: RequestInit;
  secrets: readonly (string | undefined)[];
}): Promise<string> {
  let response: Response;
  try {
    response = await fetch(options.url, options.init);
  } catch (error) {
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new ProviderError(
      `${options.providerId}: connection failed (${scrubSecrets(cause, options.secrets)})`,
      {
        providerId: options.providerId,
        isRetryable: true,
        code: 'connection',
      },
    );
  }
  const text = await response.text();
  if (!response.ok) {
    const line = scrubSecrets(text, options.secrets).split('\n')[0]?.slice(0, 200) ?? '';
    throw new ProviderError(`${options.providerId}: HTTP ${response.status} ${line}`, {
      providerId: options.providerId,
      status: response.status,
      isRetryable: isRetryableStatus(response.status),
    });
  }
  return text;
}

/** The lines of a JSONL text that are not blank, parsed; a line that is not JSON is skipped and counted. */
export function jsonLines(text: string): { rows: Record<string, unknown>[]; broken: number } {
  const rows: Record<string, unknown>[] = [];
  let broken = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed: unknown = JSON.parse(line);
      if (parsed && typeof parsed === 'object') rows.push(parsed as Record<string, unknown>);
      else broken++;
    } catch {
      broken++;
    }
  }
  return { rows, broken };
}
