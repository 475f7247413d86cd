import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

// better-sqlite3 as `npm i --ignore-scripts` leaves it: its native build is missing.
vi.mock('better-sqlite3', () => ({
  default: class {
    constructor() {
      throw new Error(
        'Could not locate the bindings file. Tried:\n → node_modules/better-sqlite3/build/better_sqlite3.node',
      );
    }
  },
}));

const tmp = useTmpDir();

describe('better-sqlite3 installed with scripts disabled', () => {
  it('says in one line how to fix it', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'adaem.yaml'), 'store: s.db\n');
    const result = await runMain(['-c', join(dir, 'adaem.yaml'), 'cache', 'clear']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^adaem: .*better-sqlite3.*npm rebuild better-sqlite3.*--ignore-scripts/),
    ]);
  });
});
