import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { chooseArm, initialArms, updateArm } from './bandit.js';
import { bonusScale, calibrationOf, onP1Scale, spreadOf } from './reward-scale.js';

/**
 * A simulated search: `arms` topics with planted mean S on a given scale; a seed score under P1 is one
 * noisy draw, a pull's reward one noisy draw under P2 (`offset` from P1). Returns pulls per arm.
 */
function simulate(options: {
  arms: number;
  budget: number;
  low: number;
  high: number;
  offset?: number;
  scaled: boolean;
  calibrated?: boolean;
}) {
  const random = seededRandom(11);
  const span = options.high - options.low;
  const means = Array.from({ length: options.arms }, () => options.low + random() * span);
  const draw = (arm: number, offset = 0) => means[arm]! + offset + (random() - 0.5) * span * 0.3;
  const seedScores = means.map((_, arm) => draw(arm));
  let arms = initialArms(seedScores.map((score, index) => ({ id: `a${index}`, score })));
  const scale = bonusScale(options.scaled ? 'seed-spread' : 'raw', seedScores);
  const calibration = options.calibrated
    ? calibrationOf(seedScores.slice(0, 20).map((p1, arm) => ({ p1, p2: draw(arm, options.offset) })))
    : null;
  const pulls = new Array<number>(options.arms).fill(0);
  for (let pull = 0; pull < options.budget; pull++) {
    const index = chooseArm(arms, options.budget, { scale });
    pulls[index]!++;
    const reward = onP1Scale(draw(index, options.offset), calibration);
    arms = arms.map((arm, at) => (at === index ? updateArm(arm, reward) : arm));
  }
  const best = means
    .map((mean, arm) => ({ mean, arm }))
    .sort((a, b) => b.mean - a.mean)
    .slice(0, Math.ceil(options.arms / 10))
    .map((entry) => entry.arm);
  return {
    once: pulls.filter((count) => count === 1).length,
    bestShare: best.reduce((sum, arm) => sum + pulls[arm]!, 0) / options.budget,
    maxPulls: Math.max(...pulls),
  };
}

describe('the scale of the UCB bonus', () => {
  it('gives the sample standard deviation and a P1-scale mapping of P2 rewards', () => {
    expect(spreadOf([1, 2, 3, 4])).toEqual({ mean: 2.5, sd: Math.sqrt(5 / 3) });
    expect(bonusScale('raw', [1, 5])).toBe(1);
    expect(bonusScale('seed-spread', [3, 3])).toBe(1);
    const calibration = calibrationOf([
      { p1: 4, p2: 3 },
      { p1: 6, p2: 4 },
    ])!;
    // P2 reads lower and half as spread: its mean maps to P1's, one P2 sd to one P1 sd.
    expect(onP1Scale(3.5, calibration)).toBeCloseTo(5, 12);
    expect(onP1Scale(3.5 + Math.SQRT1_2, calibration)).toBeCloseTo(5 + Math.SQRT2, 12);
    expect(onP1Scale(7, null)).toBe(7);
  });

  it('keeps UCB learning on a score of range 0–2 (the exact S), where the raw bonus deals one pull per arm', () => {
    // The paper's shape: 1,535 arms, B = 1,500; the raw bonus (about 3.8 at C = 1) dwarfs the score.
    const setting = { arms: 1535, budget: 1500, low: 0, high: 2 };
    const raw = simulate({ ...setting, scaled: false });
    const scaled = simulate({ ...setting, scaled: true });
    expect(scaled.once).toBeLessThan(0.75 * raw.once);
    expect(scaled.bestShare).toBeGreaterThan(1.4 * raw.bestShare);
    expect(scaled.maxPulls).toBeGreaterThan(raw.maxPulls);
  });

  it('behaves alike whatever the scale of S: the same pulls for a score times 10', () => {
    const small = simulate({ arms: 200, budget: 600, low: 0, high: 2, scaled: true });
    const large = simulate({ arms: 200, budget: 600, low: 0, high: 20, scaled: true });
    expect(large).toEqual(small);
  });

  it('puts P2 rewards that read a point lower or higher than P1 on the arms’ scale', () => {
    const setting = { arms: 300, budget: 1000, low: 4, high: 8, scaled: true };
    const aligned = simulate({ ...setting, offset: 0 });
    for (const offset of [-1, 1]) {
      // Uncalibrated, a lower P2 drags every pulled arm below the untried ones (the budget spreads);
      // a higher one lifts it above them (the budget piles up).
      const raw = simulate({ ...setting, offset });
      const calibrated = simulate({ ...setting, offset, calibrated: true });
      expect(Math.abs(raw.bestShare - aligned.bestShare)).toBeGreaterThan(0.08);
      expect(Math.abs(calibrated.bestShare - aligned.bestShare)).toBeLessThan(0.03);
      expect(Math.abs(calibrated.once - aligned.once)).toBeLessThan(0.1 * aligned.once);
    }
  });
});
