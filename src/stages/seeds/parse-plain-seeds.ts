import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
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

function parseJsonl(path: string, text: string, source: string): Question[] {
  const seeds: Question[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
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

function parseTxt(text: string, source: string): Question[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => seedOf({ text: line }, source));
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
}): Question[] {
  const { path, text, format, source } = options;
  const seeds = format === 'jsonl' ? parseJsonl(path, text, source) : parseTxt(text, source);
  if (seeds.length === 0) throw new ConfigError(`${path}: no seeds found`);
  return seeds;
}
