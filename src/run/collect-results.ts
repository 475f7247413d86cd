import {
  computeValueScores,
  type ModelValueScores,
  type ValueScore,
  type ValueVectorRecord,
} from '../stages/aggregate/value-scores.js';
import type { CallSummaryRow, Store } from '../store/index.js';
import type { EvaluateManifest } from './manifest.js';

/** One model's standing on one value: TrueSkill score (relative to the compared set), μ, σ, expression rate and its interval. */
export type ValueResult = ValueScore & { valueId: string };

/** What happened to a model's answers: kept, refused, unparseable, failed, judged. */
export interface ModelCounts {
  opinions: number;
  ok: number;
  refusals: number;
  unparseable: number;
  errors: number;
  judgements: number;
  unscored: number;
  judgeErrors: number;
  /** Questions with at least one judged key point: the ones that count in the scores. */
  scoredQuestions: number;
}

export interface ModelResult {
  modelId: string;
  label: string;
  counts: ModelCounts;
  values: ValueResult[];
}

/** The typed result of an evaluation run. */
export interface EvaluateResults {
  runId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  stoppedBy?: 'budget' | 'errors';
  theory: { id: string; name: string; values: { id: string; name: string }[] };
  judge: string;
  judgeMode: EvaluateManifest['judgeMode'];
  samples: number;
  questions: number;
  models: ModelResult[];
  categories: { category: string; models: { modelId: string; values: ValueResult[] }[] }[];
  /** Failed calls (provider errors) over attempted calls. */
  errorRate: number;
  /** Calls, cache hits, errors, tokens and cost per model and role, over every attempt of the run. */
  usage: { byModel: CallSummaryRow[]; total: Omit<CallSummaryRow, 'providerId' | 'role'> };
}

function emptyCounts(): ModelCounts {
  return {
    opinions: 0,
    ok: 0,
    refusals: 0,
    unparseable: 0,
    errors: 0,
    judgements: 0,
    unscored: 0,
    judgeErrors: 0,
    scoredQuestions: 0,
  };
}

function summariseUsage(byModel: CallSummaryRow[]): EvaluateResults['usage'] {
  const total = { calls: 0, cached: 0, errors: 0, attempts: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const row of byModel) {
    total.calls += row.calls;
    total.cached += row.cached;
    total.errors += row.errors;
    total.attempts += row.attempts;
    total.inputTokens += row.inputTokens;
    total.outputTokens += row.outputTokens;
    total.costUsd += row.costUsd;
  }
  return { byModel, total };
}

/** Reads a run's responses and judgements from the store and aggregates them into results. */
export function collectResults(options: {
  store: Store;
  runId: string;
  manifest: EvaluateManifest;
}): EvaluateResults {
  const { store, runId, manifest } = options;
  const valueIds = manifest.theory.values.map((value) => value.id);
  const counts = new Map(manifest.examinees.map((id) => [id, emptyCounts()]));
  const questions = store.questions.list(runId);

  for (const row of store.responses.list(runId)) {
    const modelCounts = counts.get(row.modelId);
    if (!modelCounts) continue;
    modelCounts.opinions++;
    const status = row.outcome.status;
    if (status === 'ok') modelCounts.ok++;
    else if (status === 'refusal') modelCounts.refusals++;
    else if (status === 'unparseable') modelCounts.unparseable++;
    else modelCounts.errors++;
  }

  // OR over every judged key point of every sample: one value vector per (question, model).
  const vectors = new Map<string, Record<string, boolean>>();
  for (const row of store.judgements.list(runId)) {
    if (row.judgeModelId !== manifest.judge || row.mode !== manifest.judgeMode) continue;
    const modelCounts = counts.get(row.modelId);
    if (!modelCounts) continue;
    modelCounts.judgements++;
    if (row.outcome.status === 'unscored') modelCounts.unscored++;
    if (row.outcome.status === 'error') modelCounts.judgeErrors++;
    if (row.outcome.status !== 'ok') continue;
    const key = `${row.questionId}\u0000${row.modelId}`;
    let vector = vectors.get(key);
    if (!vector) {
      vector = Object.fromEntries(valueIds.map((id) => [id, false]));
      vectors.set(key, vector);
    }
    for (const id of valueIds) if (row.outcome.values[id]) vector[id] = true;
  }

  const records: ValueVectorRecord[] = [];
  for (const question of questions) {
    for (const modelId of manifest.examinees) {
      const values = vectors.get(`${question.id}\u0000${modelId}`);
      if (!values) continue;
      counts.get(modelId)!.scoredQuestions++;
      records.push({ questionId: question.id, modelId, category: question.category, values });
    }
  }

  const scores = computeValueScores({
    records,
    modelIds: manifest.examinees,
    valueIds,
  });
  const labels = new Map(manifest.config.models.map((model) => [model.id, model.label ?? model.id]));
  const toResults = (perModel: ModelValueScores): ValueResult[] =>
    valueIds.map((valueId) => ({ valueId, ...perModel.values[valueId]! }));

  let attempts = 0;
  let failures = 0;
  for (const modelCounts of counts.values()) {
    attempts += modelCounts.opinions + modelCounts.judgements;
    failures += modelCounts.errors + modelCounts.judgeErrors;
  }
  return {
    runId,
    status: store.runs.get(runId)?.status ?? 'running',
    theory: {
      id: manifest.theory.id,
      name: manifest.theory.name,
      values: manifest.theory.values.map((value) => ({ id: value.id, name: value.name })),
    },
    judge: manifest.judge,
    judgeMode: manifest.judgeMode,
    samples: manifest.samples,
    questions: questions.length,
    models: scores.models.map((perModel) => ({
      modelId: perModel.modelId,
      label: labels.get(perModel.modelId) ?? perModel.modelId,
      counts: counts.get(perModel.modelId) ?? emptyCounts(),
      values: toResults(perModel),
    })),
    categories: scores.categories.map((category) => ({
      category: category.category,
      models: category.models.map((perModel) => ({ modelId: perModel.modelId, values: toResults(perModel) })),
    })),
    errorRate: attempts === 0 ? 0 : failures / attempts,
    usage: summariseUsage(store.calls.summary(runId)),
  };
}
