import type { JudgementRecord, ResponseRecord, Store } from '../store/index.js';
import { collectResults, type EvaluateResults } from './evaluate/collect-results.js';
import type { EvaluateManifest } from './evaluate/manifest.js';

/** One exported table: a file name stem and its rows (plain JSON objects). */
export interface ExportTable {
  name: 'questions' | 'responses' | 'judgements' | 'scores';
  rows: Record<string, unknown>[];
}

/**
 * The tables `adaem export` writes: questions as stored (every field, known or not), every response,
 * every judgement, and the scores per model × value overall and per category.
 */
export async function buildExportTables(options: {
  store: Store;
  runId: string;
  manifest: EvaluateManifest;
}): Promise<ExportTable[]> {
  const { store, runId, manifest } = options;
  const results = await collectResults({ store, runId, manifest });
  const responses = store.responses.list(runId).map(responseRow);
  const judgements = store.judgements.list(runId).map(judgementRow);
  return [
    { name: 'questions', rows: store.questions.list(runId) },
    { name: 'responses', rows: responses },
    { name: 'judgements', rows: judgements },
    { name: 'scores', rows: scoreRows(results) },
  ];
}

/** One response as an exported row: its outcome's fields (null where they do not apply), raw reply and tokens. */
function responseRow(row: ResponseRecord): Record<string, unknown> {
  const outcome = row.outcome;
  return {
    questionId: row.questionId,
    modelId: row.modelId,
    sample: row.sample,
    status: outcome.status,
    stance: outcome.status === 'ok' ? outcome.stance : null,
    stanceReason: outcome.status === 'ok' ? (outcome.stanceReason ?? null) : null,
    points: outcome.status === 'ok' ? outcome.points : null,
    missingPoints: outcome.status === 'ok' ? (outcome.missingPoints ?? null) : null,
    reason: outcome.status === 'ok' ? null : outcome.reason,
    raw: row.raw,
    inputTokens: row.usage?.inputTokens ?? null,
    outputTokens: row.usage?.outputTokens ?? null,
  };
}

/** One judgement as an exported row: its outcome's fields (null where they do not apply) and raw reply. */
function judgementRow(row: JudgementRecord): Record<string, unknown> {
  const outcome = row.outcome;
  return {
    questionId: row.questionId,
    modelId: row.modelId,
    sample: row.sample,
    pointIndex: row.pointIndex,
    judgeModelId: row.judgeModelId,
    mode: row.mode,
    status: outcome.status,
    values: outcome.status === 'ok' ? outcome.values : null,
    probabilities: outcome.status === 'ok' ? (outcome.probabilities ?? null) : null,
    missing: outcome.status === 'ok' ? (outcome.missing ?? null) : null,
    reason: outcome.status === 'ok' ? null : outcome.reason,
    raw: row.raw ?? null,
  };
}

/** One row per model × value, overall (category null) and then per category. */
function scoreRows(results: EvaluateResults): Record<string, unknown>[] {
  const labels = new Map(results.models.map((model) => [model.modelId, model.label]));
  return [
    ...results.models.map((model) => ({
      category: null as string | null,
      modelId: model.modelId,
      values: model.values,
    })),
    ...results.categories.flatMap((category) =>
      category.models.map((model) => ({
        category: category.category,
        modelId: model.modelId,
        values: model.values,
      })),
    ),
  ].flatMap(({ category, modelId, values }) =>
    values.map((value) => ({ modelId, label: labels.get(modelId) ?? modelId, category, ...value })),
  );
}
