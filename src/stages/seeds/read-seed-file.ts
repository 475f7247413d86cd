import { ConfigError } from '../../core/errors.js';
import type { ReadInputOptions } from '../../core/input-limits.js';
import { checkLineLengths, limitsOf, readInputFile } from '../input/read-input-file.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The 1-based line holding the first byte that is not UTF-8. */
function firstBadLine(bytes: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end < 0 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  return line;
}

/**
 * Reads a seed file as UTF-8 text (BOM dropped) within `limits` (size, line length, no devices or
 * FIFOs unless allowed); missing, empty, oversized or non-UTF-8 files are ConfigErrors naming the
 * file, line and limit; an abort of `signal` stops the read.
 */
export async function readSeedFile(path: string, options: ReadInputOptions = {}): Promise<string> {
  const bytes = await readInputFile(path, { ...options, what: 'seed file' });
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new ConfigError(`${path}:${firstBadLine(bytes)}: not UTF-8 text; save the file as UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new ConfigError(`${path}: empty file`);
  checkLineLengths(path, text, limitsOf(options));
  return text;
}
