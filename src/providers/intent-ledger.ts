import type { BatchLedger, BatchRequestRef, StoredBatch } from '../core/batch-ledger.js';

/** A batch recorded under a client key before it is submitted: its id is not known yet. */
export interface LedgerIntent {
  key: string;
  runId?: string;
  /** `openai` or `anthropic`. */
  transport: string;
  wave: number;
  requests: BatchRequestRef[];
  /** When it was recorded, ms since the epoch. */
  createdAt: number;
}

/**
 * Intents kept next to the submitted batches (the store's `batches` table): recorded before a
 * batch is submitted, replaced by the batch once its id is known, so no kill loses a batch's id.
 */
export interface IntentLedger {
  /** Records a batch about to be submitted under `key`, durably, before it is sent. */
  intended(intent: LedgerIntent): void;
  /** The run's intents whose batch id was never recorded. */
  intents(runId: string | undefined): LedgerIntent[];
  /** Forgets an intent whose batch the provider never created. */
  dropped(key: string): void;
  /** Records a submitted batch; one submitted under a key replaces its intent. */
  submitted(batch: StoredBatch & { key?: string }): void;
}

/** The engine's batch ledger: submitted batches, and intents where the ledger keeps them. */
export type DurableBatchLedger = BatchLedger & Partial<IntentLedger>;
