import type { LoadedConfig } from '../../config/load-config.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import type { EngineBatchOptions } from '../../providers/engine-batch.js';
import type { Store } from '../../store/index.js';
import { createProgressLine, PROGRESS_LEGEND, type ProgressSnapshot } from '../progress-line.js';
import type { CliRuntime } from '../runtime.js';

/** How stage calls may use the cache and retries (`--no-cache`, `--no-retry`). */
export interface CallSwitches {
  cache: boolean;
  retry: boolean;
  /** `--batch`: every model with a batch API goes through it. */
  batch?: boolean;
}

/** An engine for one stage of a run, writing to the store's cache and call log. */
export function stageEngine(
  loaded: LoadedConfig,
  store: Store,
  runtime: CliRuntime,
  runId: string,
  switches: CallSwitches,
  batch?: EngineBatchOptions,
): Engine {
  return createEngine({
    config: loaded.config,
    theory: loaded.theory,
    configDir: loaded.dir,
    cache: store.cache,
    recorder: store.calls,
    useCache: switches.cache,
    retry: switches.retry,
    runId,
    signal: runtime.signal,
    // Batches a model's `execution: batch` submits are stored with the run even without --batch.
    batch: batch ?? {
      ledger: store.batches,
      ...(switches.batch || loaded.config.batch.all ? { force: true } : {}),
      onNotice: (message: string) => process.stderr.write(`adaem: ${message}\n`),
    },
  });
}

/** What each stage's progress line counts, and the words it adds to the legend. */
const STAGE_LINES: Record<string, { unit?: string; legend?: string }> = {
  evaluate: { unit: 'answers', legend: 'answers = question × model × sample, each answered and judged' },
  generate: {
    legend:
      "pulls = search steps of the budget · S = a question's informativeness under the scorers (best and mean of the bank) · accepted / rejected = candidate questions kept in or left out of the bank",
  },
};

/**
 * A progress line on stderr fed with the stage's counters and the engine's usage, with a legend of
 * its words printed once above it; `finish` ends it once.
 */
export function stageProgress(label: string, engine: Engine) {
  const stage = STAGE_LINES[label];
  const legend = `${label} progress: ${[stage?.legend, PROGRESS_LEGEND].filter(Boolean).join(' · ')}`;
  const line = createProgressLine({ label, legend });
  let last: Pick<ProgressSnapshot, 'done' | 'total' | 'note' | 'unit'> = { done: 0, total: 0 };
  let finished = false;
  let started = false;
  const snapshot = (): ProgressSnapshot => {
    const usage = engine.usage().total;
    const { calls, cached, errors, costUsd } = usage;
    return {
      ...(stage?.unit ? { unit: stage.unit } : {}),
      ...last,
      calls,
      cached,
      errors,
      tokens: usage.inputTokens + usage.outputTokens,
      costUsd,
    };
  };
  return {
    update(state: typeof last) {
      started = true;
      last = state;
      line.update(snapshot());
    },
    /** Ends the line; a stage that never reported progress (it stopped before starting) prints none. */
    finish() {
      if (finished || !started) return;
      finished = true;
      line.finish(snapshot());
    },
  };
}
