import { ConfigError } from '../../core/errors.js';
import type { InputLimits } from '../../core/input-limits.js';
import type { Question } from '../../core/question.js';
import { checkJsonDepth, checkQuestionLength, limitsOf } from '../input/read-input-file.js';
import { JsonlRowSchema } from '../questions/load-questions.js';
import { seedId, tidySeedText } from './seed-text.js';

/** The plain seed formats: one JSON object per line, or one question per line. */
export type PlainSeedFormat = 'jsonl' | 'txt';

const JsonlSeedSchema = JsonlRowSchema;

function seedOf(
  fields: { id?: string; text: string; category?: string; source?: string; targetValue?: string },
  fallbackSource: string,
): Question {
  const text = tidySeedText(fields.text);
  return {
    id: fields.id?.trim() || seedId(text),
    text,
    ...(fields.category?.trim() ? { category: fields.category.trim() } : {}),
    source: fields.source?.trim() || fallbackSource,
    ...(fields.targetValue?.trim() ? { targetValue: fields.targetValue.trim() } : {}),
  };
}

function parseJsonl(path: string, text: string, source: string, limits: InputLimits): Question[] {
  const seeds: Question[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    checkJsonDepth(path, index + 1, line, limits);
    const where = `${path}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new ConfigError(`${where}: invalid JSON`);
    }
    const row = JsonlSeedSchema.safeParse(json);
    if (!row.success)
      throw new ConfigError(`${where}: expected an object with a "text" or "question" string`);
    const body = row.data.text ?? row.data.question;
    if (!body?.trim()) throw new ConfigError(`${where}: missing seed text ("text" or "question")`);
    checkQuestionLength(path, index + 1, body, limits);
    seeds.push(
      seedOf(
        {
          id: row.data.id === undefined ? undefined : String(row.data.id),
          text: body,
          category: row.data.category,
          source: row.data.source,
          targetValue: row.data.targetValue ?? row.data.target_value,
        },
        source,
      ),
    );
  }
  return seeds;
}

function parseTxt(path: string, text: string, source: string, limits: InputLimits): Question[] {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#'))
    .map(({ line, number }) => {
      checkQuestionLength(path, number, line, limits);
      return seedOf({ text: line }, source);
    });
}

/**
 * Parses a JSONL or TXT seed file into seeds (not yet deduplicated): texts tidied, missing ids
 * derived from the text, a missing `source` set to `source`. Malformed lines are ConfigErrors.
 */
export function parsePlainSeeds(options: {
  path: string;
  text: string;
  format: PlainSeedFormat;
  source: string;
  /** Seed text length and JSON nesting limits. @default DEFAULT_INPUT_LIMITS */
  limits?: Partial<InputLimits>;
}): Question[] {
  const { path, text, format, source } = options;
  const limits = limitsOf(options);
  const seeds =
    format === 'jsonl' ? parseJsonl(path, text, source, limits) : parseTxt(path, text, source, limits);
  if (seeds.length === 0) throw new ConfigError(`${path}: no seeds found`);
  return seeds;
}
