import type { BatchConfig } from '../core/batch-config.js';
import type { StoredBatch } from '../core/batch-ledger.js';
import type { Role } from '../core/config.js';
import type { ChatRequest, ChatResult } from '../core/provider.js';
import type { BatchTransport } from './batch-transport.js';
import type { DurableBatchLedger, LedgerIntent } from './intent-ledger.js';
import type { ModelEntry } from './model-entry.js';

/** One call waiting for a batch. */
export interface Waiting {
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
  ledger?: DurableBatchLedger;
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

/** What the runner's parts share: calls waiting by custom id, the batches watched, the run's ledger read once. */
export interface RunnerState {
  deps: BatchRunnerDeps;
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>;
  /** Calls waiting for a batch already submitted (or an intent being looked up), by custom id (= cache key). */
  awaited: Map<string, Waiting[]>;
  /** Ids of the batches being polled. */
  watched: Set<string>;
  /** The run's open batches by custom id, read once from the ledger. */
  stored: Map<string, StoredBatch>;
  /** The run's intents without a batch id by custom id, read once from the ledger. */
  intents: Map<string, LedgerIntent>;
  /** The highest wave of the run so far. */
  waves: number;
  /** Puts a call into its model's next batch. */
  requeue(waiting: Waiting): void;
}

/** Adds a call to those waiting for `key`'s answer. */
export function awaitKey(state: RunnerState, waiting: Waiting): void {
  state.awaited.set(waiting.key, [...(state.awaited.get(waiting.key) ?? []), waiting]);
}

/** Settles every call waiting for `key`. */
export function settle(state: RunnerState, key: string, outcome: (waiting: Waiting) => void): void {
  const waiting = state.awaited.get(key) ?? [];
  state.awaited.delete(key);
  for (const entry of waiting) outcome(entry);
}

/** Doubles a wait between two polls, up to the configured longest. */
export function nextWait(state: RunnerState, wait: number): number {
  return Math.min(wait * 2, state.deps.settings.maxPollIntervalMs);
}
