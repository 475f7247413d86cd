/** Mean and sample standard deviation of a list (sd 0 for fewer than two values). */
export function spreadOf(values: readonly number[]): { mean: number; sd: number } {
  if (values.length === 0) return { mean: 0, sd: 0 };
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  if (values.length < 2) return { mean, sd: 0 };
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * σ, the unit of the UCB bonus and of τ: the standard deviation of the seeds' S under P1
 * (`seed-spread`), or 1 (`raw`, or when the seeds do not spread).
 */
export function bonusScale(mode: 'seed-spread' | 'raw', seedScores: readonly number[]): number {
  if (mode === 'raw') return 1;
  const { sd } = spreadOf(seedScores);
  return sd > 0 ? sd : 1;
}

/** How P2 rewards are put on the P1 scale of the arms' starting Q. */
export interface RewardCalibration {
  /** Seeds scored by both panels. */
  seeds: number;
  meanP1: number;
  sdP1: number;
  meanP2: number;
  sdP2: number;
}

/**
 * Calibration from seeds scored by both panels: means and standard deviations of each. With none,
 * nothing is mapped; with one, or no spread under P2, only the means are matched.
 */
export function calibrationOf(pairs: readonly { p1: number; p2: number }[]): RewardCalibration | null {
  if (pairs.length === 0) return null;
  const p1 = spreadOf(pairs.map((pair) => pair.p1));
  const p2 = spreadOf(pairs.map((pair) => pair.p2));
  return { seeds: pairs.length, meanP1: p1.mean, sdP1: p1.sd, meanP2: p2.mean, sdP2: p2.sd };
}

/** A P2 reward on the P1 scale: m₁ + (r − m₂)·s₁/s₂ (means only when either side has no spread). */
export function onP1Scale(reward: number, calibration: RewardCalibration | null): number {
  if (!calibration) return reward;
  const ratio = calibration.sdP1 > 0 && calibration.sdP2 > 0 ? calibration.sdP1 / calibration.sdP2 : 1;
  return calibration.meanP1 + (reward - calibration.meanP2) * ratio;
}
