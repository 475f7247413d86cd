import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import type { ValueVectorRecord } from '../../stages/aggregate/value-scores.js';
import type { Store } from '../../store/index.js';
import { evaluationIdOf } from '../evaluate/evaluation-id.js';
import { type EvaluateManifest, EvaluateManifestSchema } from '../evaluate/manifest.js';
import { buildObservations, type ModelCounts } from '../evaluate/observations.js';

/** A stored evaluation run, read back as observations ready to re-aggregate on any subset. */
export interface LoadedEvaluation {
  runId: string;
  status: string;
  manifest: EvaluateManifest;
  questions: Question[];
  records: ValueVectorRecord[];
  counts: Map<string, ModelCounts>;
  /** Examinees with at least one scored answer, in manifest order. */
  scoredModels: string[];
}

/** Reads an evaluation run's questions, answers and judgements; a usage error for an unknown or non-evaluation run. */
export function loadEvaluation(store: Store, given: string): LoadedEvaluation {
  // A pipeline run's id means its evaluation stage.
  const { runId } = evaluationIdOf(store, given);
  const run = store.runs.get(runId);
  if (!run) throw new ConfigError(`no run "${runId}" in ${store.path} (adaem runs lists them)`);
  const manifest = EvaluateManifestSchema.safeParse(run.manifest);
  if (!manifest.success) throw new ConfigError(`run "${runId}" is a ${run.kind} run, not an evaluation run`);
  const questions = store.questions.list(runId);
  const { records, counts } = buildObservations({
    questions,
    examinees: manifest.data.examinees,
    valueIds: manifest.data.theory.values.map((value) => value.id),
    responses: store.responses.list(runId),
    judgements: store.judgements
      .list(runId)
      .filter((row) => row.judgeModelId === manifest.data.judge && row.mode === manifest.data.judgeMode),
  });
  return {
    runId,
    status: run.status,
    manifest: manifest.data,
    questions,
    records,
    counts,
    scoredModels: manifest.data.examinees.filter((id) => (counts.get(id)?.scoredAnswers ?? 0) > 0),
  };
}
