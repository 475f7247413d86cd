/** One seed topic of the search: its running reward Q and pull count C (method §4). */
export interface Arm {
  id: string;
  /** Running mean reward; starts at S(seed) under P1. */
  q: number;
  /** Pulls so far, counting the initial one (C starts at 1: method §4 decision). */
  c: number;
  /** Why the arm is never pulled (its seed could not be scored); absent for a live arm. */
  excluded?: string;
}

/** An arm per seed, each with Q = S(seed) and C = 1; a seed without a score starts excluded, with the reason. */
export function initialArms(seeds: readonly { id: string; score: number | null; reason?: string }[]): Arm[] {
  return seeds.map((seed) =>
    seed.score === null
      ? { id: seed.id, q: 0, c: 1, excluded: seed.reason ?? 'its seed was not scored' }
      : { id: seed.id, q: seed.score, c: 1 },
  );
}

/**
 * The UCB index Q_i + c·σ·sqrt(2 ln B / C_i) of one arm for a budget B, where c is the exploration
 * factor and σ the scale of the rewards (1 for Algorithm 1 as printed; see docs/generate.md).
 */
export function ucbIndex(arm: Arm, budget: number, exploration = 1, scale = 1): number {
  return arm.q + exploration * scale * Math.sqrt((2 * Math.log(Math.max(budget, 2))) / arm.c);
}

/** How the UCB bonus is weighed: the factor c and the reward scale σ. */
export interface BonusSettings {
  /** c. @default 1 */
  exploration?: number;
  /** σ. @default 1 */
  scale?: number;
}

/**
 * Index of the live arm with the largest UCB index; ties go to the earlier arm, so a run is
 * reproducible. Excluded arms are never chosen.
 */
export function chooseArm(arms: readonly Arm[], budget: number, bonus: BonusSettings = {}): number {
  let best = -1;
  let bestIndex = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < arms.length; index++) {
    const arm = arms[index]!;
    if (arm.excluded !== undefined) continue;
    const value = ucbIndex(arm, budget, bonus.exploration, bonus.scale);
    if (value > bestIndex) {
      best = index;
      bestIndex = value;
    }
  }
  if (best < 0) throw new Error('the search has no seed topic that could be scored');
  return best;
}

/** After a pull with mean reward r: C += 1, Q += (r − Q) / C. Returns the new arm. */
export function updateArm(arm: Arm, reward: number): Arm {
  const c = arm.c + 1;
  return { id: arm.id, c, q: arm.q + (reward - arm.q) / c };
}

/** A uniformly random live arm: the baseline the benchmark compares UCB against. */
export function randomArm(arms: readonly Arm[], random: () => number): number {
  const live = arms.flatMap((arm, index) => (arm.excluded === undefined ? [index] : []));
  if (live.length === 0) throw new Error('the search has no seed topic that could be scored');
  return live[Math.min(live.length - 1, Math.floor(random() * live.length))]!;
}
