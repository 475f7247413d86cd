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

/** Submitted batches per run; every write commits at once (nothing waits in the write buffer). */
export class BatchesTable implements BatchLedger {
  constructor(private readonly db: Database.Database) {}

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

  submitted(batch: StoredBatch): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO batches (id, run_id, transport, wave, status, requests, submitted_at)
         VALUES (?, ?, ?, ?, 'submitted', ?, ?)`,
      )
      .run(
        batch.id,
        batch.runId ?? null,
        batch.transport,
        batch.wave,
        JSON.stringify(batch.requests),
        batch.submittedAt,
      );
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
        'SELECT id, transport, wave, status, final_status, requests, failures FROM batches WHERE run_id = ? ORDER BY submitted_at',
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
