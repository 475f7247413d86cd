import type { BatchConfig } from '../core/batch-config.js';
import type { BatchLedger, StoredBatch } from '../core/batch-ledger.js';
import type { Role } from '../core/config.js';
import { CancelledError, isProviderError } from '../core/errors.js';
import type { ChatRequest, ChatResult } from '../core/provider.js';
import type { BatchOutcome, BatchTransport } from './batch-transport.js';
import type { ModelEntry } from './model-entry.js';

/** One call waiting for a batch. */
interface Waiting {
  entry: ModelEntry;
  role: Role;
  key: string;
  request: ChatRequest;
  /** Batches this request went through already. */
  wave: number;
  resolve: (result: ChatResult) => void;
  reject: (error: unknown) => void;
}

/** What the runner needs from the engine. */
export interface BatchRunnerDeps {
  settings: BatchConfig;
  ledger?: BatchLedger;
  runId?: string;
  signal?: AbortSignal;
  /** The batch API of a model, or a shared one (an offline batch file) keyed by `group`. */
  transportOf(entry: ModelEntry): { group: string; name: string; transport: BatchTransport };
  /** Takes an answer in: cache, usage, call record, cost at batch price. Returns the answer as served. */
  accept(entry: ModelEntry, role: Role, key: string, result: ChatResult): ChatResult;
  /** Sends a request live (a request the batches could not answer, with `onFailure: live`). */
  live(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult>;
  /** Notes why a request failed in a batch (printed as a warning by the CLI). */
  onFailure?(message: string): void;
  /** Waits between polls (tests shorten it). @default setTimeout */
  sleep?(ms: number, signal: AbortSignal | undefined): Promise<void>;
}

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

/**
 * Collects the calls of models in batch execution into provider batches: a batch is submitted once
 * no call has joined it for `collectMs` (or it holds `maxRequests`), stored in the ledger before
 * anyone waits, polled with doubling waits, and its answers taken in as live ones are. A request
 * already in a stored batch (a resumed run) waits for that batch instead of going into a new one.
 * Requests a batch did not answer go into the next batch, or live, with the reason noted.
 */
export function createBatchRunner(deps: BatchRunnerDeps) {
  const sleep = deps.sleep ?? defaultSleep;
  const queues = new Map<
    string,
    { name: string; transport: BatchTransport; items: Waiting[]; timer?: NodeJS.Timeout }
  >();
  /** Calls waiting for a batch already submitted, by custom id (= cache key). */
  const awaited = new Map<string, Waiting[]>();
  const watched = new Set<string>();
  let stored: Map<string, StoredBatch> | undefined;
  let waves = 0;

  /** The run's open batches by custom id, read once from the ledger. */
  const storedByKey = (): Map<string, StoredBatch> => {
    if (!stored) {
      stored = new Map();
      for (const batch of deps.ledger?.open(deps.runId) ?? []) {
        waves = Math.max(waves, batch.wave);
        for (const request of batch.requests) stored.set(request.customId, batch);
      }
    }
    return stored;
  };

  const settle = (key: string, outcome: (waiting: Waiting) => void): void => {
    const waiting = awaited.get(key) ?? [];
    awaited.delete(key);
    for (const entry of waiting) outcome(entry);
  };

  const retry = (waiting: Waiting, reason: string): void => {
    deps.onFailure?.(`${waiting.entry.resolved.modelId}: ${reason}`);
    if (deps.settings.onFailure === 'live' || waiting.wave >= deps.settings.maxWaves) {
      deps
        .live(waiting.entry, waiting.role, waiting.key, waiting.request)
        .then(waiting.resolve, waiting.reject);
    } else enqueueWaiting({ ...waiting, wave: waiting.wave + 1 });
  };

  const takeIn = (batch: StoredBatch, status: string, outcomes: BatchOutcome[]): void => {
    const failures: Record<string, string> = {};
    const answered = new Set<string>();
    for (const outcome of outcomes) {
      answered.add(outcome.customId);
      if ('failure' in outcome) failures[outcome.customId] = outcome.failure;
    }
    for (const request of batch.requests)
      if (!answered.has(request.customId))
        failures[request.customId] = `no result in batch ${batch.id} (${status})`;
    // Answers go into the cache before the batch is marked taken: a kill in between polls it again, pays nothing.
    for (const outcome of outcomes) {
      if (!('result' in outcome)) continue;
      const waiting = awaited.get(outcome.customId);
      const first = waiting?.[0];
      if (!first) continue;
      const served = deps.accept(first.entry, first.role, outcome.customId, outcome.result);
      settle(outcome.customId, (entry) => entry.resolve(served));
    }
    deps.ledger?.ended(batch.id, { status, failures });
    stored?.forEach((value, key) => {
      if (value.id === batch.id) stored?.delete(key);
    });
    for (const [customId, reason] of Object.entries(failures)) {
      const waiting = awaited.get(customId) ?? [];
      awaited.delete(customId);
      const [first, ...others] = waiting;
      if (!first) continue;
      // Calls sharing a key share the retried answer.
      retry(
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
        `batch ${batch.id} (${status}): ${reason}`,
      );
    }
  };

  const watch = (batch: StoredBatch, transport: BatchTransport): void => {
    if (watched.has(batch.id)) return;
    watched.add(batch.id);
    void (async () => {
      let wait = deps.settings.pollIntervalMs;
      for (;;) {
        try {
          const poll = await transport.poll(batch.id);
          if (poll.ended) return takeIn(batch, poll.status, poll.outcomes);
        } catch (error) {
          if (!isProviderError(error) || !error.isRetryable) throw error;
        }
        await sleep(wait, deps.signal);
        wait = Math.min(wait * 2, deps.settings.maxPollIntervalMs);
      }
    })()
      .catch((error: unknown) => {
        for (const request of batch.requests) settle(request.customId, (waiting) => waiting.reject(error));
      })
      .finally(() => watched.delete(batch.id));
  };

  /**
   * Submits, retrying an answer of 408/409/429/5xx (the provider created no batch) with doubling
   * waits; a dropped connection is not retried, since the batch may exist and be paid for.
   */
  const submitWithRetry = async (
    transport: BatchTransport,
    items: Parameters<BatchTransport['submit']>[0],
  ) => {
    let wait = deps.settings.pollIntervalMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await transport.submit(items);
      } catch (error) {
        const answered = isProviderError(error) && error.status !== undefined && error.isRetryable;
        if (!answered || attempt >= 5) throw error;
        await sleep(wait, deps.signal);
        wait = Math.min(wait * 2, deps.settings.maxPollIntervalMs);
      }
    }
  };

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
    const wave = Math.max(...items.map((item) => item.wave), waves + 1);
    waves = Math.max(waves, wave);
    for (const item of items) awaited.set(item.key, [...(awaited.get(item.key) ?? []), item]);
    void (async () => {
      const id = await submitWithRetry(
        queue.transport,
        items.map((item) => ({
          customId: item.key,
          request: item.request,
          model: item.entry.resolved.model,
          ...(item.entry.settings?.protocol ? { protocol: item.entry.settings.protocol } : {}),
        })),
      );
      const batch: StoredBatch = {
        id,
        ...(deps.runId === undefined ? {} : { runId: deps.runId }),
        transport: queue.name,
        wave,
        requests: items.map((item) => ({
          customId: item.key,
          modelId: item.entry.resolved.modelId,
          role: item.role,
        })),
        submittedAt: Date.now(),
      };
      // Stored before anyone waits: a kill from here on resumes by polling this batch.
      deps.ledger?.submitted(batch);
      watch(batch, queue.transport);
    })().catch((error: unknown) => {
      for (const item of items) settle(item.key, (waiting) => waiting.reject(error));
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

  function enqueueWaiting(waiting: Waiting): void {
    const { group, name, transport } = deps.transportOf(waiting.entry);
    let queue = queues.get(group);
    if (!queue) {
      queue = { name, transport, items: [] };
      queues.set(group, queue);
    }
    queue.items.push(waiting);
    schedule(group);
  }

  return {
    /** Answers a request through a batch: a stored one that holds it, else the next one submitted. */
    enqueue(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult> {
      return new Promise<ChatResult>((resolve, reject) => {
        const waiting: Waiting = { entry, role, key, request, wave: 1, resolve, reject };
        const batch = storedByKey().get(key);
        if (batch) {
          awaited.set(key, [...(awaited.get(key) ?? []), waiting]);
          watch(batch, deps.transportOf(entry).transport);
          return;
        }
        enqueueWaiting(waiting);
      });
    },
  };
}

export type BatchRunner = ReturnType<typeof createBatchRunner>;
