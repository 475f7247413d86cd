import { describe, expect, it } from 'vitest';
import { CORPUS_FILES, type RowVerdict, verdictsOf } from './helpers/reply-verdicts.js';

// Replies written the way real model families write them (test/fixtures/replies, with gold readings):
// every reader must read them as a careful person does, and a miss must be "unreadable", never a
// different answer.
const byFile = new Map(CORPUS_FILES.map((file) => [file, verdictsOf(file)]));
const all = [...byFile.values()].flat();

function describeRow(row: RowVerdict): string {
  return `${row.id} (${row.family}): gold ${JSON.stringify(row.gold)}, read ${JSON.stringify(row.got)}`;
}

describe('the reply readers on the corpus', () => {
  it('read at least 98 % of all rows exactly as gold', () => {
    const exact = all.filter((row) => row.verdict === 'exact').length;
    expect(all.length).toBeGreaterThanOrEqual(160);
    expect(
      exact / all.length,
      all
        .filter((row) => row.verdict !== 'exact')
        .map(describeRow)
        .join('\n'),
    ).toBeGreaterThanOrEqual(0.98);
  });

  const cases = [...byFile.entries()].flatMap(([file, rows]) =>
    [...new Set(rows.map((row) => row.family))].map((family) => [file, family] as const),
  );
  it.each(cases)('%s replies in the %s style: never read as a different answer', (file, family) => {
    const rows = byFile.get(file)!.filter((row) => row.family === family);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((row) => row.verdict === 'wrong').map(describeRow)).toEqual([]);
    // At most one row of a family may be a miss, and only as "unreadable".
    expect(rows.filter((row) => row.verdict === 'unreadable').length).toBeLessThanOrEqual(1);
  });
});
