import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { StoreError } from '../core/errors.js';
import { RUN_ID } from '../core/run-id.js';
import { ownerAlive } from './run-lock.js';

/** `interrupted` is never stored: it is a `running` run whose process died (see `ownerAlive`). */
export const RunStatusSchema = z.enum(['running', 'done', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof RunStatusSchema>;
export type RunKind = 'run' | 'evaluate' | 'generate' | 'analyze';

/** A stored run: its manifest (as written before the first call), status and summary. */
export interface RunRecord {
  id: string;
  kind: string;
  status: RunStatus;
  manifest: unknown;
  summary: unknown;
  createdAt: number;
  updatedAt: number;
}

interface RunRow {
  id: string;
  kind: string;
  status: string;
  manifest: string;
  summary: string | null;
  created_at: number;
  updated_at: number;
  owner_pid?: number | null;
  owner_host?: string | null;
  heartbeat_at?: number | null;
}

function toRecord(row: RunRow): RunRecord {
  const parsed = RunStatusSchema.safeParse(row.status);
  const owner = {
    pid: row.owner_pid ?? null,
    host: row.owner_host ?? null,
    heartbeatAt: row.heartbeat_at ?? null,
  };
  const status = parsed.success ? parsed.data : 'failed';
  return {
    id: row.id,
    kind: row.kind,
    status: status === 'running' && !ownerAlive(owner) ? 'interrupted' : status,
    manifest: JSON.parse(row.manifest),
    summary: row.summary === null ? null : JSON.parse(row.summary),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const prefixes: Record<RunKind, string> = {
  run: 'run',
  evaluate: 'eval',
  generate: 'gen',
  analyze: 'analyze',
};

/** Runs and their manifests. */
export class RunsTable {
  constructor(private readonly db: Database.Database) {}

  /** A readable, sortable, unique id such as `eval-20261124-121530-ab12`. */
  newRunId(kind: RunKind): string {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    return `${prefixes[kind]}-${stamp}-${randomBytes(2).toString('hex')}`;
  }

  create(options: { id: string; kind: RunKind; manifest: unknown }): void {
    if (!RUN_ID.test(options.id)) {
      throw new StoreError(`run id "${options.id}" must be letters, digits, dot, dash or underscore`, {
        code: 'run-id',
      });
    }
    const now = Date.now();
    try {
      this.db
        .prepare(
          'INSERT INTO runs (id, kind, status, manifest, summary, created_at, updated_at) VALUES (?,?,?,?,NULL,?,?)',
        )
        .run(options.id, options.kind, 'running', JSON.stringify(options.manifest), now, now);
    } catch (error) {
      throw new StoreError(`run "${options.id}" already exists; use --resume ${options.id} to continue it`, {
        code: 'run-exists',
        cause: error,
      });
    }
  }

  get(id: string): RunRecord | undefined {
    const row = this.db.prepare<[string], RunRow>('SELECT * FROM runs WHERE id = ?').get(id);
    return row ? toRecord(row) : undefined;
  }

  list(): RunRecord[] {
    return this.db
      .prepare<[], RunRow>('SELECT * FROM runs ORDER BY created_at DESC, id DESC')
      .all()
      .map(toRecord);
  }

  setStatus(id: string, status: RunStatus, summary?: unknown): void {
    this.db
      .prepare('UPDATE runs SET status = ?, summary = COALESCE(?, summary), updated_at = ? WHERE id = ?')
      .run(status, summary === undefined ? null : JSON.stringify(summary), Date.now(), id);
  }
}
