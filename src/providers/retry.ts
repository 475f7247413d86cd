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
 * Calls `attempt` until it succeeds, a failure is not retryable, or retries run out. Waits what
 * the provider asked (Retry-After) or an exponential backoff with full jitter.
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
      if (!isProviderError(error) || !error.isRetryable || attempts > policy.maxRetries) throw error;
      const backoff = Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempts - 1));
      const wait =
        error.retryAfterMs === undefined
          ? backoff
          : Math.min(policy.maxRetryAfterMs ?? 120_000, error.retryAfterMs);
      await sleep(wait, signal);
    }
  }
}
