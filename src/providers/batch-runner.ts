import type { StoredBatch } from '../core/batch-ledger.js';
import type { Role } from '../core/config.js';
import { CancelledError, isProviderError } from '../core/errors.js';
import type { ChatRequest, ChatResult } from '../core/provider.js';
import { resolveIntent } from './batch-intents.js';
import {
  awaitKey,
  type BatchRunnerDeps,
  nextWait,
  type RunnerState,
  settle,
  type Waiting,
} from './batch-runner-state.js';
import { type BatchItem, type BatchTransport, newBatchKey } from './batch-transport.js';
import { watch } from './batch-watch.js';
import type { LedgerIntent } from './intent-ledger.js';
import type { ModelEntry } from './model-entry.js';

export type { BatchRunnerDeps } from './batch-runner-state.js';

const defaultSleep = (ms: number, signal: AbortSignal | undefined): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** A model's calls collecting for its next batch. */
interface Queue {
  name: string;
  transport: BatchTransport;
  items: Waiting[];
  timer?: NodeJS.Timeout;
}

/**
 * Submits, retrying an answer of 408/409/429/5xx (the provider created no batch) with doubling
 * waits; a dropped connection is not retried, since the batch may exist and be paid for.
 */
async function submitWithRetry(
  state: RunnerState,
  transport: BatchTransport,
  items: BatchItem[],
  key: string | undefined,
): Promise<string> {
  let wait = state.deps.settings.pollIntervalMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await transport.submit(items, key);
    } catch (error) {
      const answered = isProviderError(error) && error.status !== undefined && error.isRetryable;
      if (!answered || attempt >= 5) throw error;
      await state.sleep(wait, state.deps.signal);
      wait = nextWait(state, wait);
    }
  }
}

/**
 * Submits one batch and records it. Where the transport can look batches up and the ledger keeps
 * intents, the batch is first recorded as an intent under a fresh key that the provider's batch
 * carries: a kill between the provider accepting it and its id being stored loses nothing, the
 * resume finds it by that key (see `resolveIntent`).
 */
async function submitBatch(state: RunnerState, queue: Queue, items: Waiting[], wave: number): Promise<void> {
  const { deps } = state;
  const requests = items.map((item) => ({
    customId: item.key,
    modelId: item.entry.resolved.modelId,
    role: item.role,
  }));
  const runId = deps.runId === undefined ? {} : { runId: deps.runId };
  const key = queue.transport.find && deps.ledger?.intended ? newBatchKey() : undefined;
  if (key !== undefined)
    deps.ledger?.intended?.({ key, ...runId, transport: queue.name, wave, requests, createdAt: Date.now() });
  let id: string;
  try {
    id = await submitWithRetry(
      state,
      queue.transport,
      items.map((item) => ({
        customId: item.key,
        request: item.request,
        model: item.entry.resolved.model,
        ...(item.entry.settings?.protocol ? { protocol: item.entry.settings.protocol } : {}),
      })),
      key,
    );
  } catch (error) {
    // Answered with an error, the provider created no batch: the intent goes. A dropped connection
    // keeps it: the batch may exist, and a resume looks it up.
    if (key !== undefined && isProviderError(error) && error.status !== undefined)
      deps.ledger?.dropped?.(key);
    throw error;
  }
  const batch: StoredBatch = { id, ...runId, transport: queue.name, wave, requests, submittedAt: Date.now() };
  // Stored before anyone waits: a kill from here on resumes by polling this batch.
  deps.ledger?.submitted(key === undefined ? batch : { ...batch, key });
  watch(state, batch, queue.transport);
}

/** The run's open batches and intents, read from the ledger into the runner's state. */
function readLedger(state: RunnerState): void {
  const { deps } = state;
  for (const batch of deps.ledger?.open(deps.runId) ?? []) {
    state.waves = Math.max(state.waves, batch.wave);
    for (const request of batch.requests) state.stored.set(request.customId, batch);
  }
  for (const intent of deps.ledger?.intents?.(deps.runId) ?? []) {
    state.waves = Math.max(state.waves, intent.wave);
    for (const request of intent.requests) state.intents.set(request.customId, intent);
  }
}

/**
 * Each model's calls collecting for its next batch (one shared queue for an offline file): a batch
 * is submitted once no call has joined it for `collectMs`, or once it holds `maxRequests`.
 */
function batchQueues(state: RunnerState) {
  const { deps } = state;
  const queues = new Map<string, Queue>();

  const flush = (group: string): void => {
    const queue = queues.get(group);
    if (!queue || queue.items.length === 0) return;
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = undefined;
    const items = queue.items.splice(0, deps.settings.maxRequests);
    // A run stopping (Ctrl-C) submits nothing more: what waits here is asked again on resume.
    if (deps.signal?.aborted) {
      for (const item of [...items, ...queue.items.splice(0)]) item.reject(new CancelledError());
      return;
    }
    if (queue.items.length > 0) schedule(group);
    const wave = Math.max(...items.map((item) => item.wave), state.waves + 1);
    state.waves = Math.max(state.waves, wave);
    for (const item of items) awaitKey(state, item);
    submitBatch(state, queue, items, wave).catch((error: unknown) => {
      for (const item of items) settle(state, item.key, (waiting) => waiting.reject(error));
    });
  };

  const schedule = (group: string): void => {
    const queue = queues.get(group)!;
    if (queue.items.length >= deps.settings.maxRequests) {
      flush(group);
      return;
    }
    if (queue.timer) clearTimeout(queue.timer);
    queue.timer = setTimeout(() => flush(group), deps.settings.collectMs);
  };

  /** Puts a call into its model's next batch. */
  return (waiting: Waiting): void => {
    const { group, name, transport } = deps.transportOf(waiting.entry);
    let queue = queues.get(group);
    if (!queue) {
      queue = { name, transport, items: [] };
      queues.set(group, queue);
    }
    queue.items.push(waiting);
    schedule(group);
  };
}

/**
 * Collects the calls of models in batch execution into provider batches: a batch is submitted once
 * no call has joined it for `collectMs` (or it holds `maxRequests`), stored in the ledger before
 * anyone waits, polled with doubling waits, and its answers taken in as live ones are. A request
 * already in a stored batch (a resumed run) waits for that batch instead of going into a new one;
 * one in an intent whose id was never stored waits until the provider is asked for that batch.
 * Requests a batch did not answer go into the next batch, or live, with the reason noted.
 */
export function createBatchRunner(deps: BatchRunnerDeps) {
  const state: RunnerState = {
    deps,
    sleep: deps.sleep ?? defaultSleep,
    awaited: new Map(),
    watched: new Set(),
    stored: new Map(),
    intents: new Map(),
    waves: 0,
    requeue: (waiting) => enqueueWaiting(waiting),
  };
  const enqueueWaiting = batchQueues(state);
  let read = false;
  const resolving = new Map<string, Promise<void>>();

  /** Looks an intent up once; the calls waiting for its requests fail if it cannot be. */
  const resolveOnce = (intent: LedgerIntent, transport: BatchTransport): void => {
    let pending = resolving.get(intent.key);
    if (!pending) {
      pending = resolveIntent(state, intent, transport);
      resolving.set(intent.key, pending);
    }
    pending.catch((error: unknown) => {
      for (const request of intent.requests)
        settle(state, request.customId, (waiting) => waiting.reject(error));
    });
  };

  return {
    /** Answers a request through a batch: a stored one that holds it, else the next one submitted. */
    enqueue(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult> {
      return new Promise<ChatResult>((resolve, reject) => {
        const waiting: Waiting = { entry, role, key, request, wave: 1, resolve, reject };
        if (!read) readLedger(state);
        read = true;
        const batch = state.stored.get(key);
        const intent = batch ? undefined : state.intents.get(key);
        if (!batch && !intent) return enqueueWaiting(waiting);
        awaitKey(state, waiting);
        const { transport } = deps.transportOf(entry);
        if (batch) watch(state, batch, transport);
        else if (intent) resolveOnce(intent, transport);
      });
    },
  };
}

export type BatchRunner = ReturnType<typeof createBatchRunner>;
