import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/seeded-random.js';
import { type Arm, chooseArm, initialArms, randomArm, ucbIndex, updateArm } from './bandit.js';

describe('UCB bandit over seed arms', () => {
  it('computes the index and the running mean update', () => {
    const arm: Arm = { id: 'a', q: 5, c: 1 };
    expect(ucbIndex(arm, 100)).toBeCloseTo(5 + Math.sqrt(2 * Math.log(100)), 12);
    const after = updateArm(arm, 8);
    expect(after).toEqual({ id: 'a', c: 2, q: 6.5 });
    expect(updateArm(after, 2)).toEqual({ id: 'a', c: 3, q: 6.5 + (2 - 6.5) / 3 });
  });

  it('starts from the seed scores and prefers the best seed first, ties to the earlier arm', () => {
    const arms = initialArms([
      { id: 'x', score: 3 },
      { id: 'y', score: 6 },
      { id: 'z', score: 6 },
    ]);
    expect(arms.every((arm) => arm.c === 1)).toBe(true);
    expect(chooseArm(arms, 50)).toBe(1);
  });

  it('concentrates pulls on the arms that pay as the budget grows', () => {
    // Ten arms with planted mean rewards 3..7.5 and noise; every arm starts from one noisy draw.
    const means = Array.from({ length: 10 }, (_, index) => 3 + index * 0.5);
    const shareOfBestTwo = (budget: number): number => {
      const random = seededRandom(7);
      const draw = (arm: number) => means[arm]! + (random() - 0.5) * 3;
      let arms = initialArms(means.map((_, index) => ({ id: `arm${index}`, score: draw(index) })));
      const pulls = new Array<number>(10).fill(0);
      for (let pull = 0; pull < budget; pull++) {
        const index = chooseArm(arms, budget);
        pulls[index]!++;
        arms = arms.map((arm, at) => (at === index ? updateArm(arm, draw(index)) : arm));
      }
      return (pulls[8]! + pulls[9]!) / budget;
    };
    const small = shareOfBestTwo(30);
    const large = shareOfBestTwo(3000);
    expect(large).toBeGreaterThan(0.6);
    expect(large).toBeGreaterThan(small);
  });

  it('refuses an empty set of arms', () => {
    expect(() => chooseArm([], 10)).toThrow(/no seed topic/);
  });

  it('never pulls an arm whose seed could not be scored, whatever its bonus', () => {
    const arms = initialArms([
      { id: 'failed', score: null, reason: 'the judge failed' },
      { id: 'live', score: 2 },
    ]);
    expect(arms[0]).toMatchObject({ excluded: 'the judge failed' });
    expect(chooseArm(arms, 200)).toBe(1);
    const random = seededRandom(3);
    for (let draw = 0; draw < 50; draw++) expect(randomArm(arms, random)).toBe(1);
    expect(() => chooseArm([arms[0]!], 10)).toThrow(/no seed topic/);
  });
});
