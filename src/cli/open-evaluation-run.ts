import { mkdirSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { evaluationIdOf } from '../run/evaluation-id.js';
import { type EvaluateManifest, EvaluateManifestSchema, redactConfig } from '../run/manifest.js';
import type { Store } from '../store/index.js';
import type { CliRuntime } from './runtime.js';

/** Opens the store read-only and finds an evaluation run; unknown runs and other kinds are usage errors. */
export function openEvaluationRun(
  runtime: CliRuntime,
  command: Command,
  given: string,
): { store: Store; manifest: EvaluateManifest; runId: string } {
  const loaded = runtime.loadConfig(command);
  const store = runtime.readStore(loaded);
  if (!store) throw new ConfigError(`no run "${given}": there is no store at ${loaded.storePath}`);
  const { runId, note } = evaluationIdOf(store, given);
  if (note) process.stderr.write(`${note}\n`);
  const run = store.runs.get(runId);
  const manifest = run ? EvaluateManifestSchema.safeParse(run.manifest) : undefined;
  if (!run || !manifest?.success) {
    store.close();
    throw new ConfigError(
      run
        ? `run "${runId}" is a ${run.kind} run, not an evaluation run`
        : `no run "${runId}" in ${store.path}`,
    );
  }
  // Runs stored before base URLs were redacted are redacted on the way out.
  return { store, runId, manifest: { ...manifest.data, config: redactConfig(manifest.data.config) } };
}

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
