import { resolve } from 'node:path';
import type { LoadedConfig } from '../config/load-config.js';
import type { AdaemConfig } from '../core/config.js';
import { CancelledError, ConfigError } from '../core/errors.js';
import type { EngineBatchOptions } from '../providers/engine-batch.js';
import { nextBatchFile, takeBatchResults } from '../run/evaluate/take-batch-results.js';
import type { Store } from '../store/index.js';

/** The batch flags of evaluate, generate and run. */
export interface BatchFlags {
  /** Every model with a batch API goes through it. */
  batch?: boolean;
  /** Write the requests to this file (OpenAI batch format) and stop. */
  batchFile?: string;
  /** Take the results of the run's batch file in (with --resume). */
  batchResults?: string;
}

/** Help of the batch flags. */
export const BATCH_HELP = {
  batch: "send calls through the providers' batch APIs (half price, within 24 h; docs/batch.md)",
  batchFile: 'write the requests to this file in the OpenAI batch format (vllm run-batch) and stop',
  batchResults: 'with --resume: take in the results of the batch file written for the run',
};

/** Whether a run batches: --batch, a batch file, or a provider or model with `execution: batch`. */
export function batching(flags: BatchFlags, config: AdaemConfig): boolean {
  return (
    flags.batch === true ||
    config.batch.all ||
    flags.batchFile !== undefined ||
    flags.batchResults !== undefined ||
    Object.values(config.providers).some((provider) => provider.execution === 'batch') ||
    config.models.some((model) => model.execution === 'batch')
  );
}

/** `--batch` written into the config (`batch.all`), so the run's manifest records that its calls were batched. */
export function withBatchFlag(loaded: LoadedConfig, flags: BatchFlags): LoadedConfig {
  if (!flags.batch) return loaded;
  return { ...loaded, config: { ...loaded.config, batch: { ...loaded.config.batch, all: true } } };
}

/** Checks the batch flags together with --resume; a bad combination is a ConfigError naming them. */
export function checkBatchFlags(flags: BatchFlags & { resume?: string; dryRun?: boolean }): void {
  if (flags.batchResults !== undefined && flags.resume === undefined)
    throw new ConfigError('--batch-results takes the results of a run in: pass --resume RUN_ID with it');
  if (flags.batchFile !== undefined && flags.batch)
    throw new ConfigError(
      '--batch-file writes requests for your own cluster; --batch sends them to the providers: pick one',
    );
}

/**
 * Takes `--batch-results` in (before the run resumes) and says which file the next wave goes to;
 * returns the engine's batch options, the run's batch ledger included.
 */
export function batchOptionsOf(
  flags: BatchFlags,
  store: Store,
  runId: string,
  notify: (message: string) => void,
): EngineBatchOptions & { written: () => string | undefined } {
  let file = flags.batchFile === undefined ? undefined : resolve(flags.batchFile);
  if (flags.batchResults !== undefined) {
    const taken = takeBatchResults({ store, runId, file: flags.batchResults });
    notify(
      `took in ${taken.answered} answers from ${flags.batchResults}${taken.failed > 0 ? ` (${taken.failed} failed: asked again in the next wave)` : ''}`,
    );
    file ??= nextBatchFile(taken.batchFile);
  }
  let written: string | undefined;
  return {
    ...(flags.batch ? { force: true } : {}),
    ...(file === undefined ? {} : { file }),
    ledger: store.batches,
    onNotice: notify,
    onWritten: (path: string) => {
      written = path;
    },
    written: () => written,
  };
}

/** A run stopped because its requests were written to a batch file: say what to do next, exit 0. */
export function explainBatchFile(error: unknown, written: string | undefined, runId: string): boolean {
  if (written === undefined || !(error instanceof CancelledError)) return false;
  process.stderr.write(
    `run ${runId}: requests written to ${written}; run them on your cluster, e.g.\n` +
      `  vllm run-batch -i ${written} -o results.jsonl --model MODEL\n` +
      `then take the results in:\n  adaem evaluate --resume ${runId} --batch-results results.jsonl\n`,
  );
  return true;
}
