import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { ConfigError } from '../core/errors.js';

/** A running process refreshes its heartbeat this often. */
export const HEARTBEAT_MS = 5_000;
/** A heartbeat older than this means the process is gone (killed, crashed, machine off). */
export const STALE_AFTER_MS = 30_000;

/** Who holds a run, as stored beside it. */
export interface RunOwner {
  pid: number | null;
  host: string | null;
  heartbeatAt: number | null;
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return typeof error === 'object' && error !== null && 'code' in error && error.code === 'EPERM';
  }
}

/** Whether the owner of a `running` run is still alive: a fresh heartbeat and, on this host, a live pid. */
export function ownerAlive(owner: RunOwner, now = Date.now()): boolean {
  if (owner.pid === null || owner.heartbeatAt === null) return false;
  if (now - owner.heartbeatAt > STALE_AFTER_MS) return false;
  if (owner.host === hostname()) return owner.pid === process.pid || processExists(owner.pid);
  return true;
}

interface OwnerRow {
  status: string;
  owner_pid: number | null;
  owner_host: string | null;
  heartbeat_at: number | null;
}

/**
 * The lock that keeps two processes from running one run: claimed in one write transaction,
 * refreshed by a heartbeat, released when the run ends. A lock whose owner died is taken over.
 */
export class RunLock {
  constructor(private readonly db: Database.Database) {}

  /** Takes the run for this process, or throws a ConfigError naming the process that has it. */
  claim(runId: string): void {
    this.db
      .transaction(() => {
        const row = this.db
          .prepare<[string], OwnerRow>(
            'SELECT status, owner_pid, owner_host, heartbeat_at FROM runs WHERE id = ?',
          )
          .get(runId);
        const owner = {
          pid: row?.owner_pid ?? null,
          host: row?.owner_host ?? null,
          heartbeatAt: row?.heartbeat_at ?? null,
        };
        if (row?.status === 'running' && owner.pid !== process.pid && ownerAlive(owner)) {
          throw new ConfigError(
            `run ${runId} is being run by process ${owner.pid} on ${owner.host}; wait for it or stop it first`,
            { code: 'run-locked' },
          );
        }
        this.db
          .prepare('UPDATE runs SET owner_pid = ?, owner_host = ?, heartbeat_at = ? WHERE id = ?')
          .run(process.pid, hostname(), Date.now(), runId);
      })
      .immediate();
  }

  /** Refreshes the heartbeat; returns a stop function. Failures are ignored (the run notices faults itself). */
  keepAlive(runId: string): () => void {
    const beat = this.db.prepare('UPDATE runs SET heartbeat_at = ? WHERE id = ? AND owner_pid = ?');
    const timer = setInterval(() => {
      try {
        beat.run(Date.now(), runId, process.pid);
      } catch {
        // a full disk or a busy lock: the write buffer reports it
      }
    }, HEARTBEAT_MS);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Runs `work` with the heartbeat going, then gives the run up; a faulty store keeps the stale lock
   * (the next claim takes it over) rather than hiding how `work` ended.
   */
  async hold<T>(runId: string, work: () => Promise<T>): Promise<T> {
    const stopHeartbeat = this.keepAlive(runId);
    try {
      return await work();
    } finally {
      stopHeartbeat();
      try {
        this.release(runId);
      } catch {
        // the stale lock is taken over by the next claim
      }
    }
  }

  /** Gives the run up (it stays `done`, `failed` or `cancelled` as set). */
  release(runId: string): void {
    this.db
      .prepare('UPDATE runs SET owner_pid = NULL, heartbeat_at = NULL WHERE id = ? AND owner_pid = ?')
      .run(runId, process.pid);
  }
}
