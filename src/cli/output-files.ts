import { mkdirSync, statSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

/** The reason a file system error happened, in a few words (`EACCES` → "permission denied"). */
export function fileErrorReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'read-only file system',
    ENOTDIR: 'a parent is not a directory',
    EISDIR: 'is a directory',
    ENOSPC: 'no space left on device',
    EEXIST: 'exists and is not a directory',
    ENOENT: 'no such file or directory',
  };
  return reasons[code] ?? (error instanceof Error ? error.message : String(error));
}

/** Creates a directory (and its parents) for output, or says in one line why it cannot. */
export function ensureDirectory(path: string, what: string): void {
  // Recursive mkdir under /proc never returns on Linux; nothing can be written there anyway.
  if (/^\/(proc|sys|dev)(\/|$)/.test(path))
    throw new ConfigError(`cannot write ${what} to ${path}: /proc, /sys and /dev hold no files`);
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'EEXIST' });
  } catch (error) {
    throw new ConfigError(`cannot write ${what} to ${path}: ${fileErrorReason(error)}`);
  }
}
