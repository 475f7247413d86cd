/** A text cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet: a formula-like start gets a leading apostrophe. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `guardFormula`, so a CSV that adaem wrote reads back as the text it held. */
function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** One CSV record with the line it starts on (1-based). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: quoted cells with doubled quotes, commas and newlines inside quotes, CRLF, a BOM;
 * a cell guarded by `guardFormula` reads back unguarded. Throws an Error naming the line of an
 * unterminated quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          cell += '"';
          index++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.length === 0) {
      quoted = true;
      quoteLine = line;
    } else if (char === ',') {
      cells.push(unguardFormula(cell));
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      cells.push(unguardFormula(cell));
      if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) throw new Error(`line ${quoteLine}: unterminated quoted field`);
  cells.push(unguardFormula(cell));
  if (cells.some((value) => value.trim() !== '')) records.push({ line: recordLine, cells });
  return records;
}
