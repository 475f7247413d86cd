import { pearson, spearman } from './correlation.js';
import { normalQuantile } from './distributions.js';

/** A correlation with its confidence interval, or the reason it has none. */
export type CorrelationEstimate =
  | { method: 'pearson' | 'spearman'; n: number; r: number; low: number; high: number }
  | { method: 'pearson' | 'spearman'; n: number; r: null; reason: string };

/**
 * Pearson or Spearman correlation with a Fisher-z confidence interval at level 1 − `alpha`. The
 * standard error of z is 1/√(n−3) for Pearson and √(1.06/(n−3)) for Spearman (Fieller, Hartley &
 * Pearson 1957). Constant series or fewer than 4 pairs give a reason instead of a number.
 */
export function correlate(
  x: readonly number[],
  y: readonly number[],
  options: { method: 'pearson' | 'spearman'; alpha?: number },
): CorrelationEstimate {
  const { method } = options;
  const n = x.length;
  if (n !== y.length) throw new Error('correlate needs two series of the same length');
  if (n < 4) return { method, n, r: null, reason: `needs at least 4 pairs (got ${n})` };
  const constant = (series: readonly number[]) => series.every((value) => value === series[0]);
  if (constant(x) || constant(y)) return { method, n, r: null, reason: 'one side has zero variance' };
  const r = method === 'pearson' ? pearson(x, y) : spearman(x, y);
  if (Math.abs(r) >= 1) return { method, n, r: Math.sign(r), low: Math.sign(r), high: Math.sign(r) };
  const z = Math.atanh(r);
  const se = Math.sqrt((method === 'pearson' ? 1 : 1.06) / (n - 3));
  const q = normalQuantile(1 - (options.alpha ?? 0.05) / 2);
  return { method, n, r, low: Math.tanh(z - q * se), high: Math.tanh(z + q * se) };
}
