import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { InputLimits, ReadInputOptions } from '../../core/input-limits.js';
import type { Question } from '../../core/question.js';
import {
  checkJsonDepth,
  checkLineLengths,
  checkQuestionLength,
  limitsOf,
  readInputFile,
} from '../input/read-input-file.js';
import { type CsvRecord, parseCsv } from './parse-csv.js';

/** A stable id from the normalised text: `q-` + 10 hex digits. */
export function questionId(text: string): string {
  const normalised = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return `q-${createHash('sha256').update(normalised).digest('hex').slice(0, 10)}`;
}

/** One row of a question or seed JSONL file: the fields adaem reads; others are kept. */
export const JsonlRowSchema = z
  .object({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().optional(),
    question: z.string().optional(),
    category: z.string().optional(),
    source: z.string().optional(),
    target_value: z.string().optional(),
    targetValue: z.string().optional(),
  })
  .loose();

const VALUEBENCH_HEADER = ['questionnaire', 'item', 'value', 'agreement', 'question'];

interface RawQuestion {
  line: number;
  id?: string;
  text: string;
  category?: string;
  source?: string;
  targetValue?: string;
  /** Fields of a JSONL row beyond the known ones (lineage, provenance…), kept as they are. */
  extra?: Record<string, unknown>;
}

const KNOWN_JSONL_FIELDS = new Set([
  'id',
  'text',
  'question',
  'category',
  'source',
  'target_value',
  'targetValue',
]);

/** Questions of a JSONL file: one object per line with a "text" or "question" string; other fields kept. */
function fromJsonl(path: string, text: string, limits: InputLimits): RawQuestion[] {
  const rows: RawQuestion[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    checkJsonDepth(path, index + 1, line, limits);
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ConfigError(`${path}:${index + 1}: invalid JSON`);
    }
    const row = JsonlRowSchema.safeParse(json);
    if (!row.success)
      throw new ConfigError(`${path}:${index + 1}: expected an object with a "text" or "question" string`);
    const body = row.data.text ?? row.data.question;
    if (!body?.trim())
      throw new ConfigError(`${path}:${index + 1}: missing question text ("text" or "question")`);
    rows.push({
      line: index + 1,
      id: row.data.id === undefined ? undefined : String(row.data.id),
      text: body.trim(),
      category: row.data.category,
      source: row.data.source,
      targetValue: row.data.target_value ?? row.data.targetValue,
      extra: Object.fromEntries(Object.entries(row.data).filter(([key]) => !KNOWN_JSONL_FIELDS.has(key))),
    });
  }
  return rows;
}

/** Questions of a CSV file with a "question" or "text" column, or of a ValueBench CSV (filtered by questionnaire). */
function fromCsv(path: string, text: string, questionnaires: string[] | undefined): RawQuestion[] {
  const [header, ...rows] = parseCsvFile(path, text);
  if (!header) throw new ConfigError(`${path}: empty file`);
  const layout = readCsvHeader(path, header);
  if (layout.valueBench && questionnaires) checkQuestionnaires(path, rows, questionnaires);
  const result: RawQuestion[] = [];
  for (const row of rows) {
    const question = fromCsvRow(path, row, layout, questionnaires);
    if (question) result.push(question);
  }
  return result;
}

/** Where a CSV file's columns are: their lower-cased names, whether it is ValueBench's, and the text column. */
interface CsvLayout {
  columns: string[];
  valueBench: boolean;
  textColumn: number;
}

/** The CSV file's records; a ConfigError naming the file when it cannot be parsed. */
function parseCsvFile(path: string, text: string): CsvRecord[] {
  try {
    return parseCsv(text);
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The layout the header gives; a ConfigError when it has no "question" or "text" column. */
function readCsvHeader(path: string, header: CsvRecord): CsvLayout {
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const valueBench = VALUEBENCH_HEADER.every((name, index) => columns[index] === name);
  const textColumn = valueBench
    ? columns.indexOf('question')
    : columns.indexOf('question') >= 0
      ? columns.indexOf('question')
      : columns.indexOf('text');
  if (textColumn < 0)
    throw new ConfigError(`${path}:${header.line}: the header needs a "question" or "text" column`);
  return { columns, valueBench, textColumn };
}

/** A ConfigError when a requested questionnaire is not in the ValueBench file. */
function checkQuestionnaires(
  path: string,
  rows: readonly CsvRecord[],
  questionnaires: readonly string[],
): void {
  const known = new Set(rows.map((row) => row.cells[0]?.trim() ?? ''));
  const unknown = questionnaires.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `${path}: unknown questionnaire "${unknown[0]}"; known: ${[...known].sort().join(', ')}`,
    );
  }
}

/** A trimmed cell of a named column, undefined when the column is missing or the cell empty. */
function csvCell(row: CsvRecord, columns: readonly string[], name: string): string | undefined {
  const index = columns.indexOf(name);
  const value = index >= 0 ? row.cells[index]?.trim() : undefined;
  return value ? value : undefined;
}

/** One CSV row as a question (undefined for a ValueBench item of a questionnaire not asked for). */
function fromCsvRow(
  path: string,
  row: CsvRecord,
  layout: CsvLayout,
  questionnaires: string[] | undefined,
): RawQuestion | undefined {
  const { columns } = layout;
  if (row.cells.length !== columns.length) {
    throw new ConfigError(
      `${path}:${row.line}: expected ${columns.length} columns, found ${row.cells.length}`,
    );
  }
  const body = row.cells[layout.textColumn]?.trim();
  if (!body) throw new ConfigError(`${path}:${row.line}: missing question text`);
  if (layout.valueBench) {
    const questionnaire = row.cells[0]!.trim();
    if (questionnaires && !questionnaires.includes(questionnaire)) return undefined;
    return {
      line: row.line,
      id: `${questionnaire}-${row.cells[1]!.trim()}`,
      text: body,
      source: questionnaire,
      targetValue: csvCell(row, columns, 'value'),
    };
  }
  return {
    line: row.line,
    id: csvCell(row, columns, 'id'),
    text: body,
    category: csvCell(row, columns, 'category'),
    source: csvCell(row, columns, 'source'),
    targetValue: csvCell(row, columns, 'target_value'),
  };
}

/** Questions of a text file: one per non-empty line, lines starting with # left out. */
function fromText(text: string): RawQuestion[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((row) => row.text !== '' && !row.text.startsWith('#'));
}

type Reader = (
  path: string,
  text: string,
  options: { questionnaires?: string[]; limits: InputLimits },
) => RawQuestion[];

const readers: Record<string, Reader> = {
  '.jsonl': (path, text, { limits }) => fromJsonl(path, text, limits),
  '.csv': (path, text, { questionnaires }) => fromCsv(path, text, questionnaires),
  '.txt': (_, text) => fromText(text),
};

/** Offset of the first byte where the text stops being valid UTF-8. */
function firstInvalidUtf8(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (a prefix may end inside a character: allow 3 bytes of slack).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/**
 * Reads a question file (JSONL, CSV, ValueBench CSV or TXT) within `limits` (see `InputLimits`);
 * malformed or oversized input is a ConfigError naming file, line and limit; an abort of `signal`
 * stops the read.
 */
export async function loadQuestions(
  options: {
    path: string;
    questionnaires?: string[];
  } & ReadInputOptions,
): Promise<Question[]> {
  const { path } = options;
  const limits = limitsOf(options);
  const reader = readers[extname(path).toLowerCase()];
  if (!reader) throw new ConfigError(`${path}: unknown question file type; use .jsonl, .csv or .txt`);
  const bytes = await readInputFile(path, { ...options, what: 'question file' });
  let text: string;
  try {
    // Fatal decoding: a Latin-1 or UTF-16 file would otherwise turn into questions with U+FFFD in them.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const line = bytes.subarray(0, firstInvalidUtf8(bytes)).toString('latin1').split('\n').length;
    throw new ConfigError(`${path}:${line}: not UTF-8 text; save the file as UTF-8`);
  }
  if (text.trim() === '') throw new ConfigError(`${path}: empty file`);
  checkLineLengths(path, text, limits);
  const raw = reader(path, text, { questionnaires: options.questionnaires, limits });
  if (raw.length === 0) throw new ConfigError(`${path}: no questions found`);
  for (const row of raw) checkQuestionLength(path, row.line, row.text, limits);
  const seen = new Map<string, number>();
  return raw.map((row) => {
    const id = row.id ?? questionId(row.text);
    const previous = seen.get(id);
    if (previous !== undefined)
      throw new ConfigError(`${path}:${row.line}: duplicate question id "${id}" (first at line ${previous})`);
    seen.set(id, row.line);
    return {
      ...row.extra,
      id,
      text: row.text,
      ...(row.category ? { category: row.category } : {}),
      ...(row.source ? { source: row.source } : {}),
      ...(row.targetValue ? { targetValue: row.targetValue } : {}),
    };
  });
}
