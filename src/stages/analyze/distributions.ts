import jStat from 'jstat';

/** Quantile of the F distribution with `df1`, `df2` degrees of freedom (jstat). */
export function fQuantile(p: number, df1: number, df2: number): number {
  return jStat.centralF.inv(p, df1, df2);
}

/** Quantile of Student's t distribution (jstat). */
export function studentTQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** Two-sided p-value of a t statistic (jstat). */
export function studentTTwoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * (1 - jStat.studentt.cdf(Math.abs(t), df)));
}

/** Quantile of the standard normal distribution (jstat; simple-statistics' probit is only good to 3 digits). */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}
