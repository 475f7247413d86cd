import { failureReason } from '../../core/errors.js';

/**
 * Runs one generation-side model call; a provider failure becomes `{ error }` (recorded, counted)
 * while cancellation and what the user must fix (a refused key, a bad config) stop the run.
 */
export async function recordFailure<T>(
  call: () => Promise<T>,
  signal: AbortSignal | undefined,
): Promise<{ value: T } | { error: string }> {
  try {
    return { value: await call() };
  } catch (error) {
    return { error: failureReason(error, signal) };
  }
}
