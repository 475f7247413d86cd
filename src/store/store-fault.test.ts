import { describe, expect, it } from 'vitest';
import { StoreError } from '../core/errors.js';
import { toStoreError } from './store-fault.js';

/** An error shaped as better-sqlite3 throws them. */
function sqliteError(code: string, message: string): Error {
  const error = new Error(message) as Error & { code: string };
  error.name = 'SqliteError';
  error.code = code;
  return error;
}

describe('store faults', () => {
  it.each([
    ['SQLITE_FULL', 'the disk (or the store size limit) is full (SQLITE_FULL)', 'store-fault'],
    ['SQLITE_IOERR_WRITE', 'an I/O error (SQLITE_IOERR_WRITE)', 'store-fault'],
    ['SQLITE_IOERR_FSYNC', 'an I/O error (SQLITE_IOERR_FSYNC)', 'store-fault'],
    ['SQLITE_BUSY', 'another process held the write lock too long (SQLITE_BUSY)', 'store-busy'],
    [
      'SQLITE_BUSY_SNAPSHOT',
      'another process held the write lock too long (SQLITE_BUSY_SNAPSHOT)',
      'store-busy',
    ],
    ['SQLITE_READONLY_DBMOVED', 'the store is read-only (SQLITE_READONLY_DBMOVED)', 'store-fault'],
  ])('names %s in one line', (code, reason, kind) => {
    const fault = toStoreError(sqliteError(code, 'disk I/O error\nwith detail'), '.adaem/adaem.db');
    expect(fault).toBeInstanceOf(StoreError);
    expect(fault.message).toBe(`store .adaem/adaem.db: ${reason}`);
    expect(fault.code).toBe(kind);
  });

  it('keeps the message of an error it does not know', () => {
    const fault = toStoreError(sqliteError('SQLITE_WEIRD', 'something odd'), 's.db');
    expect(fault.message).toBe('store s.db: something odd (SQLITE_WEIRD)');
  });
});
