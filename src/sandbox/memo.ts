/**
 * A bounded memo that keeps recently used entries: two generations of at most `limit` entries
 * each; when the young one fills up it becomes the old one, and hits in the old one move back.
 * A cheap stand-in for an LRU (no reordering on every hit), holding at most 2 × `limit` entries.
 */
export class BoundedMemo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** The memoised value of `key`, computing and storing it on a miss. */
  through(key: K, compute: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = compute(key);
      this.set(key, value);
    }
    return value;
  }

  get size(): number {
    return this.young.size + this.old.size;
  }
}
