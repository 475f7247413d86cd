import type { StoredBatch } from '../core/batch-ledger.js';
import { isProviderError } from '../core/errors.js';
import { nextWait, type RunnerState, settle, type Waiting } from './batch-runner-state.js';
import type { BatchOutcome, BatchTransport } from './batch-transport.js';

/** A request a batch did not answer: into the next batch, or live (`onFailure: live`, or out of waves). */
function retryWaiting(state: RunnerState, waiting: Waiting, reason: string): void {
  const { deps } = state;
  deps.onFailure?.(`${waiting.entry.resolved.modelId}: ${reason}`);
  if (deps.settings.onFailure === 'live' || waiting.wave >= deps.settings.maxWaves) {
    deps
      .live(waiting.entry, waiting.role, waiting.key, waiting.request)
      .then(waiting.resolve, waiting.reject);
  } else state.requeue({ ...waiting, wave: waiting.wave + 1 });
}

/** Why each request of an ended batch has no answer: its own failure, or no result line at all. */
function failuresOf(batch: StoredBatch, status: string, outcomes: BatchOutcome[]): Record<string, string> {
  const failures: Record<string, string> = {};
  const answered = new Set<string>();
  for (const outcome of outcomes) {
    answered.add(outcome.customId);
    if ('failure' in outcome) failures[outcome.customId] = outcome.failure;
  }
  for (const request of batch.requests)
    if (!answered.has(request.customId))
      failures[request.customId] = `no result in batch ${batch.id} (${status})`;
  return failures;
}

/** Sends the calls waiting for a failed request on (calls sharing a key share the retried answer). */
function retryFailed(state: RunnerState, customId: string, reason: string): void {
  const waiting = state.awaited.get(customId) ?? [];
  state.awaited.delete(customId);
  const [first, ...others] = waiting;
  if (!first) return;
  retryWaiting(
    state,
    {
      ...first,
      resolve: (result) => {
        first.resolve(result);
        for (const other of others) other.resolve({ ...result, costUsd: 0 });
      },
      reject: (error) => {
        first.reject(error);
        for (const other of others) other.reject(error);
      },
    },
    reason,
  );
}

/** Takes an ended batch in: answers to their callers, the batch marked taken, failed requests sent on. */
function takeIn(state: RunnerState, batch: StoredBatch, status: string, outcomes: BatchOutcome[]): void {
  const failures = failuresOf(batch, status, outcomes);
  // Answers go into the cache before the batch is marked taken: a kill in between polls it again, pays nothing.
  for (const outcome of outcomes) {
    if (!('result' in outcome)) continue;
    const first = state.awaited.get(outcome.customId)?.[0];
    if (!first) continue;
    const served = state.deps.accept(first.entry, first.role, outcome.customId, outcome.result);
    settle(state, outcome.customId, (entry) => entry.resolve(served));
  }
  state.deps.ledger?.ended(batch.id, { status, failures });
  state.stored.forEach((value, key) => {
    if (value.id === batch.id) state.stored.delete(key);
  });
  for (const [customId, reason] of Object.entries(failures))
    retryFailed(state, customId, `batch ${batch.id} (${status}): ${reason}`);
}

/** Polls a batch with doubling waits until it ends, then takes it in; once per batch id. */
export function watch(state: RunnerState, batch: StoredBatch, transport: BatchTransport): void {
  if (state.watched.has(batch.id)) return;
  state.watched.add(batch.id);
  void (async () => {
    let wait = state.deps.settings.pollIntervalMs;
    for (;;) {
      try {
        const poll = await transport.poll(batch.id);
        if (poll.ended) return takeIn(state, batch, poll.status, poll.outcomes);
      } catch (error) {
        if (!isProviderError(error) || !error.isRetryable) throw error;
      }
      await state.sleep(wait, state.deps.signal);
      wait = nextWait(state, wait);
    }
  })()
    .catch((error: unknown) => {
      for (const request of batch.requests)
        settle(state, request.customId, (waiting) => waiting.reject(error));
    })
    .finally(() => state.watched.delete(batch.id));
}
