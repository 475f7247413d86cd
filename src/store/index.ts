import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import { AnalysesTable } from './analyses-table.js';
import { BatchesTable } from './batches-table.js';
import { CacheTable } from './cache-table.js';
import { CallsTable } from './calls-table.js';
import { GenerationTables } from './generation-tables.js';
import { migrate } from './migrations.js';
import { JudgementsTable, QuestionsTable, ResponsesTable } from './records-tables.js';
import { RunLock } from './run-lock.js';
import { RunsTable } from './runs-table.js';
import { WriteBuffer } from './write-buffer.js';

export type { AnalysisRecord } from './analyses-table.js';
export type { CacheStats } from './cache-table.js';
export type { CallSummaryRow } from './calls-table.js';
export type { CandidateRecord, PullRecord } from './generation-tables.js';
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
  /** Analyses of stored runs, each with its manifest. */
  readonly analyses: AnalysesTable;
  /** Candidates and pulls of generation runs. */
  readonly generation: GenerationTables;
  /** Keeps two processes from running one run. */
  readonly runLock: RunLock;
  /** Batches submitted to providers' batch APIs or written to batch files. */
  readonly batches: BatchesTable;
  /** Commits buffered writes now. */
  flush(): void;
  close(): void;
}

/** How to open a store. */
export interface OpenStoreOptions {
  path: string;
  /** Open an existing store for reading only: never create, migrate or write it. @default false */
  readonly?: boolean;
  /** Caps the file at this many pages (SQLite `max_page_count`), as a full disk would. */
  maxPages?: number;
  /** Milliseconds to wait for another process's write lock. @default 5000 */
  busyTimeoutMs?: number;
}

/** Paths no store can live under: kernel file systems where SQLite hangs or fails oddly. */
const VIRTUAL_FILE_SYSTEMS = /^\/(proc|sys|dev)(\/|$)/;

function connect(options: OpenStoreOptions): Database.Database {
  const { path } = options;
  if (VIRTUAL_FILE_SYSTEMS.test(path))
    throw new Error(`${dirname(path)} is a kernel file system, not a place for a database`);
  if (options.readonly) {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    return db;
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  if (options.maxPages !== undefined) db.pragma(`max_page_count = ${Math.floor(options.maxPages)}`);
  return db;
}

/** Opens (creating and migrating as needed, unless `readonly`) the store at `path`, in WAL mode. */
export function openStore(options: OpenStoreOptions): Store {
  const { path } = options;
  let db: Database.Database;
  try {
    db = connect(options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreError(`cannot open store ${path}: ${reason}`, { cause: error });
  }
  const buffer = new WriteBuffer(db, path);
  let closed = false;
  return {
    path,
    cache: new CacheTable(db, buffer),
    calls: new CallsTable(db, buffer),
    runs: new RunsTable(db),
    questions: new QuestionsTable(db),
    responses: new ResponsesTable(db, buffer),
    judgements: new JudgementsTable(db, buffer),
    analyses: new AnalysesTable(db),
    generation: new GenerationTables(db, buffer),
    batches: new BatchesTable(db),
    runLock: new RunLock(db),
    flush: () => buffer.flush(),
    close() {
      if (closed) return;
      closed = true;
      try {
        if (!buffer.fault) buffer.flush();
      } finally {
        db.close();
      }
    },
  };
}
