import { existsSync } from 'node:fs';
import { readConfigFile } from './read-config-file.js';

/** Reads `KEY=value` lines of a `.env` file (quotes stripped, `#` comments); empty when absent. */
export function readDotEnv(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readConfigFile(path, path).split(/\r?\n/)) {
    const match = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/);
    if (!match) continue;
    const raw = match[2]!;
    values[match[1]!] = /^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw.replace(/\s+#.*$/, '');
  }
  return values;
}
