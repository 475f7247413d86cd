import type { StoredBatch } from '../core/batch-ledger.js';
import { isProviderError } from '../core/errors.js';
import { nextWait, type RunnerState } from './batch-runner-state.js';
import type { BatchLookup, BatchTransport } from './batch-transport.js';
import { watch } from './batch-watch.js';
import type { LedgerIntent } from './intent-ledger.js';

/** Statuses of a list endpoint the server does not have: nothing can be looked up there. */
const NO_LIST = new Set([404, 405, 501]);

/**
 * Asks the provider for the intent's batch until it knows: a batch still in progress that may be
 * it is waited for; a failed look-up answered 408/409/429/5xx or a dropped connection is tried
 * again (five times); a server without a list endpoint answers absent, with a notice.
 */
async function lookUp(
  state: RunnerState,
  transport: BatchTransport,
  intent: LedgerIntent,
): Promise<BatchLookup> {
  const find = transport.find;
  if (!find) return { absent: true };
  let wait = state.deps.settings.pollIntervalMs;
  for (let failures = 0; ; ) {
    try {
      const lookup = await find({
        key: intent.key,
        since: intent.createdAt,
        requests: intent.requests.length,
      });
      if (!('pending' in lookup)) return lookup;
    } catch (error) {
      if (isProviderError(error) && error.status !== undefined && NO_LIST.has(error.status)) {
        state.deps.onFailure?.(
          `${intent.requests[0]?.modelId ?? intent.transport}: batch ${intent.key} may have been submitted before the run stopped, but the server lists no batches (${error.message}); submitting its requests again`,
        );
        return { absent: true };
      }
      if (!isProviderError(error) || !error.isRetryable || ++failures >= 5) throw error;
    }
    await state.sleep(wait, state.deps.signal);
    wait = nextWait(state, wait);
  }
}

/** The batch an intent turned out to be, recorded in the ledger in place of the intent. */
function adopt(state: RunnerState, intent: LedgerIntent, id: string): StoredBatch {
  const batch: StoredBatch = {
    id,
    ...(intent.runId === undefined ? {} : { runId: intent.runId }),
    transport: intent.transport,
    wave: intent.wave,
    requests: intent.requests,
    submittedAt: intent.createdAt,
  };
  state.deps.ledger?.submitted({ ...batch, key: intent.key });
  for (const request of intent.requests) state.stored.set(request.customId, batch);
  return batch;
}

/**
 * Settles an intent left by a process that stopped between recording it and recording its batch
 * id: the batch found at the provider is polled as a stored one; an intent the provider has no
 * batch for is dropped and the calls waiting for its requests go into the next batch. Rejects
 * when the provider cannot be asked; the intent then stays for the next resume.
 */
export async function resolveIntent(
  state: RunnerState,
  intent: LedgerIntent,
  transport: BatchTransport,
): Promise<void> {
  // A look-up that fails throws, the intent kept: the calls waiting for it fail, the next resume asks again.
  const lookup = await lookUp(state, transport, intent);
  for (const request of intent.requests) state.intents.delete(request.customId);
  if ('found' in lookup) return watch(state, adopt(state, intent, lookup.found), transport);
  state.deps.ledger?.dropped?.(intent.key);
  for (const request of intent.requests) {
    const waiting = state.awaited.get(request.customId) ?? [];
    state.awaited.delete(request.customId);
    for (const entry of waiting) state.requeue(entry);
  }
}
