import { guardFormula } from '../stages/questions/parse-csv.js';

/** One JSON object per line. */
export function toJsonl(rows: readonly Record<string, unknown>[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Model text is untrusted: a cell a spreadsheet would run as a formula is guarded.
  const text =
    typeof value === 'object'
      ? JSON.stringify(value)
      : typeof value === 'string'
        ? guardFormula(value)
        : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: a header of every key in first-seen order (renamed by `rename`),
 * objects and arrays as JSON text, null as an empty cell, text that starts like a formula
 * (=, +, -, @) behind an apostrophe (adaem's CSV reader removes it again).
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  options: { rename?: Record<string, string> } = {},
): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows)
    for (const key of Object.keys(row))
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
  const header = columns.map((column) => csvCell(options.rename?.[column] ?? column)).join(',');
  const lines = rows.map((row) => columns.map((column) => csvCell(row[column])).join(','));
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
