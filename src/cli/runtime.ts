import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { ConfigError } from '../core/errors.js';
import { openStore, type Store } from '../store/index.js';

/** What every command shares: the cancellation signal and helpers to load config and open the store. */
export interface CliRuntime {
  /** Aborted by the first Ctrl-C or SIGTERM: commands stop taking work and abort calls in flight. */
  signal: AbortSignal;
  /** Loads the config named by `-c` (or ./adaem.yaml, or defaults). */
  loadConfig(command: Command): LoadedConfig;
  /** Opens the store of a loaded config for writing, creating it when missing. */
  openStore(loaded: LoadedConfig): Store;
  /** Opens an existing store read-only; undefined when there is none (nothing is created). */
  readStore(loaded: LoadedConfig): Store | undefined;
  /** The store file this command opened (or tried to), to name it in a store error. */
  storePath(): string | undefined;
}

/** The global options, read from the root program. */
export function globalOptions(command: Command): { config?: string; debug?: boolean } {
  return command.optsWithGlobals();
}

/** `ADAEM_STORE_MAX_PAGES` caps the store file (SQLite pages), to try what a full disk does. */
function maxPagesOf(env: Record<string, string | undefined>): number | undefined {
  const value = Number(env.ADAEM_STORE_MAX_PAGES);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** `ADAEM_STORE_BUSY_TIMEOUT_MS` shortens the wait for another process's write lock (default 5 s), to try a lock timeout. */
function busyTimeoutOf(env: Record<string, string | undefined>): number | undefined {
  const value = Number(env.ADAEM_STORE_BUSY_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/** Where SQLite would hang or fail strangely: a usage error, not a store fault. */
const KERNEL_FILE_SYSTEMS = /^\/(proc|sys|dev)(\/|$)/;

/** Creates the runtime for one CLI invocation. */
export function createRuntime(signal: AbortSignal): CliRuntime {
  let opened: string | undefined;
  return {
    signal,
    loadConfig: (command) => loadConfig({ path: globalOptions(command).config }),
    openStore: (loaded) => {
      opened = loaded.storePath;
      if (KERNEL_FILE_SYSTEMS.test(loaded.storePath))
        throw new ConfigError(
          `store ${loaded.storePath}: /proc, /sys and /dev hold no files; set store: to a path on disk`,
        );
      return openStore({
        path: loaded.storePath,
        maxPages: maxPagesOf(process.env),
        busyTimeoutMs: busyTimeoutOf(process.env),
      });
    },
    readStore: (loaded) => {
      if (!existsSync(loaded.storePath)) return undefined;
      opened = loaded.storePath;
      return openStore({ path: loaded.storePath, readonly: true });
    },
    storePath: () => opened,
  };
}

/** Writes JSON results to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
