import type Database from 'better-sqlite3';

/**
 * Collects row writes and commits them together in one transaction on the next turn of the event
 * loop: at most one turn's worth of finished work is ever uncommitted, and throughput stays high.
 */
export class WriteBuffer {
  private readonly pending: (() => void)[] = [];
  private scheduled = false;
  private readonly commit: () => void;

  constructor(db: Database.Database) {
    this.commit = db.transaction(() => {
      for (const write of this.pending) write();
    });
  }

  /** Queues one write (a closure over a prepared statement). */
  add(write: () => void): void {
    this.pending.push(write);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Commits everything queued now. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    try {
      this.commit();
    } finally {
      this.pending.length = 0;
    }
  }
}
