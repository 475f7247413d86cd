import type Database from 'better-sqlite3';

/** A stored analysis: what was computed (its manifest) and the result, filed under the run it analyses. */
export interface AnalysisRecord {
  id: string;
  kind: string;
  /** The run analysed (the first one, when an analysis compares runs). */
  runId: string;
  manifest: unknown;
  result: unknown;
  createdAt: number;
}

interface AnalysisRow {
  id: string;
  kind: string;
  run_id: string;
  manifest: string;
  result: string;
  created_at: number;
}

/** Results of `adaem analyze …`, `compare` and `validate`, each with its own manifest. */
export class AnalysesTable {
  constructor(private readonly db: Database.Database) {}

  put(record: Omit<AnalysisRecord, 'createdAt'>): void {
    this.db
      .prepare('INSERT INTO analyses (id, kind, run_id, manifest, result, created_at) VALUES (?,?,?,?,?,?)')
      .run(
        record.id,
        record.kind,
        record.runId,
        JSON.stringify(record.manifest),
        JSON.stringify(record.result),
        Date.now(),
      );
  }

  /** Analyses of one run (or all), newest first. */
  list(runId?: string): AnalysisRecord[] {
    const rows =
      runId === undefined
        ? this.db.prepare<[], AnalysisRow>('SELECT * FROM analyses ORDER BY created_at DESC, id DESC').all()
        : this.db
            .prepare<[string], AnalysisRow>(
              'SELECT * FROM analyses WHERE run_id = ? ORDER BY created_at DESC, id DESC',
            )
            .all(runId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      runId: row.run_id,
      manifest: JSON.parse(row.manifest),
      result: JSON.parse(row.result),
      createdAt: row.created_at,
    }));
  }
}
