import { CancelledError, ConfigError, isAdaemError } from '../../core/errors.js';

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
    if (error instanceof CancelledError || error instanceof ConfigError || signal?.aborted) throw error;
    if (!isAdaemError(error)) throw error;
    return { error: error.message };
  }
}
