import type Database from 'better-sqlite3';
import type { CallOutcome, CallRecorder } from '../core/call-outcome.js';
import type { Steps } from '../core/steps.js';
import type { WriteBuffer } from './write-buffer.js';

/** Totals of recorded calls per provider id and role. */
export interface CallSummaryRow {
  providerId: string;
  role: string;
  calls: number;
  cached: number;
  /** Identical requests served by one already in flight (not paid again). */
  shared: number;
  errors: number;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Calls answered through a provider batch (or a batch file). */
  batched?: number;
  /** Input tokens the providers' prompt caches served. */
  cachedInputTokens?: number;
  /** USD those cached tokens saved against fresh input. */
  savedUsd?: number;
}

const TOTALS = `provider_id AS providerId, role, COUNT(*) AS calls,
  SUM(status = 'cached') AS cached, SUM(status = 'shared') AS shared, SUM(status = 'error') AS errors, SUM(attempts) AS attempts,
  SUM(input_tokens) AS inputTokens, SUM(output_tokens) AS outputTokens, SUM(cost_usd) AS costUsd,
  SUM(execution = 'batch') AS batched, SUM(cached_input_tokens) AS cachedInputTokens, SUM(saved_usd) AS savedUsd`;
/** Batch and prompt-cache totals, summed like SUMMED. */
const SAVINGS = ['batched', 'cachedInputTokens', 'savedUsd'] as const;
const SUMMED = [
  'calls',
  'cached',
  'shared',
  'errors',
  'attempts',
  'inputTokens',
  'outputTokens',
  'costUsd',
] as const;
/** Call ids summed between two pauses of `summarySteps`. */
const CALLS_PER_WINDOW = 20_000;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One row per call outcome; written in batches. */
export class CallsTable implements CallRecorder {
  private readonly insert: Database.Statement<unknown[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.insert = db.prepare(
      `INSERT INTO calls (run_id, provider_id, role, status, error_code, error_message, http_status, attempts,
         latency_ms, input_tokens, output_tokens, cost_usd, finished_at, execution, cached_input_tokens, saved_usd)
         VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
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
        outcome.execution ?? 'live',
        outcome.cachedInputTokens ?? 0,
        outcome.savedUsd ?? 0,
      ),
    );
  }

  /** The error text of the last failed call of a model in a run (for "every call to X failed: …"). */
  lastError(runId: string, providerId: string): string | undefined {
    this.buffer.flush();
    return (
      this.db
        .prepare<[string, string], { message: string | null }>(
          "SELECT error_message AS message FROM calls WHERE run_id = ? AND provider_id = ? AND status = 'error' ORDER BY id DESC LIMIT 1",
        )
        .get(runId, providerId)?.message ?? undefined
    );
  }

  summary(runId?: string): CallSummaryRow[] {
    this.buffer.flush();
    const sql = `SELECT ${TOTALS} FROM calls ${runId === undefined ? '' : 'WHERE run_id = ?'}
      GROUP BY provider_id, role ORDER BY provider_id, role`;
    const statement = this.db.prepare<unknown[], CallSummaryRow>(sql);
    return runId === undefined ? statement.all() : statement.all(runId);
  }

  /** `summary(runId)` summed over windows of `window` call ids, pausing between windows (see core/steps.ts). */
  *summarySteps(runId: string, window = CALLS_PER_WINDOW): Steps<CallSummaryRow[]> {
    this.buffer.flush();
    const bounds = this.db
      .prepare<[string], { low: number | null; high: number | null }>(
        'SELECT MIN(id) AS low, MAX(id) AS high FROM calls WHERE run_id = ?',
      )
      .get(runId);
    const windowTotals = this.db.prepare<[string, number, number], CallSummaryRow>(
      `SELECT ${TOTALS} FROM calls WHERE run_id = ? AND id >= ? AND id < ? GROUP BY provider_id, role`,
    );
    const totals = new Map<string, CallSummaryRow>();
    for (let low = bounds?.low ?? 1; low <= (bounds?.high ?? 0); low += window) {
      for (const row of windowTotals.all(runId, low, low + window)) {
        const key = `${row.providerId}\u0000${row.role}`;
        const sum = totals.get(key);
        if (!sum) totals.set(key, row);
        else {
          for (const field of SUMMED) sum[field] += row[field];
          for (const field of SAVINGS) sum[field] = (sum[field] ?? 0) + (row[field] ?? 0);
        }
      }
      yield;
    }
    return [...totals.values()].sort(
      (a, b) => compareText(a.providerId, b.providerId) || compareText(a.role, b.role),
    );
  }
}
