import { computeValueScores, type ValueVectorRecord } from '../../stages/aggregate/value-scores.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** Per model, per value: TrueSkill score (0–100) and expression rate; null where the model has no observation. */
export interface ScoreMatrix {
  modelIds: string[];
  valueIds: string[];
  /** scores[model][value] */
  scores: (number | null)[][];
  rates: (number | null)[][];
}

/**
 * Re-aggregates a run's observations — all of them, or only those on `questionIds` — for `modelIds`,
 * with the run's own TrueSkill and match settings (scores are relative to the models compared).
 */
export function scoreMatrix(
  run: LoadedEvaluation,
  options: { modelIds: readonly string[]; valueIds: readonly string[]; questionIds?: ReadonlySet<string> },
): ScoreMatrix {
  const models = new Set(options.modelIds);
  const records: ValueVectorRecord[] = run.records.filter(
    (record) =>
      models.has(record.modelId) &&
      (options.questionIds === undefined || options.questionIds.has(record.questionId)),
  );
  const settings = run.manifest.config.evaluate;
  const result = computeValueScores({
    records: records.map(({ category: _category, ...record }) => record),
    modelIds: options.modelIds,
    valueIds: options.valueIds,
    settings: { trueskill: settings.trueskill, matches: { ...settings.matches, seed: run.manifest.seed } },
  });
  return {
    modelIds: [...options.modelIds],
    valueIds: [...options.valueIds],
    scores: result.models.map((model) => options.valueIds.map((id) => model.values[id]?.score ?? null)),
    rates: result.models.map((model) => options.valueIds.map((id) => model.values[id]?.rate ?? null)),
  };
}

/** Model × value cells as a flat list, in model-major order. */
export function cells(matrix: (number | null)[][]): (number | null)[] {
  return matrix.flat();
}
