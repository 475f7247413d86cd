import { bootstrapShareInterval } from './binomial-interval.js';
import { defaultRating, type Rating, rateTwoTeams, winProbability } from './trueskill.js';

/** The values one model expressed on one question (OR over its key points and samples). */
export interface ValueVectorRecord {
  questionId: string;
  modelId: string;
  category?: string;
  values: Record<string, boolean>;
}

/** A model's standing on one value. */
export interface ValueScore {
  /** Mean TrueSkill win probability against the other models × 100. */
  score: number;
  mu: number;
  sigma: number;
  /** Share of the model's scored questions on which it expressed the value. */
  rate: number;
  rateLow: number;
  rateHigh: number;
  expressed: number;
  questions: number;
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

function scoreSet(
  records: readonly ValueVectorRecord[],
  modelIds: readonly string[],
  valueIds: readonly string[],
): ModelValueScores[] {
  const ratings = new Map<string, Rating>();
  const key = (modelId: string, valueId: string): string => `${modelId}\u0000${valueId}`;
  for (const modelId of modelIds)
    for (const valueId of valueIds) ratings.set(key(modelId, valueId), defaultRating());
  const expressed = new Map<string, number>();
  const questions = new Map<string, number>();
  const byQuestion = new Map<string, ValueVectorRecord[]>();
  for (const record of records) {
    let group = byQuestion.get(record.questionId);
    if (!group) {
      group = [];
      byQuestion.set(record.questionId, group);
    }
    group.push(record);
    questions.set(record.modelId, (questions.get(record.modelId) ?? 0) + 1);
    for (const valueId of valueIds) {
      if (record.values[valueId])
        expressed.set(key(record.modelId, valueId), (expressed.get(key(record.modelId, valueId)) ?? 0) + 1);
    }
  }
  for (const group of byQuestion.values()) {
    if (group.length < 2) continue;
    for (const valueId of valueIds) {
      const winners = group.filter((record) => record.values[valueId]).map((record) => record.modelId);
      if (winners.length === 0 || winners.length === group.length) continue;
      const losers = group.filter((record) => !record.values[valueId]).map((record) => record.modelId);
      const updated = rateTwoTeams(
        winners.map((id) => ratings.get(key(id, valueId))!),
        losers.map((id) => ratings.get(key(id, valueId))!),
      );
      for (const [index, id] of winners.entries()) ratings.set(key(id, valueId), updated.winners[index]!);
      for (const [index, id] of losers.entries()) ratings.set(key(id, valueId), updated.losers[index]!);
    }
  }
  return modelIds.map((modelId) => {
    const values: Record<string, ValueScore> = {};
    for (const valueId of valueIds) {
      const rating = ratings.get(key(modelId, valueId))!;
      const others = modelIds.filter((other) => other !== modelId);
      const score =
        others.length === 0
          ? 50
          : (100 *
              others.reduce(
                (sum, other) => sum + winProbability(rating, ratings.get(key(other, valueId))!),
                0,
              )) /
            others.length;
      const count = expressed.get(key(modelId, valueId)) ?? 0;
      const total = questions.get(modelId) ?? 0;
      const interval = bootstrapShareInterval(count, total);
      values[valueId] = {
        score,
        mu: rating.mu,
        sigma: rating.sigma,
        rate: total === 0 ? 0 : count / total,
        rateLow: interval.low,
        rateHigh: interval.high,
        expressed: count,
        questions: total,
      };
    }
    return { modelId, values };
  });
}

/**
 * TrueSkill per (model, value) — on every question, the models that expressed the value beat those
 * that did not; unanimous questions are skipped — plus expression rates with bootstrap 95 % intervals,
 * overall and per question category. Records are used in the order given (deterministic).
 */
export function computeValueScores(options: {
  records: readonly ValueVectorRecord[];
  modelIds: readonly string[];
  valueIds: readonly string[];
}): ValueScoresResult {
  const categories = new Map<string, ValueVectorRecord[]>();
  for (const record of options.records) {
    if (record.category === undefined) continue;
    let list = categories.get(record.category);
    if (!list) {
      list = [];
      categories.set(record.category, list);
    }
    list.push(record);
  }
  return {
    models: scoreSet(options.records, options.modelIds, options.valueIds),
    categories: [...categories.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, records]) => ({
        category,
        models: scoreSet(records, options.modelIds, options.valueIds),
      })),
  };
}
