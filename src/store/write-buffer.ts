import type Database from 'better-sqlite3';

/** Writes committed at once at the latest; bounds what a kill can lose when work never yields. */
const MAX_PENDING = 256;
/** Milliseconds after which queued writes are committed even if the event loop has not turned. */
const MAX_DELAY_MS = 50;

/**
 * Collects row writes and commits them together in one transaction on the next turn of the event
 * loop, or at once when 256 are queued or 50 ms have passed (in-process providers can keep the loop
 * busy with promise callbacks only): little finished work is ever uncommitted, and throughput stays high.
 */
export class WriteBuffer {
  private readonly pending: (() => void)[] = [];
  private scheduled = false;
  private oldest = 0;
  private readonly commit: () => void;

  constructor(db: Database.Database) {
    this.commit = db.transaction(() => {
      for (const write of this.pending) write();
    });
  }

  /** Queues one write (a closure over a prepared statement). */
  add(write: () => void): void {
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
        this.flush();
      });
    }
  }

  /** Commits everything queued now. */
  flush(): void {
    if (this.pending.length === 0) return;
    try {
      this.commit();
    } finally {
      this.pending.length = 0;
    }
  }
}
