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
  if (n === 0) return { low: 0, high: 0 };
  const p = successes / n;
  if (p === 0 || p === 1) return { low: p, high: p };
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
