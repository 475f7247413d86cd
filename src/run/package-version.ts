import { readFileSync } from 'node:fs';
import { z } from 'zod';

const PackageJsonSchema = z.object({ version: z.string() });

/** adaem's own version, read from its package.json. */
export function packageVersion(): string {
  for (const relative of ['../../package.json', '../package.json']) {
    try {
      const text = readFileSync(new URL(relative, import.meta.url), 'utf8');
      const parsed = PackageJsonSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data.version;
    } catch {
      // try the next location: sources live one level deeper than the bundle
    }
  }
  return 'unknown';
}
