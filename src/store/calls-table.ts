import type Database from 'better-sqlite3';
import type { CallOutcome, CallRecorder } from '../core/call-outcome.js';
import type { WriteBuffer } from './write-buffer.js';

/** Totals of recorded calls per provider id and role. */
export interface CallSummaryRow {
  providerId: string;
  role: string;
  calls: number;
  cached: number;
  errors: number;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** One row per call outcome; written in batches. */
export class CallsTable implements CallRecorder {
  private readonly insert: Database.Statement<unknown[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.insert = db.prepare(
      `INSERT INTO calls (run_id, provider_id, role, status, error_code, error_message, http_status, attempts,
         latency_ms, input_tokens, output_tokens, cost_usd, finished_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
  }

  record(outcome: CallOutcome): void {
    this.buffer.add(() =>
      this.insert.run(
        outcome.runId ?? null,
        outcome.providerId,
        outcome.role,
        outcome.status,
        outcome.errorCode ?? null,
        outcome.errorMessage ?? null,
        outcome.httpStatus ?? null,
        outcome.attempts,
        outcome.latencyMs,
        outcome.inputTokens,
        outcome.outputTokens,
        outcome.costUsd,
        outcome.finishedAt,
      ),
    );
  }

  summary(runId?: string): CallSummaryRow[] {
    this.buffer.flush();
    const sql = `SELECT provider_id AS providerId, role, COUNT(*) AS calls,
        SUM(status = 'cached') AS cached, SUM(status = 'error') AS errors, SUM(attempts) AS attempts,
        SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens, SUM(cost_usd) AS costUsd
      FROM calls ${runId === undefined ? '' : 'WHERE run_id = ?'} GROUP BY provider_id, role ORDER BY provider_id, role`;
    const statement = this.db.prepare<unknown[], CallSummaryRow>(sql);
    return runId === undefined ? statement.all() : statement.all(runId);
  }
}
