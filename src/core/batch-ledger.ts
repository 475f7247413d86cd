import type { Role } from './config.js';

/** One request of a stored batch: its custom id (the response-cache key), model and role. */
export interface BatchRequestRef {
  customId: string;
  modelId: string;
  role: Role;
}

/** A batch submitted to a provider (or written to a file), as the store keeps it. */
export interface StoredBatch {
  /** The provider's batch id, or `file:<path>` for an offline batch file. */
  id: string;
  runId?: string;
  /** `openai`, `anthropic`, or `file`. */
  transport: string;
  /** Which batch of the run this is (1, 2, …): a request that failed goes into a later one. */
  wave: number;
  requests: BatchRequestRef[];
  submittedAt: number;
}

/**
 * Where the engine keeps the batches it submitted, written before it waits for them: a process
 * killed while a batch is in flight resumes by polling the same batch, not by submitting again.
 */
export interface BatchLedger {
  /** The run's batches submitted and not yet taken in. */
  open(runId: string | undefined): StoredBatch[];
  /** Records a submitted batch, durably, before anyone waits for it. */
  submitted(batch: StoredBatch): void;
  /** Records that a batch's results were taken in: its final status and why requests failed. */
  ended(id: string, outcome: { status: string; failures: Record<string, string> }): void;
}
