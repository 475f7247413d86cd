import { normalQuantile } from './normal.js';

/** log Γ(x) (Lanczos approximation). */
export function logGamma(x: number): number {
  const coefficients = [
    676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = 0.99999999999980993;
  for (const [index, coefficient] of coefficients.entries()) sum += coefficient / (shifted + index + 1);
  const t = shifted + coefficients.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The Wilson score interval of a share `successes / n` (n > 0). */
export function wilsonInterval(successes: number, n: number, level = 0.95): { low: number; high: number } {
  const z = normalQuantile(1 - (1 - level) / 2);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/**
 * The percentile bootstrap 95 % interval of a share `successes / n`, computed exactly: resampling
 * n questions with replacement gives Binomial(n, p̂) / n, so its 2.5 % and 97.5 % quantiles are
 * the interval the Monte Carlo bootstrap converges to — with no sampling noise and no seed.
 */
export function bootstrapShareInterval(
  successes: number,
  n: number,
  level = 0.95,
): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  // At 0/n and n/n every resample repeats the sample, so the bootstrap interval collapses to a
  // point; the Wilson score interval keeps an honest width there.
  if (p === 0 || p === 1) return wilsonInterval(successes, n, level);
  const lowTail = (1 - level) / 2;
  const highTail = 1 - lowTail;
  const logBinomial = logGamma(n + 1);
  let cumulative = 0;
  let low: number | undefined;
  for (let k = 0; k <= n; k++) {
    cumulative += Math.exp(
      logBinomial - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p),
    );
    if (low === undefined && cumulative >= lowTail) low = k / n;
    if (cumulative >= highTail) return { low: low ?? k / n, high: k / n };
  }
  return { low: low ?? 1, high: 1 };
}
