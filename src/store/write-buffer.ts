import type Database from 'better-sqlite3';
import type { StoreError } from '../core/errors.js';
import { toStoreError } from './store-fault.js';

/** Writes committed at once at the latest; bounds what a kill can lose when work never yields. */
const MAX_PENDING = 256;
/** Milliseconds after which queued writes are committed even if the event loop has not turned. */
const MAX_DELAY_MS = 50;

/**
 * Collects row writes and commits them together in one transaction on the next turn of the event
 * loop, or at once when 256 are queued or 50 ms have passed (in-process providers can keep the loop
 * busy with promise callbacks only): little finished work is ever uncommitted, and throughput stays high.
 * A commit that fails (disk full, I/O error, lock timeout) is rolled back whole; the fault is kept and
 * thrown by every later write, so the run stops with what was committed before intact.
 */
export class WriteBuffer {
  private readonly pending: (() => void)[] = [];
  private scheduled = false;
  private oldest = 0;
  private readonly commit: () => void;
  /** Callers of `committed()` waiting for the queued writes to reach the file. */
  private readonly waiters: { resolve: () => void; reject: (fault: StoreError) => void }[] = [];
  /** The first failed commit, as a StoreError; set once, never cleared. */
  fault: StoreError | undefined;

  constructor(
    db: Database.Database,
    private readonly path: string,
  ) {
    this.commit = db.transaction(() => {
      for (const write of this.pending) write();
    });
  }

  /** Queues one write (a closure over a prepared statement); throws the fault of an earlier commit. */
  add(write: () => void): void {
    if (this.fault) throw this.fault;
    if (this.pending.length === 0) this.oldest = Date.now();
    this.pending.push(write);
    if (this.pending.length >= MAX_PENDING || Date.now() - this.oldest >= MAX_DELAY_MS) {
      this.flush();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        // A scheduled commit has no caller to throw to: the fault surfaces on the next write or flush.
        try {
          this.flush();
        } catch {
          // kept in this.fault
        }
      });
    }
  }

  /**
   * Resolves once every write queued so far is committed (with the next scheduled commit, not an
   * extra one); rejects with the fault when that commit fails.
   */
  committed(): Promise<void> {
    if (this.fault) return Promise.reject(this.fault);
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Commits `writes` as one transaction of their own, after committing what was queued before:
   * they reach the file all together or not at all, however many there are.
   */
  commitTogether(writes: readonly (() => void)[]): void {
    this.flush();
    if (this.fault) throw this.fault;
    this.pending.push(...writes);
    this.flush();
  }

  /** Commits everything queued now; throws a StoreError when the commit fails. */
  flush(): void {
    if (this.fault) throw this.fault;
    if (this.pending.length === 0) return;
    const waiters = this.waiters.splice(0);
    try {
      this.commit();
    } catch (error) {
      this.fault = toStoreError(error, this.path);
      for (const waiter of waiters) waiter.reject(this.fault);
      throw this.fault;
    } finally {
      this.pending.length = 0;
    }
    for (const waiter of waiters) waiter.resolve();
  }
}
