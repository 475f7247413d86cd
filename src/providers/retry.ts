import { CancelledError, isProviderError } from '../core/errors.js';
import { sleep } from './limiter.js';

/** How retries back off. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** First backoff cap in ms; doubles each attempt (full jitter). @default 500 */
  baseDelayMs: number;
  /** Largest backoff between attempts in ms. @default 30000 */
  maxDelayMs: number;
  /** Longest Retry-After honoured in ms; longer requests wait this long. @default 120000 */
  maxRetryAfterMs?: number;
}

/**
 * Failures that a backoff of half a minute would not heal — nothing listens at the address, the
 * host name does not exist — and how often each is tried again, quickly, before the call fails.
 */
const QUICK_RETRIES: Record<string, number> = { ECONNREFUSED: 2, ENOTFOUND: 1 };
/** The wait before quick retry n is n times this. */
const QUICK_DELAY_MS = 200;

/** The network error code (`ECONNREFUSED`, `ENOTFOUND`, …) in an error's chain of causes; fetch hides it a level or two down. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

/** How long to wait before trying again after `attempts` failed attempts, or undefined to give up. */
function waitBeforeRetry(error: unknown, attempts: number, policy: RetryPolicy): number | undefined {
  if (!isProviderError(error) || !error.isRetryable || attempts > policy.maxRetries) return undefined;
  const quick = QUICK_RETRIES[networkErrorCode(error) ?? ''];
  if (quick !== undefined) return attempts > quick ? undefined : QUICK_DELAY_MS * attempts;
  if (error.retryAfterMs !== undefined)
    return Math.min(policy.maxRetryAfterMs ?? 120_000, error.retryAfterMs);
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
}

/**
 * Calls `attempt` until it succeeds, a failure is not retryable, or retries run out. Waits what
 * the provider asked (Retry-After) or an exponential backoff with full jitter; a refused
 * connection or an unknown host is tried again only once or twice, within a second.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal | undefined,
  onAttempt: (attempts: number) => void,
): Promise<T> {
  for (let attempts = 1; ; attempts++) {
    onAttempt(attempts);
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof CancelledError || signal?.aborted)
        throw error instanceof CancelledError ? error : new CancelledError();
      const wait = waitBeforeRetry(error, attempts, policy);
      if (wait === undefined) throw error;
      await sleep(wait, signal);
    }
  }
}
