import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import { type BootstrapInterval, BootstrapOptionsSchema, bootstrapIntervals } from './bootstrap-interval.js';
import {
  type ConfusionCounts,
  cohensKappa,
  countTexts,
  f1Score,
  judgeBaseRate,
  labelBaseRate,
  precision,
  recall,
  type Statistic,
} from './confusion-counts.js';
import { InsufficientDataError } from './insufficient-data.js';
import { encodeCells, JudgedTextSchema, tallyCells, type ValueCells } from './judge-cells.js';

/** How the judge agrees with the human labels on one value, over the texts where both said something. */
export interface ValueAgreement extends ConfusionCounts {
  valueId: string;
  /** Texts compared: neither unreadable nor unlabelled. */
  compared: number;
  /** Texts the labels marked (true positives + false negatives). */
  support: number;
  /** Texts skipped because the judge left this value unreadable. */
  unreadable: number;
  /** Texts skipped because the labels left this value out; a text missing on both sides counts in both. */
  unlabelled: number;
  precision: Statistic;
  recall: Statistic;
  f1: Statistic;
  /** Cohen's κ between judge and labels. */
  kappa: Statistic;
  /** Share of compared texts the judge marked. */
  judgeBaseRate: Statistic;
  /** Share of compared texts the labels marked. */
  labelBaseRate: Statistic;
  intervals: { precision: BootstrapInterval; recall: BootstrapInterval; f1: BootstrapInterval };
}

/** Agreement of a judge with human value labels: per value, averaged over values, and text by text. */
export interface JudgeAgreement {
  texts: number;
  /** Per value, in the order of `valueIds`. */
  values: Record<string, ValueAgreement>;
  /** Mean F1 over the values whose F1 is defined (`averaged` names them; each resample averages its own). */
  macroF1: { f1: Statistic; averaged: string[]; interval: BootstrapInterval };
  /** F1 of the counts pooled over every value. */
  microF1: Omit<ConfusionCounts, 'trueNegatives'> & { f1: Statistic; interval: BootstrapInterval };
  /** Texts whose judged value set equals the labelled set; texts with any skipped pair are `excluded`. */
  exactMatch: { matched: number; compared: number; excluded: number; share: Statistic };
  /** The resampling behind every interval: texts are resampled, `draws` times, from `seed`. */
  bootstrap: { draws: number; seed: number; level: number };
}

/** The texts, the theory's value ids and the bootstrap settings of `judgeAgreement`. */
export const JudgeAgreementOptionsSchema = BootstrapOptionsSchema.extend({
  texts: z.array(JudgedTextSchema),
  valueIds: z
    .array(z.string())
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, 'value ids must be distinct'),
});
export type JudgeAgreementOptions = z.input<typeof JudgeAgreementOptionsSchema>;

const MACRO_KEY = 'macro-f1';
const MICRO_KEY = 'micro-f1';
const valueKey = (valueId: string, figure: 'precision' | 'recall' | 'f1') => `${valueId}:${figure}`;

function macroF1(perValue: Record<string, ConfusionCounts>): { f1: Statistic; averaged: string[] } {
  const averaged: string[] = [];
  let sum = 0;
  for (const [valueId, counts] of Object.entries(perValue)) {
    const f1 = f1Score(counts).value;
    if (f1 === undefined) continue;
    averaged.push(valueId);
    sum += f1;
  }
  if (averaged.length === 0)
    return { f1: { value: undefined, reason: 'no value has a defined F1' }, averaged };
  return { f1: { value: sum / averaged.length }, averaged };
}

function pooledCounts(perValue: Record<string, ConfusionCounts>): ConfusionCounts {
  const pooled = { truePositives: 0, falsePositives: 0, falseNegatives: 0, trueNegatives: 0 };
  for (const counts of Object.values(perValue)) {
    pooled.truePositives += counts.truePositives;
    pooled.falsePositives += counts.falsePositives;
    pooled.falseNegatives += counts.falseNegatives;
    pooled.trueNegatives += counts.trueNegatives;
  }
  return pooled;
}

function tallyAll(
  cells: Record<string, ValueCells>,
  sample: readonly number[],
): Record<string, ConfusionCounts> {
  const perValue: Record<string, ConfusionCounts> = {};
  for (const [valueId, { codes }] of Object.entries(cells)) perValue[valueId] = tallyCells(codes, sample);
  return perValue;
}

/** The bootstrapped figures of one resample, keyed as `valueKey`, `MACRO_KEY` and `MICRO_KEY`. */
function resampledFigures(cells: Record<string, ValueCells>, sample: readonly number[]) {
  const perValue = tallyAll(cells, sample);
  const figures: Record<string, number | undefined> = {};
  for (const [valueId, counts] of Object.entries(perValue)) {
    figures[valueKey(valueId, 'precision')] = precision(counts).value;
    figures[valueKey(valueId, 'recall')] = recall(counts).value;
    figures[valueKey(valueId, 'f1')] = f1Score(counts).value;
  }
  figures[MACRO_KEY] = macroF1(perValue).f1.value;
  figures[MICRO_KEY] = f1Score(pooledCounts(perValue)).value;
  return figures;
}

function exactMatch(texts: readonly z.infer<typeof JudgedTextSchema>[], valueIds: readonly string[]) {
  let matched = 0;
  let compared = 0;
  for (const { judged, labelled } of texts) {
    if (valueIds.some((id) => judged[id] === undefined || labelled[id] === undefined)) continue;
    compared++;
    if (valueIds.every((id) => judged[id] === labelled[id])) matched++;
  }
  const share: Statistic =
    compared === 0
      ? { value: undefined, reason: 'every text has a skipped value' }
      : { value: matched / compared };
  return { matched, compared, excluded: texts.length - compared, share };
}

function valueAgreement(
  valueId: string,
  counts: ConfusionCounts,
  cells: ValueCells,
  intervalOf: (key: string) => BootstrapInterval,
): ValueAgreement {
  return {
    valueId,
    ...counts,
    compared: countTexts(counts),
    support: counts.truePositives + counts.falseNegatives,
    unreadable: cells.unreadable,
    unlabelled: cells.unlabelled,
    precision: precision(counts),
    recall: recall(counts),
    f1: f1Score(counts),
    kappa: cohensKappa(counts),
    judgeBaseRate: judgeBaseRate(counts),
    labelBaseRate: labelBaseRate(counts),
    intervals: {
      precision: intervalOf(valueKey(valueId, 'precision')),
      recall: intervalOf(valueKey(valueId, 'recall')),
      f1: intervalOf(valueKey(valueId, 'f1')),
    },
  };
}

/**
 * Agreement of a judge's value labels with human labels over N texts: per-value counts, precision,
 * recall, F1, Cohen's κ and base rates; macro- and micro-F1; the exact-match share; and percentile
 * bootstrap intervals (texts resampled) for precision, recall, F1, macro- and micro-F1. A figure
 * that is 0/0 is `value: undefined` with its reason (see `Statistic`); an interval rests only on
 * the resamples where its figure is defined, and a figure of 0 or 1 that every resample repeats gets
 * a zero-width interval. Throws InsufficientDataError with no text, ConfigError on an unknown value id.
 */
export function judgeAgreement(options: JudgeAgreementOptions): JudgeAgreement {
  const parsed = JudgeAgreementOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`judge agreement: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const { texts, valueIds, draws, seed, level } = parsed.data;
  if (texts.length === 0) throw new InsufficientDataError('judge agreement needs at least one text');
  const cells = encodeCells(texts, valueIds);
  const perValue = tallyAll(
    cells,
    texts.map((_, index) => index),
  );
  const intervals = bootstrapIntervals({
    size: texts.length,
    statistics: (sample) => resampledFigures(cells, sample),
    draws,
    seed,
    level,
  });
  const intervalOf = (key: string): BootstrapInterval =>
    intervals[key] ?? { low: undefined, high: undefined, reason: 'not bootstrapped' };
  const values: Record<string, ValueAgreement> = {};
  for (const valueId of valueIds)
    values[valueId] = valueAgreement(valueId, perValue[valueId]!, cells[valueId]!, intervalOf);
  const pooled = pooledCounts(perValue);
  return {
    texts: texts.length,
    values,
    macroF1: { ...macroF1(perValue), interval: intervalOf(MACRO_KEY) },
    microF1: {
      truePositives: pooled.truePositives,
      falsePositives: pooled.falsePositives,
      falseNegatives: pooled.falseNegatives,
      f1: f1Score(pooled),
      interval: intervalOf(MICRO_KEY),
    },
    exactMatch: exactMatch(texts, valueIds),
    bootstrap: { draws, seed, level },
  };
}
