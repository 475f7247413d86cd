import { fQuantile } from './distributions.js';
import { InsufficientDataError } from './insufficient-data.js';

/** The six Shrout–Fleiss forms: model (1 one-way random, 2 two-way random, 3 two-way mixed), single or average measure. */
export type IccForm = 'ICC(1,1)' | 'ICC(2,1)' | 'ICC(3,1)' | 'ICC(1,k)' | 'ICC(2,k)' | 'ICC(3,k)';

/** One ICC form with its F test and confidence interval. */
export interface IccEstimate {
  form: IccForm;
  value: number;
  /** The F statistic its interval is built on, with its degrees of freedom. */
  f: number;
  df1: number;
  df2: number;
  low: number;
  high: number;
}

/** Mean squares of the two-way layout (targets × raters). */
export interface MeanSquares {
  targets: number;
  raters: number;
  /** Within targets (one-way model). */
  within: number;
  /** Residual of the two-way model. */
  error: number;
  n: number;
  k: number;
}

/** Between-target, between-rater, within-target and residual mean squares of a complete matrix. */
export function meanSquares(ratings: readonly (readonly number[])[]): MeanSquares {
  const n = ratings.length;
  const k = ratings[0]?.length ?? 0;
  if (n < 2 || k < 2)
    throw new InsufficientDataError(`ICC needs at least 2 targets and 2 raters (got ${n} × ${k})`);
  if (ratings.some((row) => row.length !== k || row.some((cell) => !Number.isFinite(cell))))
    throw new InsufficientDataError('ICC needs a complete matrix of finite numbers');
  const grand = ratings.flat().reduce((sum, cell) => sum + cell, 0) / (n * k);
  const rowMeans = ratings.map((row) => row.reduce((sum, cell) => sum + cell, 0) / k);
  const columnMeans = Array.from({ length: k }, (_, j) => ratings.reduce((sum, row) => sum + row[j]!, 0) / n);
  const total = ratings.flat().reduce((sum, cell) => sum + (cell - grand) ** 2, 0);
  const rows = k * rowMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  const columns = n * columnMeans.reduce((sum, mean) => sum + (mean - grand) ** 2, 0);
  if (total === 0) throw new InsufficientDataError('every score is the same: ICC is undefined');
  return {
    targets: rows / (n - 1),
    raters: columns / (k - 1),
    within: (total - rows) / (n * (k - 1)),
    error: Math.max(0, total - rows - columns) / ((n - 1) * (k - 1)),
    n,
    k,
  };
}

/** (F − 1)/(F + k − 1), the single-measure value an F ratio stands for; 1 when F is infinite. */
const single = (f: number, k: number): number => (Number.isFinite(f) ? (f - 1) / (f + k - 1) : 1);
/** 1 − 1/F, the average-measure value an F ratio stands for. */
const average = (f: number): number => 1 - 1 / f;
const toAverage = (value: number, k: number): number => (value * k) / (1 + (k - 1) * value);

function oneOrMixed(
  forms: [IccForm, IccForm],
  between: number,
  residual: number,
  df1: number,
  df2: number,
  k: number,
  alpha: number,
): IccEstimate[] {
  const f = between / residual;
  const fLow = f / fQuantile(1 - alpha / 2, df1, df2);
  const fHigh = f * fQuantile(1 - alpha / 2, df2, df1);
  const common = { f, df1, df2 };
  return [
    {
      form: forms[0],
      value: (between - residual) / (between + (k - 1) * residual),
      ...common,
      low: single(fLow, k),
      high: single(fHigh, k),
    },
    {
      form: forms[1],
      value: (between - residual) / between,
      ...common,
      low: average(fLow),
      high: average(fHigh),
    },
  ];
}

function twoWayRandom(ms: MeanSquares, alpha: number): IccEstimate[] {
  const { targets: bms, raters: jms, error: ems, n, k } = ms;
  const value = (bms - ems) / (bms + (k - 1) * ems + (k * (jms - ems)) / n);
  // Satterthwaite degrees of freedom for the interval of the random-raters form (McGraw & Wong 1996).
  const fj = jms / ems;
  const spread = n * (1 + (k - 1) * value) - k * value;
  // With no residual at all (raters differ only by a constant) F_j is infinite and v tends to k − 1.
  const v =
    ems === 0
      ? k - 1
      : ((k - 1) * (n - 1) * (k * value * fj + spread) ** 2) /
        ((n - 1) * (k * value * fj) ** 2 + spread ** 2);
  const upperF = fQuantile(1 - alpha / 2, n - 1, v);
  const lowerF = fQuantile(1 - alpha / 2, v, n - 1);
  const mixed = k * jms + (k * n - k - n) * ems;
  const low = (n * (bms - upperF * ems)) / (upperF * mixed + n * bms);
  const high = (n * (lowerF * bms - ems)) / (mixed + n * lowerF * bms);
  const common = { f: bms / ems, df1: n - 1, df2: (n - 1) * (k - 1) };
  return [
    { form: 'ICC(2,1)', value, ...common, low, high },
    {
      form: 'ICC(2,k)',
      value: (bms - ems) / (bms + (jms - ems) / n),
      ...common,
      low: toAverage(low, k),
      high: toAverage(high, k),
    },
  ];
}

/**
 * Shrout & Fleiss (1979) intraclass correlations of a targets × raters matrix, all six forms, each
 * with its F-based confidence interval at level 1 − `alpha`.
 */
export function intraclassCorrelations(
  ratings: readonly (readonly number[])[],
  options: { alpha?: number } = {},
): IccEstimate[] {
  const alpha = options.alpha ?? 0.05;
  const ms = meanSquares(ratings);
  const { n, k } = ms;
  if (ms.error === 0) {
    const perfect = (form: IccForm): IccEstimate => ({
      form,
      value: 1,
      f: Number.POSITIVE_INFINITY,
      df1: n - 1,
      df2: (n - 1) * (k - 1),
      low: 1,
      high: 1,
    });
    if (ms.raters === 0) return ICC_FORMS.map(perfect);
  }
  const [icc1, icc1k] = oneOrMixed(
    ['ICC(1,1)', 'ICC(1,k)'],
    ms.targets,
    ms.within,
    n - 1,
    n * (k - 1),
    k,
    alpha,
  );
  const [icc3, icc3k] = oneOrMixed(
    ['ICC(3,1)', 'ICC(3,k)'],
    ms.targets,
    ms.error,
    n - 1,
    (n - 1) * (k - 1),
    k,
    alpha,
  );
  const [icc2, icc2k] = twoWayRandom(ms, alpha);
  return [icc1!, icc2!, icc3!, icc1k!, icc2k!, icc3k!];
}

/** The forms in the order `intraclassCorrelations` returns them. */
export const ICC_FORMS: IccForm[] = ['ICC(1,1)', 'ICC(2,1)', 'ICC(3,1)', 'ICC(1,k)', 'ICC(2,k)', 'ICC(3,k)'];
