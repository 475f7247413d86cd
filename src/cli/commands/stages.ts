import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import type { EngineBatchOptions } from '../../providers/engine-batch.js';
import type { EvaluateResults } from '../../run/collect-results.js';
import { runEvaluation } from '../../run/evaluate.js';
import { type GenerateSummary, runGeneration } from '../../run/generate.js';
import { generationModels, requirePanels } from '../../run/generate-open.js';
import { refuseUnpriced } from '../../run/open-run.js';
import { planGeneration } from '../../run/plan-generation.js';
import { loadSeeds } from '../../stages/seeds/load-seeds.js';
import type { RunKind, Store } from '../../store/index.js';
import { createProgressLine, type ProgressSnapshot } from '../progress-line.js';
import type { CliRuntime } from '../runtime.js';
import { batching } from './batch-flags.js';
import { printPlan } from './evaluate-plan.js';

/** How stage calls may use the cache and retries (`--no-cache`, `--no-retry`). */
export interface CallSwitches {
  cache: boolean;
  retry: boolean;
  /** `--batch`: every model with a batch API goes through it. */
  batch?: boolean;
}

/** The seed topics `--seeds` or `generate.seeds` names: a built-in pool or a seed file (see docs/seeds.md). */
export async function seedsOf(
  flag: string | undefined,
  loaded: LoadedConfig,
): Promise<{ seeds: Question[]; source: string }> {
  const { seedCategories, seedLimit, seeds: configured } = loaded.config.generate;
  const spec = flag ?? configured;
  const seeds = await loadSeeds(spec, {
    theory: loaded.theory,
    // --seeds is relative to the working directory, the config's setting to the config file.
    baseDir: flag ? process.cwd() : loaded.dir,
    categories: seedCategories,
    limit: seedLimit,
    seed: loaded.config.seed,
    input: { limits: loaded.config.input },
  });
  return { seeds, source: spec };
}

/**
 * Checks a new generation before the store is opened: panels, model ids, keys (not for a dry run)
 * and prices; with `dryRun` prints the plan instead.
 */
export async function checkGeneration(
  loaded: LoadedConfig,
  options: { seeds: number; budget?: number; maxCost?: number; allowUnpriced?: boolean; dryRun?: boolean },
): Promise<void> {
  const { config, theory } = loaded;
  const panels = requirePanels(config);
  const engine = createEngine({ config, theory, configDir: loaded.dir, requireKeys: !options.dryRun });
  try {
    const all = generationModels(panels);
    for (const id of all) engine.provider(id, 'generator');
    if (options.dryRun) {
      const settings = { ...config.generate, ...(options.budget ? { budget: options.budget } : {}) };
      printPlan(
        planGeneration({
          config,
          theory,
          seeds: options.seeds,
          ...panels,
          judge: panels.judge,
          settings,
          priceOf: engine.priceOf,
        }),
      );
      return;
    }
    refuseUnpriced({
      engine,
      models: all,
      maxCost: options.maxCost ?? config.generate.maxCost,
      allowUnpriced: options.allowUnpriced,
    });
  } finally {
    await engine.close();
  }
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
      ...(switches.batch ? { force: true } : {}),
      onNotice: (message: string) => process.stderr.write(`adaem: ${message}\n`),
    },
  });
}

/** A progress line on stderr fed with the stage's counters and the engine's usage; `finish` ends it once. */
export function stageProgress(label: string, engine: Engine) {
  const line = createProgressLine({ label });
  let last: Pick<ProgressSnapshot, 'done' | 'total' | 'note'> = { done: 0, total: 0 };
  let finished = false;
  let started = false;
  const snapshot = (): ProgressSnapshot => {
    const usage = engine.usage().total;
    const { calls, cached, errors, costUsd } = usage;
    return { ...last, calls, cached, errors, tokens: usage.inputTokens + usage.outputTokens, costUsd };
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

/** `--resume RUN_ID` needs the store it was recorded in. */
export function requireStoreToResume(loaded: LoadedConfig, resume: string | undefined): void {
  if (resume !== undefined && !existsSync(loaded.storePath))
    throw new ConfigError(`no run "${resume}": there is no store at ${loaded.storePath}`);
}

/** The id of a new (`--run-id`, else a fresh one) or resumed (`--resume`) run of `kind`, refusing a taken or unknown id. */
export function runIdOf(store: Store, flags: { runId?: string; resume?: string }, kind: RunKind): string {
  if (flags.runId && store.runs.get(flags.runId))
    throw new ConfigError(
      `run "${flags.runId}" already exists in ${store.path}; use --resume ${flags.runId} to continue it`,
    );
  if (flags.resume && !store.runs.get(flags.resume))
    throw new ConfigError(`no run "${flags.resume}" in ${store.path}`);
  return flags.resume ?? flags.runId ?? store.runs.newRunId(kind);
}

/** The question file `--questions` names (relative to the working directory), else `evaluate.questions` (relative to the config). */
export function questionFileOf(flag: string | undefined, loaded: LoadedConfig): string {
  const configured = loaded.config.evaluate.questions;
  const path = flag ? resolve(flag) : configured ? resolve(loaded.dir, configured) : undefined;
  if (!path)
    throw new ConfigError('no questions: pass --questions FILE or set evaluate.questions in the config');
  return path;
}

/** Runs (or resumes) a generation with its progress line; returns the summary. */
export async function executeGeneration(options: {
  loaded: LoadedConfig;
  store: Store;
  runtime: CliRuntime;
  runId: string;
  resume: boolean;
  seeds?: { seeds: Question[]; source: string };
  budget?: number;
  maxCost?: number;
  allowUnpriced?: boolean;
  extend?: string;
  switches: CallSwitches;
}): Promise<GenerateSummary> {
  const { loaded, store, runId } = options;
  const engine = stageEngine(loaded, store, options.runtime, runId, options.switches);
  const progress = stageProgress('generate', engine);
  try {
    const summary = await runGeneration({
      config: loaded.config,
      theory: loaded.theory,
      engine,
      store,
      seeds: options.seeds?.seeds,
      seedSource: options.seeds?.source,
      budget: options.budget,
      maxCost: options.maxCost,
      allowUnpriced: options.allowUnpriced,
      runId,
      resume: options.resume,
      extend: options.extend,
      signal: options.runtime.signal,
      onStart: (id, manifest) => {
        process.stderr.write(`run ${id}${options.resume ? ' (resumed)' : ''}\n`);
        if (manifest.score.fallback)
          process.stderr.write(
            `note: the exact score is unavailable (${manifest.score.fallback}); using the practical score\n`,
          );
      },
      onProgress: (state) => {
        const rejected = Object.values(state.rejected).reduce((sum, count) => sum + count, 0);
        const best = state.bestScore === null ? '–' : state.bestScore.toFixed(2);
        const mean = state.meanScore === null ? '–' : state.meanScore.toFixed(2);
        progress.update(
          state.phase === 'seeds'
            ? { done: state.seedsScored, total: state.seedsTotal, note: 'scoring seeds' }
            : {
                done: state.pullsDone,
                total: state.budget,
                note: `S best ${best} mean ${mean} | accepted ${state.accepted}, rejected ${rejected}`,
              },
        );
      },
    });
    progress.finish();
    return summary;
  } finally {
    await engine.close();
  }
}

/** Runs (or resumes) an evaluation with its progress line; returns its results. */
export async function executeEvaluation(options: {
  loaded: LoadedConfig;
  store: Store;
  runtime: CliRuntime;
  runId: string;
  resume: boolean;
  questions?: { questions: Question[]; source: string };
  maxCost?: number;
  allowUnpriced?: boolean;
  switches: CallSwitches;
}): Promise<EvaluateResults> {
  const { loaded, store, runId } = options;
  const engine = stageEngine(loaded, store, options.runtime, runId, options.switches);
  const progress = stageProgress('evaluate', engine);
  try {
    const results = await runEvaluation({
      config: loaded.config,
      theory: loaded.theory,
      engine,
      store,
      questions: options.questions?.questions,
      questionSource: options.questions?.source,
      maxCost: options.maxCost,
      allowUnpriced: options.allowUnpriced,
      runId,
      resume: options.resume,
      // A batch holds every call that waits for it: the pool lets a whole wave wait at once.
      ...(batching(options.switches, loaded.config) ? { concurrency: loaded.config.batch.maxRequests } : {}),
      signal: options.runtime.signal,
      onStart: (id) => process.stderr.write(`run ${id}${options.resume ? ' (resumed)' : ''}\n`),
      onProgress: (state) => progress.update({ done: state.itemsDone, total: state.itemsTotal }),
    });
    progress.finish();
    return results;
  } finally {
    await engine.close();
  }
}
