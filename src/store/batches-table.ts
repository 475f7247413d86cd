import type Database from 'better-sqlite3';
import type { BatchLedger, BatchRequestRef, StoredBatch } from '../core/batch-ledger.js';

interface BatchRow {
  id: string;
  run_id: string | null;
  transport: string;
  wave: number;
  requests: string;
  submitted_at: number;
}

/** A batch about to be submitted under a client key, recorded first (see `BatchesTable.intended`). */
export interface BatchIntentRow {
  key: string;
  runId?: string;
  transport: string;
  wave: number;
  requests: BatchRequestRef[];
  /** When it was recorded, ms since the epoch. */
  createdAt: number;
}

/** The row id of an intent: it has no provider id yet. */
const intentId = (key: string): string => `intent:${key}`;

/**
 * Submitted batches per run, and the intents recorded before submitting; every write commits at
 * once (nothing waits in the write buffer).
 */
export class BatchesTable implements BatchLedger {
  constructor(private readonly db: Database.Database) {}

  /** Records, before submitting, a batch about to be sent under `key`: a kill before its id is stored leaves this. */
  intended(intent: BatchIntentRow): void {
    this.db
      .prepare(
        `INSERT INTO batches (id, run_id, transport, wave, status, requests, submitted_at, batch_key)
         VALUES (?, ?, ?, ?, 'intended', ?, ?, ?)`,
      )
      .run(
        intentId(intent.key),
        intent.runId ?? null,
        intent.transport,
        intent.wave,
        JSON.stringify(intent.requests),
        intent.createdAt,
        intent.key,
      );
  }

  /** The run's intents without a provider id: submitted or not, nobody knows until the provider is asked. */
  intents(runId: string | undefined): BatchIntentRow[] {
    return this.db
      .prepare<[string | null], BatchRow & { batch_key: string }>(
        `SELECT id, run_id, transport, wave, requests, submitted_at, batch_key FROM batches
         WHERE run_id IS ? AND status = 'intended' ORDER BY submitted_at`,
      )
      .all(runId ?? null)
      .map((row) => ({
        key: row.batch_key,
        ...(row.run_id === null ? {} : { runId: row.run_id }),
        transport: row.transport,
        wave: row.wave,
        requests: JSON.parse(row.requests) as BatchRequestRef[],
        createdAt: row.submitted_at,
      }));
  }

  /** Forgets an intent whose batch the provider never created: its requests go into another batch. */
  dropped(key: string): void {
    this.db.prepare(`DELETE FROM batches WHERE batch_key = ? AND status = 'intended'`).run(key);
  }

  open(runId: string | undefined): StoredBatch[] {
    const rows = this.db
      .prepare<[string | null], BatchRow>(
        `SELECT id, run_id, transport, wave, requests, submitted_at FROM batches
         WHERE run_id IS ? AND status = 'submitted' ORDER BY submitted_at`,
      )
      .all(runId ?? null);
    return rows.map((row) => ({
      id: row.id,
      ...(row.run_id === null ? {} : { runId: row.run_id }),
      transport: row.transport,
      wave: row.wave,
      requests: JSON.parse(row.requests) as BatchRequestRef[],
      submittedAt: row.submitted_at,
    }));
  }

  /** Records a submitted batch; one submitted under a key replaces its intent in the same transaction. */
  submitted(batch: StoredBatch & { key?: string }): void {
    this.db.transaction(() => {
      if (batch.key !== undefined)
        this.db.prepare(`DELETE FROM batches WHERE batch_key = ? AND status = 'intended'`).run(batch.key);
      this.db
        .prepare(
          `INSERT OR REPLACE INTO batches (id, run_id, transport, wave, status, requests, submitted_at, batch_key)
           VALUES (?, ?, ?, ?, 'submitted', ?, ?, ?)`,
        )
        .run(
          batch.id,
          batch.runId ?? null,
          batch.transport,
          batch.wave,
          JSON.stringify(batch.requests),
          batch.submittedAt,
          batch.key ?? null,
        );
    })();
  }

  ended(id: string, outcome: { status: string; failures: Record<string, string> }): void {
    this.db
      .prepare(
        `UPDATE batches SET status = 'taken', final_status = ?, failures = ?, ended_at = ? WHERE id = ?`,
      )
      .run(outcome.status, JSON.stringify(outcome.failures), Date.now(), id);
  }

  /** Every batch of a run with its counts, for `adaem results` and tests. */
  list(runId: string): {
    id: string;
    transport: string;
    wave: number;
    status: string;
    finalStatus: string | null;
    requests: number;
    failures: Record<string, string>;
  }[] {
    return this.db
      .prepare<
        [string],
        {
          id: string;
          transport: string;
          wave: number;
          status: string;
          final_status: string | null;
          requests: string;
          failures: string | null;
        }
      >(
        `SELECT id, transport, wave, status, final_status, requests, failures FROM batches
         WHERE run_id = ? AND status != 'intended' ORDER BY submitted_at`,
      )
      .all(runId)
      .map((row) => ({
        id: row.id,
        transport: row.transport,
        wave: row.wave,
        status: row.status,
        finalStatus: row.final_status,
        requests: (JSON.parse(row.requests) as unknown[]).length,
        failures: row.failures ? (JSON.parse(row.failures) as Record<string, string>) : {},
      }));
  }
}
