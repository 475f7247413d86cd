import type Database from 'better-sqlite3';

/** Rows read per page by `pagedRows`. */
export const PAGE_ROWS = 1000;

/**
 * A run's rows of `table` in pages along its primary key (`run_id`, then `keys`). Each page is its
 * own query, so no cursor stays open while the caller pauses between pages and other statements
 * (the heartbeat, a status update) can use the connection meanwhile.
 */
export function* pagedRows<Row extends object>(
  db: Database.Database,
  options: {
    table: string;
    columns: string;
    keys: readonly (keyof Row & string)[];
    runId: string;
    size?: number;
  },
): Generator<Row[], void, undefined> {
  const { table, columns, keys, runId } = options;
  const size = options.size ?? PAGE_ROWS;
  const order = keys.join(', ');
  const first = db.prepare<[string, number], Row>(
    `SELECT ${columns} FROM ${table} WHERE run_id = ? ORDER BY ${order} LIMIT ?`,
  );
  const next = db.prepare<unknown[], Row>(
    `SELECT ${columns} FROM ${table} WHERE run_id = ? AND (${order}) > (${keys.map(() => '?').join(', ')}) ORDER BY ${order} LIMIT ?`,
  );
  let page = first.all(runId, size);
  while (page.length > 0) {
    yield page;
    if (page.length < size) return;
    const last = page[page.length - 1]!;
    page = next.all(runId, ...keys.map((key) => last[key]), size);
  }
}
