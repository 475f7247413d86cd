import type { Command } from 'commander';
import { type LoadedConfig, loadConfig } from '../config/load-config.js';
import { openStore, type Store } from '../store/index.js';

/** What every command shares: the cancellation signal and helpers to load config and open the store. */
export interface CliRuntime {
  /** Aborted by the first Ctrl-C: commands stop taking work and let in-flight writes finish. */
  signal: AbortSignal;
  /** Loads the config named by `-c` (or ./adaem.yaml, or defaults). */
  loadConfig(command: Command): LoadedConfig;
  /** Opens the store of a loaded config (path relative to the config file). */
  openStore(loaded: LoadedConfig): Store;
}

/** The global options, read from the root program. */
export function globalOptions(command: Command): { config?: string; debug?: boolean } {
  return command.optsWithGlobals();
}

/** Creates the runtime for one CLI invocation. */
export function createRuntime(signal: AbortSignal): CliRuntime {
  return {
    signal,
    loadConfig: (command) => loadConfig({ path: globalOptions(command).config }),
    openStore: (loaded) => openStore({ path: loaded.storePath }),
  };
}

/** Writes JSON results to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
