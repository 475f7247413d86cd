import { finishSteps, type Steps } from '../../core/steps.js';
import { bootstrapShareInterval } from './binomial-interval.js';
import { DEFAULT_TRUESKILL, type TrueSkillSettings } from './trueskill.js';
import { type MatchPolicy, rateMatchesSteps, type ValueMatch } from './trueskill-matches.js';

/** The values one complete answer expressed (OR over its key points): one observation. */
export interface ValueVectorRecord {
  questionId: string;
  /** Sample index: every (question, sample) is its own match. @default 0 */
  sample?: number;
  modelId: string;
  category?: string;
  /** Value id → expressed; a value left out had no valid label and does not count for that value. */
  values: Record<string, boolean>;
}

/** A model's standing on one value; `score` and `rate` are null when the model has no observation of it. */
export interface ValueScore {
  /** Mean TrueSkill win probability against the other models × 100, averaged over match orders. */
  score: number | null;
  /** The score's uncertainty: its standard deviation over shuffled match orders (0 for one pass). */
  scoreSpread: number;
  mu: number;
  sigma: number;
  /** Share of the model's observations (question × sample answers) that expressed the value. */
  rate: number | null;
  rateLow: number;
  rateHigh: number;
  expressed: number;
  observations: number;
}

export interface ModelValueScores {
  modelId: string;
  values: Record<string, ValueScore>;
}

/** Scores overall and per question category. */
export interface ValueScoresResult {
  models: ModelValueScores[];
  categories: { category: string; models: ModelValueScores[] }[];
}

/** How the TrueSkill part is computed. */
export interface ScoreSettings {
  trueskill: TrueSkillSettings;
  matches: MatchPolicy;
}

const DEFAULT_SETTINGS: ScoreSettings = {
  trueskill: { ...DEFAULT_TRUESKILL, tau: 0 },
  matches: { format: 'pairs', order: 'shuffled', orders: 16, seed: 42 },
};

/** Matches of one value: per (question, sample), labelled models split into expressed / not; unanimous skipped. */
export function formMatches(records: readonly ValueVectorRecord[], valueId: string): ValueMatch[] {
  const groups = new Map<string, ValueVectorRecord[]>();
  for (const record of records) {
    const key = `${record.questionId}\u0000${record.sample ?? 0}`;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const matches: ValueMatch[] = [];
  for (const group of groups.values()) {
    const labelled = group.filter((record) => record.values[valueId] !== undefined);
    const winners = labelled.filter((record) => record.values[valueId]).map((record) => record.modelId);
    const losers = labelled.filter((record) => !record.values[valueId]).map((record) => record.modelId);
    if (winners.length > 0 && losers.length > 0) matches.push({ winners, losers });
  }
  return matches;
}

/** Models that answered some (question, sample) beside another model, both labelled on the value. */
function comparedModels(records: readonly ValueVectorRecord[], valueId: string): Set<string> {
  const byAnswer = new Map<string, string[]>();
  for (const record of records) {
    if (record.values[valueId] === undefined) continue;
    const key = `${record.questionId}\u0000${record.sample ?? 0}`;
    const models = byAnswer.get(key);
    if (models) models.push(record.modelId);
    else byAnswer.set(key, [record.modelId]);
  }
  const compared = new Set<string>();
  for (const models of byAnswer.values())
    if (new Set(models).size > 1) for (const id of models) compared.add(id);
  return compared;
}

function* scoreSet(
  records: readonly ValueVectorRecord[],
  modelIds: readonly string[],
  valueIds: readonly string[],
  settings: ScoreSettings,
): Steps<ModelValueScores[]> {
  const perModel = new Map<string, Record<string, ValueScore>>(modelIds.map((id) => [id, {}]));
  for (const valueId of valueIds) {
    const expressed = new Map<string, number>();
    const observed = new Map<string, number>();
    for (const record of records) {
      const label = record.values[valueId];
      if (label === undefined) continue;
      observed.set(record.modelId, (observed.get(record.modelId) ?? 0) + 1);
      if (label) expressed.set(record.modelId, (expressed.get(record.modelId) ?? 0) + 1);
    }
    // Only models with at least one observation of the value are compared.
    const compared = modelIds.filter((id) => (observed.get(id) ?? 0) > 0);
    const matches = formMatches(records, valueId);
    yield;
    const standings = yield* rateMatchesSteps({
      matches,
      modelIds: compared,
      policy: settings.matches,
      settings: settings.trueskill,
    });
    // A model never set beside another on one question has no score: 50 would be a default, not
    // evidence (models compared and always unanimous are tied at 50, which is evidence).
    const played = comparedModels(records, valueId);
    for (const modelId of modelIds) {
      const standing = played.has(modelId) ? standings.get(modelId) : undefined;
      const count = expressed.get(modelId) ?? 0;
      const total = observed.get(modelId) ?? 0;
      const interval = bootstrapShareInterval(count, total);
      perModel.get(modelId)![valueId] = {
        score: standing?.score ?? null,
        scoreSpread: standing?.scoreSpread ?? 0,
        mu: standing?.mu ?? settings.trueskill.mu,
        sigma: standing?.sigma ?? settings.trueskill.sigma,
        rate: total === 0 ? null : count / total,
        rateLow: interval.low,
        rateHigh: interval.high,
        expressed: count,
        observations: total,
      };
    }
  }
  return modelIds.map((modelId) => ({ modelId, values: perModel.get(modelId)! }));
}

/**
 * TrueSkill per (model, value) — in every (question, sample) match, the models that expressed the
 * value beat those that did not; unanimous matches are skipped; by default averaged over seeded
 * shuffles of the match order — plus expression rates with 95 % intervals, overall and per category.
 */
export function computeValueScores(options: ValueScoresOptions): ValueScoresResult {
  return finishSteps(computeValueScoresSteps(options));
}

export interface ValueScoresOptions {
  records: readonly ValueVectorRecord[];
  modelIds: readonly string[];
  valueIds: readonly string[];
  settings?: Partial<ScoreSettings>;
}

/** `computeValueScores` as steps that pause every few matches (see core/steps.ts); the same numbers. */
export function* computeValueScoresSteps(options: ValueScoresOptions): Steps<ValueScoresResult> {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const categories = new Map<string, ValueVectorRecord[]>();
  for (const record of options.records) {
    if (record.category === undefined) continue;
    const list = categories.get(record.category);
    if (list) list.push(record);
    else categories.set(record.category, [record]);
  }
  const models = yield* scoreSet(options.records, options.modelIds, options.valueIds, settings);
  const perCategory: ValueScoresResult['categories'] = [];
  for (const [category, records] of [...categories.entries()].sort(([a], [b]) => a.localeCompare(b)))
    perCategory.push({
      category,
      models: yield* scoreSet(records, options.modelIds, options.valueIds, settings),
    });
  return { models, categories: perCategory };
}
