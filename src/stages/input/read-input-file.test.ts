import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../core/errors.js';
import { jsonDepth, readInputFile } from './read-input-file.js';

const dir = mkdtempSync(join(tmpdir(), 'adaem-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jsonDepth', () => {
  it.each([
    ['1', 0],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"text":"{[{[ inside a string ]}]}"}', 1],
    ['{"text":"an escaped quote \\" then [["}', 1],
    [`${'['.repeat(5000)}${']'.repeat(5000)}`, 5000],
  ])('%s nests %i deep', (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

describe('readInputFile', () => {
  it('reads a file within the limit and refuses one over it', async () => {
    const path = join(dir, 'q.txt');
    writeFileSync(path, 'Should cities ban cars?\n');
    expect((await readInputFile(path, { what: 'question file' })).toString()).toBe(
      'Should cities ban cars?\n',
    );
    await expect(
      readInputFile(path, { what: 'question file', limits: { maxFileBytes: 10 } }),
    ).rejects.toThrow(/q\.txt: larger than the limit of 10 bytes per file \(input\.maxFileBytes\)/);
  });

  it('stops at an aborted signal', async () => {
    const path = join(dir, 'r.txt');
    writeFileSync(path, 'x');
    await expect(
      readInputFile(path, { what: 'question file', signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
