import { constants, createReadStream, openSync, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { CancelledError, ConfigError } from '../../core/errors.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits, type ReadInputOptions } from '../../core/input-limits.js';

/** "200 MB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} kB`;
  return `${bytes} bytes`;
}

/** The limits of a read, defaults filled in. */
export function limitsOf(options: ReadInputOptions | undefined): InputLimits {
  return { ...DEFAULT_INPUT_LIMITS, ...options?.limits };
}

function kindOf(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return undefined;
}

/**
 * A stream of the file's bytes. A FIFO is opened without blocking and read as a pipe, so an abort
 * stops it even while no writer has written (a blocking open or read would hold the process).
 */
function streamOf(path: string, stats: Stats): Readable {
  if (!stats.isFIFO() && !stats.isSocket()) return createReadStream(path, { highWaterMark: 1024 * 1024 });
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  return new Socket({ fd, readable: true, writable: false });
}

/**
 * Reads an input file whole, within limits: a missing file, a directory, a device or FIFO (unless
 * `allowSpecialFiles`), or more than `maxFileBytes` is a ConfigError in one line naming the file and
 * the limit; an abort of `signal` (the first Ctrl-C or SIGTERM) stops the read with a CancelledError.
 */
export async function readInputFile(
  path: string,
  /** `what` names the kind of file in messages, e.g. "question file". */
  options: ReadInputOptions & { what: string },
): Promise<Buffer> {
  const limits = limitsOf(options);
  const { signal, what } = options;
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch {
    throw new ConfigError(`${path}: ${what} not found or not readable`);
  }
  if (stats.isDirectory()) throw new ConfigError(`${path}: is a directory, not a ${what}`);
  const special = kindOf(stats);
  if (special && !limits.allowSpecialFiles)
    throw new ConfigError(
      `${path}: is ${special}, not a regular file; set input.allowSpecialFiles: true in the config to read it`,
    );
  const tooLarge = (): ConfigError =>
    new ConfigError(
      `${path}: larger than the limit of ${formatBytes(limits.maxFileBytes)} per file (input.maxFileBytes)`,
    );
  if (stats.isFile() && stats.size > limits.maxFileBytes) throw tooLarge();
  if (signal?.aborted) throw new CancelledError(`cancelled while reading ${path}`);
  return new Promise<Buffer>((resolve, reject) => {
    let stream: Readable;
    try {
      stream = streamOf(path, stats);
    } catch {
      reject(new ConfigError(`${path}: file not found or not readable`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (error: Error): void => {
      signal?.removeEventListener('abort', onAbort);
      stream.destroy();
      reject(error);
    };
    const onAbort = (): void => stop(new CancelledError(`cancelled while reading ${path}`));
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxFileBytes) stop(tooLarge());
      else chunks.push(chunk);
    });
    stream.on('error', () => stop(new ConfigError(`${path}: file not found or not readable`)));
    stream.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks, size));
    });
  });
}

/** The first line longer than `maxLineChars` (its number and length), or undefined. */
function firstLongLine(text: string, maxLineChars: number): { line: number; length: number } | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > maxLineChars) return { line, length: stop - start };
    if (end < 0) return undefined;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** Throws a ConfigError naming the file, line and limit when a line of `text` is too long. */
export function checkLineLengths(path: string, text: string, limits: InputLimits): void {
  const long = firstLongLine(text, limits.maxLineChars);
  if (long)
    throw new ConfigError(
      `${path}:${long.line}: a line of ${long.length.toLocaleString('en-US')} characters is over the limit of ${limits.maxLineChars.toLocaleString('en-US')} (input.maxLineChars)`,
    );
}

/** Throws a ConfigError naming the file, line and limit when a question or seed text is too long. */
export function checkQuestionLength(path: string, line: number, text: string, limits: InputLimits): void {
  if (text.length > limits.maxQuestionChars)
    throw new ConfigError(
      `${path}:${line}: a question of ${text.length.toLocaleString('en-US')} characters is over the limit of ${limits.maxQuestionChars.toLocaleString('en-US')} (input.maxQuestionChars)`,
    );
}

/**
 * The deepest nesting of objects and arrays in a JSON text, counted without parsing (so a row
 * nested thousands deep is refused before anything recursive touches it).
 */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (code === 0x7d || code === 0x5d) depth--;
  }
  return deepest;
}

/** Throws a ConfigError naming the file, line and limit when a JSON row nests too deep. */
export function checkJsonDepth(path: string, line: number, text: string, limits: InputLimits): void {
  const depth = jsonDepth(text);
  if (depth > limits.maxJsonDepth)
    throw new ConfigError(
      `${path}:${line}: JSON nested ${depth.toLocaleString('en-US')} levels deep is over the limit of ${limits.maxJsonDepth} (input.maxJsonDepth)`,
    );
}
