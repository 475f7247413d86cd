import { extname } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import type { ReadInputOptions } from '../../core/input-limits.js';
import { checkJsonDepth, checkLineLengths, limitsOf, readInputFile } from './read-input-file.js';

/**
 * A UTF-8 text file read within the input limits (size, special files, line length; for JSONL the
 * nesting depth of each row), stopping at the first abort; every breach one line naming the file.
 */
export async function readLimitedText(
  path: string,
  options: ReadInputOptions & { what: string },
): Promise<string> {
  const limits = limitsOf(options);
  const bytes = await readInputFile(path, options);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigError(`${path}: not UTF-8 text; save the file as UTF-8`);
  }
  checkLineLengths(path, text, limits);
  if (/\.(jsonl|ndjson)$/i.test(path))
    text.split('\n').forEach((line, index) => {
      checkJsonDepth(path, index + 1, line, limits);
    });
  return text;
}

const TABLE_FORMATS: Record<string, 'jsonl' | 'csv'> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.csv': 'csv',
};

/** Whether a data file (labelled texts, recorded answers) is JSONL or CSV, by its extension. */
export function tableFormatOf(path: string): 'jsonl' | 'csv' | undefined {
  return TABLE_FORMATS[extname(path).toLowerCase()];
}
