import { pearson } from './correlation.js';

/** One model's expression-rate profile, as the findings read it. */
export interface FindingsModel {
  id: string;
  label: string;
  /** Expression rate per value (0–1), in `values` order; null where the model has no observation. */
  rates: (number | null)[];
  /** Half the width of each rate's 95 % interval, in the same order. */
  halfWidths: (number | null)[];
  /** Planted weights per value (sandbox models only), in `values` order. */
  planted?: number[];
}

/** What a run found, in numbers and in sentences a researcher can paste. */
export interface Findings {
  sentences: string[];
  /** Mean Pearson correlation between two models' rate profiles (1 = alike); null with fewer than two profiles. */
  meanPairwise: number | null;
  closest?: { a: string; b: string; r: number };
  farthest?: { a: string; b: string; r: number };
  /** Values ordered by the spread of rates across models (highest minus lowest), widest first. */
  separating: { valueId: string; spread: number; highest: string; lowest: string }[];
  perModel: { id: string; most: string; least: string }[];
  /** Median half-width of the rates' 95 % intervals, in rate points (0–1). */
  medianHalfWidth: number | null;
  questions: number;
  /** Pearson between measured rates and planted weights: pooled over sandbox models, and per model. */
  recovery?: { pooled: number; perModel: Record<string, number> };
}

/** A difference of rates in points of percentage. */
const points = (value: number): string => `${Math.round(value * 100)} points`;

function complete(a: (number | null)[], b: (number | null)[]): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  a.forEach((value, index) => {
    const other = b[index];
    if (value !== null && other !== null && other !== undefined) {
      x.push(value);
      y.push(other);
    }
  });
  return [x, y];
}

function correlationOf(a: (number | null)[], b: (number | null)[]): number | null {
  const [x, y] = complete(a, b);
  if (x.length < 3) return null;
  const r = pearson(x, y);
  return Number.isFinite(r) ? r : null;
}

function pairs(models: readonly FindingsModel[]): { a: string; b: string; r: number }[] {
  const found: { a: string; b: string; r: number }[] = [];
  for (let i = 0; i < models.length; i++)
    for (let j = i + 1; j < models.length; j++) {
      const r = correlationOf(models[i]!.rates, models[j]!.rates);
      if (r !== null) found.push({ a: models[i]!.label, b: models[j]!.label, r });
    }
  return found;
}

function separating(models: readonly FindingsModel[], values: readonly { id: string }[]) {
  return values
    .map((value, index) => {
      const rated = models.filter((model) => model.rates[index] !== null);
      if (rated.length < 2) return undefined;
      const sorted = [...rated].sort((x, y) => y.rates[index]! - x.rates[index]!);
      const spread = sorted[0]!.rates[index]! - sorted.at(-1)!.rates[index]!;
      return { valueId: value.id, spread, highest: sorted[0]!.label, lowest: sorted.at(-1)!.label };
    })
    .filter((entry) => entry !== undefined)
    .sort((x, y) => y.spread - x.spread);
}

function extremes(model: FindingsModel, values: readonly { id: string }[]) {
  const rated = values
    .map((value, index) => ({ id: value.id, rate: model.rates[index] }))
    .filter((v) => v.rate !== null);
  if (rated.length === 0) return undefined;
  const sorted = [...rated].sort((x, y) => y.rate! - x.rate!);
  return { id: model.id, most: sorted[0]!.id, least: sorted.at(-1)!.id };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function recoveryOf(models: readonly FindingsModel[]): Findings['recovery'] {
  const planted = models.filter((model) => model.planted);
  if (planted.length === 0) return undefined;
  const perModel: Record<string, number> = {};
  const pooled: [number[], number[]] = [[], []];
  for (const model of planted) {
    const [x, y] = complete(model.rates, model.planted!);
    pooled[0].push(...x);
    pooled[1].push(...y);
    const r = correlationOf(model.rates, model.planted!);
    if (r !== null) perModel[model.label] = r;
  }
  if (pooled[0].length < 3) return undefined;
  return { pooled: pearson(pooled[0], pooled[1]), perModel };
}

/**
 * The findings of an evaluation, from its expression rates alone: which models are most and least
 * alike, the values that separate them most, each model's most and least expressed value, how sure
 * the rates are, and — for sandbox models — how well the planted profiles were recovered.
 */
export function findFindings(options: {
  models: readonly FindingsModel[];
  values: readonly { id: string; name: string }[];
  questions: number;
}): Findings {
  const { models, values } = options;
  const name = (id: string) => values.find((value) => value.id === id)?.name ?? id;
  const found = pairs(models).sort((x, y) => y.r - x.r);
  const meanPairwise =
    found.length === 0 ? null : found.reduce((sum, pair) => sum + pair.r, 0) / found.length;
  const spread = separating(models, values);
  const perModel = models.map((model) => extremes(model, values)).filter((entry) => entry !== undefined);
  const halfWidths = models.flatMap((model) =>
    model.halfWidths.filter((width): width is number => width !== null),
  );
  const medianHalfWidth = median(halfWidths);
  const recovery = recoveryOf(models);
  const sentences: string[] = [];
  if (found.length > 0) {
    const closest = found[0]!;
    const farthest = found.at(-1)!;
    sentences.push(
      `Across ${models.length} models the value profiles correlate at ${meanPairwise!.toFixed(2)} on average (1 = alike); ${closest.a} and ${closest.b} are the most alike (r = ${closest.r.toFixed(2)}), ${farthest.a} and ${farthest.b} the least (r = ${farthest.r.toFixed(2)}).`,
    );
  }
  const top = spread.slice(0, 3);
  if (top.length > 0)
    sentences.push(
      `The values that separate the models most: ${top.map((entry) => `${name(entry.valueId)} (${entry.highest} ${points(entry.spread)} above ${entry.lowest})`).join('; ')}.`,
    );
  for (const model of perModel) {
    const label = models.find((candidate) => candidate.id === model.id)!.label;
    sentences.push(`${label} expresses ${name(model.most)} most and ${name(model.least)} least.`);
  }
  if (medianHalfWidth !== null)
    sentences.push(
      `Rates rest on ${options.questions} questions; their 95 % intervals are ±${Math.round(medianHalfWidth * 100)} points wide (median)${medianHalfWidth > 0.1 ? `, so differences under about ${Math.round(medianHalfWidth * 200)} points are not clear` : ''}.`,
    );
  const perModelRecovery = Object.values(recovery?.perModel ?? {});
  if (recovery && perModelRecovery.length > 0)
    sentences.push(
      `The sandbox models' planted profiles are recovered at r = ${recovery.pooled.toFixed(2)} (pooled; per model ${Math.min(...perModelRecovery).toFixed(2)}–${Math.max(...perModelRecovery).toFixed(2)}).`,
    );
  return {
    sentences,
    meanPairwise,
    ...(found.length > 0 ? { closest: found[0]!, farthest: found.at(-1)! } : {}),
    separating: spread,
    perModel,
    medianHalfWidth,
    questions: options.questions,
    ...(recovery ? { recovery } : {}),
  };
}
