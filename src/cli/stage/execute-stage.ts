import type { LoadedConfig } from '../../config/load-config.js';
import type { Question } from '../../core/question.js';
import type { EvaluateResults } from '../../run/evaluate/collect-results.js';
import { runEvaluation } from '../../run/evaluate/evaluate.js';
import { type GenerateProgress, type GenerateSummary, runGeneration } from '../../run/generate/generate.js';
import type { Store } from '../../store/index.js';
import { batching } from '../batch-flags.js';
import { runName } from '../render/wording.js';
import type { CliRuntime } from '../runtime.js';
import { type CallSwitches, stageEngine, stageProgress } from './stage-engine.js';
import { completeRunNote } from './stage-inputs.js';

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
  // A finished run resumed by `adaem generate` was already said to be complete (runIdOf).
  const complete = options.resume && completeRunNote(store, runId) !== undefined;
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
        if (!complete) process.stderr.write(`${runName(id)}${options.resume ? ' (resumed)' : ''}\n`);
        if (manifest.score.fallback)
          process.stderr.write(
            `note: the exact score is unavailable (${manifest.score.fallback}); using the practical score\n`,
          );
      },
      onProgress: (state) => progress.update(generateProgressOf(state)),
    });
    progress.finish();
    return summary;
  } finally {
    await engine.close();
  }
}

/** The progress line's counters of a generation: seeds scored, then pulls with the bank's S. */
function generateProgressOf(state: GenerateProgress): {
  done: number;
  total: number;
  unit: string;
  note?: string;
} {
  if (state.phase === 'seeds')
    return { done: state.seedsScored, total: state.seedsTotal, unit: 'seeds scored' };
  const rejected = Object.values(state.rejected).reduce((sum, count) => sum + count, 0);
  const best = state.bestScore === null ? '–' : state.bestScore.toFixed(2);
  const mean = state.meanScore === null ? '–' : state.meanScore.toFixed(2);
  return {
    done: state.pullsDone,
    total: state.budget,
    unit: 'pulls',
    note: `S best ${best}, mean ${mean} | accepted ${state.accepted}, rejected ${rejected}`,
  };
}

/** The questions of the evaluate stage: given (`--questions`), or the generated bank's best (not known before). */
export interface StageQuestions {
  questions: Question[];
  source: string;
}

/** What the evaluate stage of a new run asks: its examinees and judge, resolved from the flags or the roles. */
export interface EvaluationPanel {
  examinees: string[];
  judge: string;
}

/** Runs (or resumes) an evaluation stage (of `adaem run`) with its progress line and the run's flags. */
export async function executeEvaluation(options: {
  loaded: LoadedConfig;
  store: Store;
  runtime: CliRuntime;
  runId: string;
  resume: boolean;
  questions?: StageQuestions;
  /** Of a new evaluation; what is missing comes from the config's roles. */
  panel?: Partial<EvaluationPanel>;
  samples?: number;
  concurrency?: number;
  maxCost?: number;
  allowUnpriced?: boolean;
  switches: CallSwitches;
}): Promise<EvaluateResults> {
  const { loaded, store, runId } = options;
  const engine = stageEngine(loaded, store, options.runtime, runId, options.switches);
  const progress = stageProgress('evaluate', engine);
  // Read before the run is reopened (which marks it running): a finished one was said to be complete.
  const complete = options.resume && completeRunNote(store, runId) !== undefined;
  // A batch holds every call that waits for it: the pool lets a whole wave wait at once.
  const concurrency =
    options.concurrency ??
    (batching(options.switches, loaded.config) ? loaded.config.batch.maxRequests : undefined);
  try {
    const results = await runEvaluation({
      config: loaded.config,
      theory: loaded.theory,
      engine,
      store,
      questions: options.questions?.questions,
      questionSource: options.questions?.source,
      ...(options.resume ? {} : { ...options.panel, samples: options.samples }),
      maxCost: options.maxCost,
      allowUnpriced: options.allowUnpriced,
      runId,
      resume: options.resume,
      concurrency,
      signal: options.runtime.signal,
      onStart: (id) => {
        if (!complete) process.stderr.write(`${runName(id)}${options.resume ? ' (resumed)' : ''}\n`);
      },
      onProgress: (state) => progress.update({ done: state.itemsDone, total: state.itemsTotal }),
    });
    progress.finish();
    return results;
  } finally {
    await engine.close();
  }
}
