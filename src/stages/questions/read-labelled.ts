import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { ReadInputOptions } from '../../core/input-limits.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { readLimitedText, tableFormatOf } from '../input/read-limited-text.js';
import { type LabelledText, LabelledTextSchema } from './labelled-text.js';
import { parseCsv } from './parse-csv.js';
import { parseToucheLabelled } from './read-touche-labels.js';

export { type LabelledText, LabelledTextSchema };

import { type RawLabels, resolveLabels } from './resolve-labels.js';

const labelList = z.array(z.string()).nullish();

/** One row of a labelled JSONL file; `null` counts as absent, fields beyond these are ignored. */
export const LabelledJsonlRowSchema = z
  .object({
    id: z.union([z.string(), z.number()]).nullish(),
    model: z.string().nullish(),
    question: z.string().nullish(),
    answer: z.string().nullish(),
    text: z.string().nullish(),
    expressed: labelList,
    violated: labelList,
    values: labelList,
  })
  .loose();

const EXPECTED: Record<string, string> = {
  id: 'a string or a number',
  model: 'a string',
  question: 'a string',
  answer: 'a string',
  text: 'a string',
  expressed: 'a list of value ids or names',
  violated: 'a list of value ids or names',
  values: 'a list of value ids or names',
};

/** A row before its text and labels are checked. */
interface RawRow extends RawLabels {
  line: number;
  id?: string;
  model?: string;
  question?: string;
  answer?: string;
  text?: string;
}

function fromJsonl(file: string, content: string): RawRow[] {
  const rows: RawRow[] = [];
  for (const [index, line] of content.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ConfigError(`${file}:${index + 1}: invalid JSON`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new ConfigError(`${file}:${index + 1}: expected an object with "answer" or "text" and labels`);
    const row = LabelledJsonlRowSchema.safeParse(json);
    if (!row.success) {
      const field = String(row.error.issues[0]?.path[0] ?? '');
      throw new ConfigError(`${file}:${index + 1}: "${field}" should be ${EXPECTED[field] ?? 'valid'}`);
    }
    const { id, model, question, answer, text, expressed, violated, values } = row.data;
    rows.push({
      line: index + 1,
      id: id === undefined || id === null ? undefined : String(id),
      model: model ?? undefined,
      question: question ?? undefined,
      answer: answer ?? undefined,
      text: text ?? undefined,
      expressed: expressed ?? undefined,
      violated: violated ?? undefined,
      values: values ?? undefined,
    });
  }
  return rows;
}

/** A CSV cell of value names split on `;` or `,`; brackets and quotes of a pasted list are dropped. */
function splitValueCell(cell: string): string[] {
  return cell
    .trim()
    .replace(/^\[|\]$/g, '')
    .split(/[;,]/)
    .map((name) => name.trim().replace(/^["']|["']$/g, ''))
    .filter((name) => name !== '');
}

const CSV_LABEL_COLUMNS = ['expressed', 'violated', 'values'] as const;

function fromCsv(file: string, content: string): RawRow[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(content);
  } catch (error) {
    throw new ConfigError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ConfigError(`${file}: empty file`);
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  if (!CSV_LABEL_COLUMNS.some((name) => columns.includes(name)))
    throw new ConfigError(
      `${file}:${header.line}: the header needs a "values", "expressed" or "violated" column`,
    );
  if (!columns.includes('text') && !columns.includes('answer'))
    throw new ConfigError(`${file}:${header.line}: the header needs a "text" or "answer" column`);
  if (rows.length === 0) throw new ConfigError(`${file}: no rows after the header`);
  return rows.map((row) => {
    if (row.cells.length !== columns.length)
      throw new ConfigError(
        `${file}:${row.line}: expected ${columns.length} columns, found ${row.cells.length}`,
      );
    const cell = (name: string): string | undefined => {
      const index = columns.indexOf(name);
      return index < 0 ? undefined : row.cells[index]?.trim() || undefined;
    };
    const list = (name: string): string[] | undefined =>
      columns.includes(name) ? splitValueCell(cell(name) ?? '') : undefined;
    return {
      line: row.line,
      id: cell('id'),
      model: cell('model'),
      question: cell('question'),
      answer: cell('answer'),
      text: cell('text'),
      expressed: list('expressed'),
      violated: list('violated'),
      values: list('values'),
    };
  });
}

/** A stable id from the normalised text: `t-` + 10 hex digits. */
export function labelledTextId(text: string): string {
  const normalised = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return `t-${createHash('sha256').update(normalised).digest('hex').slice(0, 10)}`;
}

function toLabelledText(file: string, row: RawRow, theory: ValueTheory): LabelledText {
  const location = `${file}:${row.line}`;
  if (row.answer !== undefined && row.text !== undefined)
    throw new ConfigError(`${location}: give the text in "answer" or "text", not both`);
  const text = (row.answer ?? row.text ?? '').trim();
  if (text === '') throw new ConfigError(`${location}: missing text ("answer" or "text")`);
  return {
    id: row.id ?? labelledTextId(text),
    text,
    ...(row.model === undefined ? {} : { model: row.model }),
    ...(row.question === undefined ? {} : { question: row.question }),
    labels: resolveLabels(location, row, theory),
  };
}

const readers: Record<'jsonl' | 'csv', (file: string, content: string) => RawRow[]> = {
  jsonl: fromJsonl,
  csv: fromCsv,
};

/**
 * Labelled texts from JSONL (`answer` or `text`, with `expressed`/`violated` or `values` lists) or
 * CSV (a `text` or `answer` column and a `values`, `expressed` or `violated` column of names split on
 * `;` or `,`); value ids or names are checked against the theory. Malformed input is a ConfigError
 * naming `file`, the line and the field; an id a row does not give is derived from its text.
 */
export function parseLabelled(options: {
  file: string;
  content: string;
  format: 'jsonl' | 'csv';
  theory: ValueTheory;
}): LabelledText[] {
  const { file, content, theory } = options;
  if (content.trim() === '') throw new ConfigError(`${file}: empty file`);
  const seen = new Map<string, number>();
  return readers[options.format](file, content).map((row) => {
    const text = toLabelledText(file, row, theory);
    const first = seen.get(text.id);
    if (first !== undefined) {
      const hint = row.id === undefined ? '; the same text again: give each row an "id"' : '';
      throw new ConfigError(`${file}:${row.line}: duplicate id "${text.id}" (first at line ${first})${hint}`);
    }
    seen.set(text.id, row.line);
    return text;
  });
}

/** Reads a labelled-text file (.jsonl or .csv, UTF-8) as `parseLabelled` does; an unreadable file is a ConfigError. */
/** The labels file beside a Touché arguments file: `arguments-x.tsv` → `labels-x.tsv`. */
function toucheLabelsOf(path: string): string {
  const name = basename(path);
  if (!/^arguments/i.test(name))
    throw new ConfigError(
      `${path}: a Touché arguments file needs its labels file: pass --labels labels-….tsv`,
    );
  return join(dirname(path), name.replace(/^arguments/i, 'labels'));
}

/**
 * Reads a labelled-text file: .jsonl or .csv as `parseLabelled` does, or a Touché23-ValueEval
 * `arguments-*.tsv` with its `labels-*.tsv` (`labelsPath`, else the file of that name beside it).
 */
export async function readLabelled(
  options: { path: string; theory: ValueTheory; labelsPath?: string } & ReadInputOptions,
): Promise<LabelledText[]> {
  const { path, theory } = options;
  const readUtf8 = (file: string) => readLimitedText(file, { ...options, what: 'labelled file' });
  if (extname(path).toLowerCase() === '.tsv') {
    const labelsFile = options.labelsPath ?? toucheLabelsOf(path);
    return parseToucheLabelled({
      argumentsFile: path,
      argumentsText: await readUtf8(path),
      labelsFile,
      labelsText: await readUtf8(labelsFile),
      theory,
    });
  }
  const format = tableFormatOf(path);
  if (format === undefined)
    throw new ConfigError(`${path}: unknown labelled file type; use .jsonl, .csv or Touché's arguments .tsv`);
  return parseLabelled({ file: path, content: await readUtf8(path), format, theory });
}
