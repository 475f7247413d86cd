import type { LoadedConfig } from '../../config/load-config.js';
import type { Question } from '../../core/question.js';
import type { EvaluateResults } from '../../run/evaluate/collect-results.js';
import { runEvaluation } from '../../run/evaluate/evaluate.js';
import { type GenerateSummary, runGeneration } from '../../run/generate/generate.js';
import type { Store } from '../../store/index.js';
import { batching } from '../batch-flags.js';
import type { CliRuntime } from '../runtime.js';
import { type CallSwitches, stageEngine, stageProgress } from './stage-engine.js';

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
