import { readFileSync, statSync } from 'node:fs';
import type { Document } from 'yaml';
import { ConfigError } from '../core/errors.js';

/** Largest config, theory or `.env` file read: far above any real one. @default 10 MB */
export const MAX_CONFIG_BYTES = 10 * 1024 * 1024;

/**
 * Reads a config, theory or `.env` file as text. Only regular files: a device or FIFO would block
 * the process in a read no signal can stop; a file over `MAX_CONFIG_BYTES` is refused. `shown` is
 * the name used in messages.
 */
export function readConfigFile(path: string, shown: string): string {
  const stats = statSync(path);
  if (!stats.isFile())
    throw new ConfigError(
      `${shown}: is ${stats.isFIFO() ? 'a FIFO (named pipe)' : stats.isDirectory() ? 'a directory' : 'a device or socket'}, not a regular file; write the config to a file`,
    );
  if (stats.size > MAX_CONFIG_BYTES)
    throw new ConfigError(`${shown}: larger than the limit of 10 MB for a config file`);
  return readFileSync(path, 'utf8');
}

/**
 * A parsed YAML document as plain data; the parser's guard against alias bombs (a few aliases that
 * expand to millions of nodes) becomes a config error naming the file.
 */
export function yamlToData(document: Document, shown: string): unknown {
  try {
    return document.toJS();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError(`${shown}: ${message.split('\n')[0]} (YAML aliases are limited to 100)`);
  }
}
