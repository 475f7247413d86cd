import { mean, sampleStandardDeviation } from 'simple-statistics';
import { studentTQuantile, studentTTwoSidedP } from './distributions.js';

/** A paired t-test (after − before) with Cohen's d_z, or the reason it cannot be computed. */
export type PairedTest =
  | {
      n: number;
      meanDifference: number;
      /** Interval of the mean difference at level 1 − alpha. */
      low: number;
      high: number;
      t: number;
      df: number;
      p: number;
      /** Cohen's d_z: mean difference over the standard deviation of the differences. */
      effectSize: number;
    }
  | { n: number; meanDifference: number | null; reason: string };

/** Paired t-test of `after` against `before` (two-sided), its interval and Cohen's d_z. */
export function pairedTTest(
  before: readonly number[],
  after: readonly number[],
  options: { alpha?: number } = {},
): PairedTest {
  if (before.length !== after.length) throw new Error('pairedTTest needs two series of the same length');
  const n = before.length;
  if (n < 2) return { n, meanDifference: null, reason: `needs at least 2 pairs (got ${n})` };
  const differences = after.map((value, index) => value - before[index]!);
  const meanDifference = mean(differences);
  const sd = sampleStandardDeviation(differences);
  if (sd === 0)
    return {
      n,
      meanDifference,
      reason:
        meanDifference === 0
          ? 'every pair is unchanged'
          : 'the same change on every question: no spread to test against',
    };
  const se = sd / Math.sqrt(n);
  const t = meanDifference / se;
  const df = n - 1;
  const half = studentTQuantile(1 - (options.alpha ?? 0.05) / 2, df) * se;
  return {
    n,
    meanDifference,
    low: meanDifference - half,
    high: meanDifference + half,
    t,
    df,
    p: studentTTwoSidedP(t, df),
    effectSize: meanDifference / sd,
  };
}
