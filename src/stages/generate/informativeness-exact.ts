/**
 * The "exact" informativeness (method §2, paper App. I): Eq. 1's objective computed from the judge's
 * probabilities instead of binary labels. Each model's value distribution p_i(v|x) is the mean
 * P(yes) of value v over its key points, normalised over the values; the question's own p̂(v|x)
 * likewise from the question text. With one response per model (N = 1) the response likelihoods
 * that weight samples in the paper cancel out, so only the judge needs log-probabilities.
 */
export interface ExactTerms {
  /** Generalised Jensen–Shannon divergence of the models' distributions, uniform weights (nats). */
  gjs: number;
  /** Mean total-variation distance between each model's distribution and the question's. */
  tv: number;
  /** gjs + β·tv. */
  s: number;
}

const EPSILON = 1e-12;

/** Normalises non-negative weights to a distribution; all-zero weights give the uniform distribution. */
export function toDistribution(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, value) => sum + Math.max(0, value), 0);
  if (total <= EPSILON) return weights.map(() => 1 / weights.length);
  return weights.map((value) => Math.max(0, value) / total);
}

function kl(p: readonly number[], q: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < p.length; index++) {
    const pi = p[index]!;
    if (pi > 0) sum += pi * Math.log(pi / Math.max(q[index]!, EPSILON));
  }
  return sum;
}

/** GJS_α with uniform α: Σ (1/K) KL(p_i ‖ p_M), p_M the mean distribution. */
export function generalisedJensenShannon(distributions: readonly (readonly number[])[]): number {
  if (distributions.length < 2) return 0;
  const size = distributions[0]!.length;
  const mixture = Array.from(
    { length: size },
    (_, v) => distributions.reduce((sum, p) => sum + p[v]!, 0) / distributions.length,
  );
  return distributions.reduce((sum, p) => sum + kl(p, mixture), 0) / distributions.length;
}

/** Half the L1 distance between two distributions. */
export function totalVariation(p: readonly number[], q: readonly number[]): number {
  let sum = 0;
  for (let index = 0; index < p.length; index++) sum += Math.abs(p[index]! - q[index]!);
  return sum / 2;
}

/**
 * S_exact from per-point P(yes) vectors (one per key point, values in the theory's order) for each
 * model, and the question's own P(yes) vector; β weighs the disentanglement term (Eq. 1: β = 1).
 */
export function exactInformativeness(
  models: readonly (readonly (readonly number[])[])[],
  question: readonly number[],
  beta = 1,
): ExactTerms {
  const distributions = models.map((points) =>
    toDistribution(
      question.map((_, v) => points.reduce((sum, point) => sum + point[v]!, 0) / Math.max(1, points.length)),
    ),
  );
  const own = toDistribution(question);
  const gjs = generalisedJensenShannon(distributions);
  const tv =
    distributions.length === 0
      ? 0
      : distributions.reduce((sum, p) => sum + totalVariation(own, p), 0) / distributions.length;
  return { gjs, tv, s: gjs + beta * tv };
}
