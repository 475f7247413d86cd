import { describe, expect, it } from 'vitest';
import { defaultRating, matchQuality, rateTwoTeams, winProbability } from './trueskill.js';

// Reference numbers: ../shared/docs/validation-data.md (Python trueskill documentation).
describe('TrueSkill', () => {
  it('reproduces the 1 vs 1 reference game and its quality', () => {
    const first = { mu: 25, sigma: 8.333 };
    const second = { mu: 30, sigma: 8.333 };
    expect(matchQuality([first], [second])).toBeCloseTo(0.416, 3);
    const { winners, losers } = rateTwoTeams([first], [second]);
    expect(winners[0]!.mu).toBeCloseTo(30.768, 3);
    expect(winners[0]!.sigma).toBeCloseTo(7.03, 3);
    expect(losers[0]!.mu).toBeCloseTo(24.232, 3);
    expect(losers[0]!.sigma).toBeCloseTo(7.03, 3);
  });

  it('reproduces the one-against-two reference game and its draw quality', () => {
    const [r1, r2, r3] = [defaultRating(), defaultRating(), defaultRating()];
    expect(matchQuality([r1], [r2, r3])).toBeCloseTo(0.135, 3);
    const { winners, losers } = rateTwoTeams([r1], [r2, r3]);
    expect(winners[0]!.mu).toBeCloseTo(33.731, 3);
    expect(winners[0]!.sigma).toBeCloseTo(7.317, 3);
    for (const loser of losers) {
      expect(loser.mu).toBeCloseTo(16.269, 3);
      expect(loser.sigma).toBeCloseTo(7.317, 3);
    }
  });

  it('gives even odds between equal ratings and favours the higher mean', () => {
    expect(winProbability(defaultRating(), defaultRating())).toBeCloseTo(0.5, 6);
    expect(winProbability({ mu: 30, sigma: 2 }, { mu: 20, sigma: 2 })).toBeGreaterThan(0.9);
  });

  it('moves both drawn players towards each other', () => {
    const { winners, losers } = rateTwoTeams([{ mu: 30, sigma: 5 }], [{ mu: 20, sigma: 5 }], { draw: true });
    expect(winners[0]!.mu).toBeLessThan(30);
    expect(losers[0]!.mu).toBeGreaterThan(20);
  });
});
