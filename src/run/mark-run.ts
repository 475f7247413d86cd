import { StoreError } from '../core/errors.js';
import type { Store } from '../store/index.js';
import { toStoreError } from '../store/store-fault.js';

/** After a lock timeout, how long the final status write keeps waiting for the other process. */
export const LOCK_PATIENCE_MS = 30_000;

/** A raw SQLite error as the one-line StoreError it deserves; anything else unchanged. */
export function asStoreFault(error: unknown, path: string): unknown {
  return error instanceof Error && error.name === 'SqliteError' ? toStoreError(error, path) : error;
}

const isLockTimeout = (error: unknown, path: string): boolean => {
  const fault = asStoreFault(error, path);
  return fault instanceof StoreError && fault.code === 'store-busy';
};

/**
 * Records how a run ended, as far as the store still takes writes. When another process holds the
 * write lock (the run stopped on a lock timeout), keeps trying for up to `LOCK_PATIENCE_MS`; a run
 * left unmarked shows as interrupted once its heartbeat is stale.
 */
export async function markRun(
  store: Store,
  runId: string,
  status: 'failed' | 'cancelled',
  options: { patienceMs?: number; summary?: unknown } = {},
): Promise<void> {
  const deadline = Date.now() + (options.patienceMs ?? LOCK_PATIENCE_MS);
  for (;;) {
    try {
      store.runs.setStatus(runId, status, options.summary);
      return;
    } catch (error) {
      if (!isLockTimeout(error, store.path) || Date.now() >= deadline) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
