import { StoreError } from '../core/errors.js';

/** What to tell the user about a SQLite failure code, by the code's family. */
const FAULTS: Record<string, string> = {
  SQLITE_FULL: 'the disk (or the store size limit) is full',
  SQLITE_IOERR: 'an I/O error',
  SQLITE_BUSY: 'another process held the write lock too long',
  SQLITE_LOCKED: 'the store is locked',
  SQLITE_READONLY: 'the store is read-only',
  SQLITE_CORRUPT: 'the store file is corrupt',
  SQLITE_NOTADB: 'the file is not a SQLite database',
  SQLITE_CANTOPEN: 'the file cannot be opened',
};

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * One line naming the store and the fault, e.g. `store .adaem/adaem.db: the disk … is full
 * (SQLITE_FULL)`; "the store" when the file is not known.
 */
export function toStoreError(error: unknown, path: string | undefined): StoreError {
  const code = codeOf(error);
  const family = code?.match(/^SQLITE_[A-Z]+/)?.[0];
  const reason = (family && FAULTS[family]) ?? (error instanceof Error ? error.message : String(error));
  return new StoreError(
    `${path === undefined ? 'the store' : `store ${path}`}: ${reason}${code ? ` (${code})` : ''}`,
    {
      code: family === 'SQLITE_BUSY' ? 'store-busy' : 'store-fault',
      cause: error,
    },
  );
}
