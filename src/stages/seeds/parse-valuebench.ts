import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { type CsvRecord, parseCsv } from '../questions/parse-csv.js';
import { seedId, tidySeedText } from './seed-text.js';

/** The column every ValueBench question file has; the others are optional. */
const QUESTION_COLUMN = 'question';

function key(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/** Maps a ValueBench value name ("Self-Direction") to the theory's id when it names one of its values. */
function valueIdOf(theory: ValueTheory, name: string): string {
  const wanted = key(name);
  const found = theory.values.find((value) => value.id === wanted || key(value.name) === wanted);
  return found ? found.id : name;
}

/**
 * Seeds from a ValueBench CSV (`value_orientation.csv`: questionnaire, item, value, agreement,
 * question). Columns are found by name in any order; only `question` is required. The target
 * value becomes the theory's value id where the ValueBench value names one, else stays as written;
 * the source reads `valuebench:QUESTIONNAIRE`. Not yet deduplicated.
 */
export function parseValueBench(options: { path: string; text: string; theory: ValueTheory }): Question[] {
  const { path, theory } = options;
  let records: CsvRecord[];
  try {
    records = parseCsv(options.text);
  } catch (error) {
    throw new ConfigError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new ConfigError(`${path}: empty file`);
  const columns = header.cells.map((cell) => cell.trim().toLowerCase());
  const at = (name: string): number => columns.indexOf(name);
  if (at(QUESTION_COLUMN) < 0)
    throw new ConfigError(
      `${path}:${header.line}: missing column "${QUESTION_COLUMN}" (found: ${columns.join(', ')}); ValueBench's value_orientation.csv has it`,
    );
  if (rows.length === 0) throw new ConfigError(`${path}: no rows after the header`);
  const cell = (row: CsvRecord, name: string): string | undefined =>
    at(name) >= 0 ? row.cells[at(name)]?.trim() || undefined : undefined;
  const seeds: Question[] = [];
  for (const row of rows) {
    if (row.cells.length !== columns.length)
      throw new ConfigError(
        `${path}:${row.line}: expected ${columns.length} columns, found ${row.cells.length}`,
      );
    const body = cell(row, QUESTION_COLUMN);
    if (!body) throw new ConfigError(`${path}:${row.line}: empty "${QUESTION_COLUMN}" cell`);
    const valueName = cell(row, 'value');
    const targetValue = valueName ? valueIdOf(theory, valueName) : undefined;
    const questionnaire = cell(row, 'questionnaire');
    const text = tidySeedText(body);
    seeds.push({
      id: seedId(text),
      text,
      source: questionnaire ? `valuebench:${questionnaire}` : 'valuebench',
      ...(targetValue ? { targetValue } : {}),
    });
  }
  return seeds;
}
