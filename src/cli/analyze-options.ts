import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { LoadedConfig } from '../config/load-config.js';
import { ConfigError } from '../core/errors.js';
import type { Store } from '../store/index.js';
import { numberFlag, whole } from './options.js';
import type { CliRuntime } from './runtime.js';

/** A whole number flag ≥ `min`, `fallback` when not given, or a one-line usage error naming the flag. */
export function integerFlag(flag: string, value: string | undefined, fallback: number, min: number): number {
  return numberFlag(flag, value, whole(min)) ?? fallback;
}

/** A comma-separated list of whole numbers ≥ 2, e.g. "200,500,1000". */
export function sizesFlag(value: string | undefined, fallback: number[]): number[] {
  if (value === undefined) return fallback;
  const sizes = value.split(',').map((part) => part.trim());
  const numbers = sizes.map(Number);
  if (sizes.some((part) => part === '') || numbers.some((number) => !Number.isInteger(number) || number < 2))
    throw new ConfigError(`--sizes must be whole numbers ≥ 2 separated by commas, got "${value}"`);
  return numbers;
}

/**
 * Opens the config's store for an analysis (which is stored there too); a usage error when there is
 * no store yet, since then no run can exist. The store is closed when `work` returns or settles.
 */
export function withAnalysisStore<T>(
  runtime: CliRuntime,
  command: Command,
  work: (store: Store, loaded: LoadedConfig) => T,
): T {
  const loaded = runtime.loadConfig(command);
  if (!existsSync(loaded.storePath))
    throw new ConfigError(`no store at ${loaded.storePath}: evaluate something first (adaem evaluate)`);
  const store = runtime.openStore(loaded);
  let result: T;
  try {
    result = work(store, loaded);
  } catch (error) {
    store.close();
    throw error;
  }
  // An asynchronous analysis keeps the store open until it settles.
  if (result instanceof Promise) return result.finally(() => store.close()) as T;
  store.close();
  return result;
}

/**
 * Two runs compared must be two runs: one run against itself agrees perfectly by construction
 * (ICC 1, an infinite F), which says nothing and would be stored as if it did.
 */
export function refuseSameRun(command: string, runs: readonly [{ runId: string }, { runId: string }]): void {
  if (runs[0].runId === runs[1].runId)
    throw new ConfigError(
      `${command} needs two different runs; both name ${runs[0].runId} (for the stability of one run: adaem analyze reliability ${runs[0].runId})`,
    );
}
