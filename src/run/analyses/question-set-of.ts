import { ConfigError } from '../../core/errors.js';
import type { Store } from '../../store/index.js';
import { hashQuestions } from '../evaluate/manifest.js';
import { bankOf, collectGeneration } from '../generate/collect-generation.js';
import { GenerateManifestSchema } from '../generate/manifest.js';
import type { AnalysedRun } from './analysis-manifest.js';
import { loadEvaluation } from './load-evaluation.js';

/** A run's question set with what an analysis records of it, and the seed the run used. */
export interface RunQuestionSet extends AnalysedRun {
  seed: number;
}

/**
 * The questions of a stored run for `analyze questions`: an evaluation's question set, or the
 * accepted bank of a generation run (best first; the `top` best with `top`). A pipeline run's id
 * means its evaluation stage.
 */
export function questionSetOf(store: Store, runId: string, top?: number): RunQuestionSet {
  const run = store.runs.get(runId);
  if (run?.kind === 'generate') {
    const manifest = GenerateManifestSchema.safeParse(run.manifest);
    if (!manifest.success) throw new ConfigError(`run "${runId}" has no readable generation manifest`);
    const questions = bankOf(collectGeneration(store, runId), top);
    if (questions.length === 0) throw new ConfigError(`run "${runId}" accepted no questions yet`);
    return {
      runId,
      status: run.status,
      questions,
      manifest: { questions: { hash: hashQuestions(questions) } },
      seed: manifest.data.seed,
    };
  }
  if (top !== undefined)
    throw new ConfigError('--top picks the best questions of a generation run; this is an evaluation run');
  const evaluation = loadEvaluation(store, runId);
  return { ...evaluation, seed: evaluation.manifest.seed };
}
