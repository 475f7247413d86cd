import { ConfigError } from '../../core/errors.js';
import type { ReadInputOptions } from '../../core/input-limits.js';
import type { Question } from '../../core/question.js';
import { readLimitedText, tableFormatOf } from '../input/read-limited-text.js';
import { questionId } from './load-questions.js';
import { parseCsv } from './parse-csv.js';

/** The provider prefix of models whose answers were recorded elsewhere (`recorded:<name>`). */
export const RECORDED_PROVIDER = 'recorded';

/** One recorded answer: which model gave it, to which question, and which of its samples it is. */
export interface RecordedAnswer {
  /** `recorded:<name>` */
  modelId: string;
  questionId: string;
  sample: number;
  answer: string;
  /** Where the row is, for messages ("answers.jsonl:12"). */
  location: string;
}

/** Recorded answers with the questions and models they hold, in order of first appearance. */
export interface RecordedAnswers {
  answers: RecordedAnswer[];
  questions: Question[];
  modelIds: string[];
  /** Answers per (question, model) at most: the samples of the run. */
  samples: number;
}

interface Row {
  location: string;
  model?: unknown;
  question?: unknown;
  questionId?: unknown;
  answer?: unknown;
}

const ANSWER_FIELDS = ['answer', 'response', 'reply'] as const;

function rowsOfJsonl(file: string, content: string): Row[] {
  const rows: Row[] = [];
  for (const [index, line] of content.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const location = `${file}:${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new ConfigError(`${location}: not a JSON object`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new ConfigError(`${location}: not a JSON object`);
    const object = parsed as Record<string, unknown>;
    const answerField = ANSWER_FIELDS.find((field) => field in object);
    rows.push({
      location,
      model: object.model,
      question: object.question,
      questionId: object.question_id ?? object.questionId,
      answer: answerField === undefined ? undefined : object[answerField],
    });
  }
  return rows;
}

function rowsOfCsv(file: string, content: string): Row[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(content);
  } catch (error) {
    throw new ConfigError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [header, ...body] = records;
  const columns = (header?.cells ?? []).map((cell) => cell.trim().toLowerCase());
  const column = (...names: string[]) => columns.findIndex((name) => names.includes(name));
  const at = {
    model: column('model'),
    question: column('question'),
    id: column('question_id', 'questionid'),
  };
  const answer = column(...ANSWER_FIELDS);
  for (const [name, index] of [
    ['model', at.model],
    ['question', at.question],
    ['answer', answer],
  ] as const)
    if (index < 0)
      throw new ConfigError(`${file}:1: missing column "${name}" (found: ${columns.join(', ') || 'none'})`);
  return body
    .filter((record) => record.cells.some((cell) => cell.trim() !== ''))
    .map((record) => ({
      location: `${file}:${record.line}`,
      model: record.cells[at.model],
      question: record.cells[at.question],
      questionId: at.id < 0 ? undefined : record.cells[at.id] || undefined,
      answer: record.cells[answer],
    }));
}

function text(row: Row, field: 'model' | 'question' | 'answer'): string {
  const value = row[field];
  if (value === undefined || value === null)
    throw new ConfigError(
      `${row.location}: missing "${field}"${field === 'answer' ? ' (or "response", "reply")' : ''}`,
    );
  if (typeof value !== 'string') throw new ConfigError(`${row.location}: "${field}" should be a string`);
  if (field !== 'answer' && value.trim() === '') throw new ConfigError(`${row.location}: empty "${field}"`);
  return field === 'answer' ? value : value.trim();
}

/**
 * Reads recorded answers: rows `{model, question, answer}` (JSONL, or CSV with those columns;
 * `response` or `reply` for `answer`, an optional `question_id`). Questions get ids from their text
 * unless given; a model's repeated answers to one question are its samples. Malformed rows are
 * ConfigErrors naming file, line and field.
 */
export function parseRecorded(options: {
  file: string;
  content: string;
  format: 'jsonl' | 'csv';
}): RecordedAnswers {
  const { file, content } = options;
  if (content.trim() === '') throw new ConfigError(`${file}: empty file`);
  const rows = options.format === 'jsonl' ? rowsOfJsonl(file, content) : rowsOfCsv(file, content);
  if (rows.length === 0) throw new ConfigError(`${file}: no answers`);
  const questions = new Map<string, Question>();
  const modelIds: string[] = [];
  const samples = new Map<string, number>();
  const answers = rows.map((row): RecordedAnswer => {
    const model = text(row, 'model');
    const question = text(row, 'question');
    const answer = text(row, 'answer');
    const given =
      row.questionId === undefined || row.questionId === null ? undefined : String(row.questionId);
    const id = given ?? questionId(question);
    const known = questions.get(id);
    // Texts that differ only in case or spacing share a derived id: they are one question.
    if (known && given !== undefined && known.text !== question)
      throw new ConfigError(`${row.location}: question id "${id}" was given to another question text before`);
    if (!known) questions.set(id, { id, text: question });
    const modelId = `${RECORDED_PROVIDER}:${model}`;
    if (!modelIds.includes(modelId)) modelIds.push(modelId);
    const key = `${id}\u0000${modelId}`;
    const sample = samples.get(key) ?? 0;
    samples.set(key, sample + 1);
    return { modelId, questionId: id, sample, answer, location: row.location };
  });
  return {
    answers,
    questions: [...questions.values()],
    modelIds,
    samples: Math.max(...samples.values()),
  };
}

/** Reads a recorded-answers file (.jsonl or .csv, UTF-8) within the input limits, as `parseRecorded` does. */
export async function readRecorded(path: string, options: ReadInputOptions = {}): Promise<RecordedAnswers> {
  const format = tableFormatOf(path);
  if (format === undefined) throw new ConfigError(`${path}: unknown answers file type; use .jsonl or .csv`);
  const content = await readLimitedText(path, { ...options, what: 'answers file' });
  return parseRecorded({ file: path, content, format });
}
