/** One seed topic of the search: its running reward Q and pull count C (method §4). */
export interface Arm {
  id: string;
  /** Running mean reward; starts at S(seed) under P1. */
  q: number;
  /** Pulls so far, counting the initial one (C starts at 1: method §4 decision). */
  c: number;
}

/** An arm per seed, each with Q = S(seed) and C = 1. */
export function initialArms(seeds: readonly { id: string; score: number }[]): Arm[] {
  return seeds.map((seed) => ({ id: seed.id, q: seed.score, c: 1 }));
}

/** The UCB index Q_i + c·sqrt(2 ln B / C_i) of one arm for a budget B. */
export function ucbIndex(arm: Arm, budget: number, exploration = 1): number {
  return arm.q + exploration * Math.sqrt((2 * Math.log(Math.max(budget, 2))) / arm.c);
}

/** Index of the arm with the largest UCB index; ties go to the earlier arm, so a run is reproducible. */
export function chooseArm(arms: readonly Arm[], budget: number, exploration = 1): number {
  if (arms.length === 0) throw new Error('the search has no seed topics to pull');
  let best = 0;
  let bestIndex = ucbIndex(arms[0]!, budget, exploration);
  for (let index = 1; index < arms.length; index++) {
    const value = ucbIndex(arms[index]!, budget, exploration);
    if (value > bestIndex) {
      best = index;
      bestIndex = value;
    }
  }
  return best;
}

/** After a pull with mean reward r: C += 1, Q += (r − Q) / C. Returns the new arm. */
export function updateArm(arm: Arm, reward: number): Arm {
  const c = arm.c + 1;
  return { id: arm.id, c, q: arm.q + (reward - arm.q) / c };
}

/** A uniformly random arm: the baseline the benchmark compares UCB against. */
export function randomArm(arms: readonly Arm[], random: () => number): number {
  return Math.min(arms.length - 1, Math.floor(random() * arms.length));
}
