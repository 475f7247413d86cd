import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import { CacheTable } from './cache-table.js';
import { CallsTable } from './calls-table.js';
import { migrate } from './migrations.js';
import { JudgementsTable, QuestionsTable, ResponsesTable } from './records-tables.js';
import { RunsTable } from './runs-table.js';
import { WriteBuffer } from './write-buffer.js';

export type { CacheStats } from './cache-table.js';
export type { CallSummaryRow } from './calls-table.js';
export type { JudgementRecord, ResponseRecord } from './records-tables.js';
export type { RunKind, RunRecord, RunStatus } from './runs-table.js';

/** adaem's SQLite store: response cache, call log, runs with manifests, questions, responses, judgements. */
export interface Store {
  readonly path: string;
  readonly cache: CacheTable;
  readonly calls: CallsTable;
  readonly runs: RunsTable;
  readonly questions: QuestionsTable;
  readonly responses: ResponsesTable;
  readonly judgements: JudgementsTable;
  /** Commits buffered writes now. */
  flush(): void;
  close(): void;
}

/** Opens (creating and migrating as needed) the store at `path`, in WAL mode. */
export function openStore(options: { path: string }): Store {
  const { path } = options;
  let db: Database.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot open store ${path}: ${reason}`, { cause: error });
  }
  const buffer = new WriteBuffer(db);
  let closed = false;
  return {
    path,
    cache: new CacheTable(db, buffer),
    calls: new CallsTable(db, buffer),
    runs: new RunsTable(db),
    questions: new QuestionsTable(db),
    responses: new ResponsesTable(db, buffer),
    judgements: new JudgementsTable(db, buffer),
    flush: () => buffer.flush(),
    close() {
      if (closed) return;
      closed = true;
      buffer.flush();
      db.close();
    },
  };
}
