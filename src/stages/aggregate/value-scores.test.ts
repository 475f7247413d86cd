import { describe, expect, it } from 'vitest';
import { rateOneOnOne } from './trueskill.js';
import { rateMatches } from './trueskill-matches.js';
import { computeValueScores, formMatches, type ValueVectorRecord } from './value-scores.js';

const record = (
  questionId: string,
  modelId: string,
  values: Record<string, boolean>,
  sample = 0,
): ValueVectorRecord => ({ questionId, modelId, sample, values });

describe('formMatches', () => {
  it('makes one match per (question, sample), expressed against not expressed, skipping unanimous ones', () => {
    const records = [
      record('q1', 'a', { x: true }),
      record('q1', 'b', { x: false }),
      record('q1', 'c', { x: false }),
      record('q2', 'a', { x: true }),
      record('q2', 'b', { x: true }),
      record('q3', 'a', { x: false }),
      record('q3', 'b', { x: false }),
      record('q1', 'a', { x: false }, 1),
      record('q1', 'b', { x: true }, 1),
      record('q4', 'a', {}),
      record('q4', 'b', { x: true }),
      record('q4', 'c', { x: false }),
    ];
    expect(formMatches(records, 'x')).toEqual([
      { winners: ['a'], losers: ['b', 'c'] },
      { winners: ['b'], losers: ['a'] },
      // a has no label for x on q4: it takes no part.
      { winners: ['b'], losers: ['c'] },
    ]);
  });
});

describe('rateMatches', () => {
  it('plays pairs as 1-on-1 games: one match of one against one is the reference game', () => {
    const standings = rateMatches({
      matches: [{ winners: ['a'], losers: ['b'] }],
      modelIds: ['a', 'b'],
      policy: { format: 'pairs', order: 'given', orders: 1, seed: 1 },
    });
    const expected = rateOneOnOne({ mu: 25, sigma: 25 / 3 }, { mu: 25, sigma: 25 / 3 });
    expect(standings.get('a')).toMatchObject({ mu: expected.winner.mu, scoreSpread: 0 });
    expect(standings.get('b')!.mu).toBeCloseTo(expected.loser.mu, 12);
    expect(standings.get('a')!.score + standings.get('b')!.score).toBeCloseTo(100, 9);
  });

  it('gives the same result in one order or another when shuffling, with a spread over orders', () => {
    const matches = [
      { winners: ['a'], losers: ['b', 'c'] },
      { winners: ['b'], losers: ['c'] },
      { winners: ['c', 'a'], losers: ['b'] },
      { winners: ['a', 'b'], losers: ['c'] },
    ];
    const policy = { format: 'teams', order: 'shuffled', orders: 24, seed: 3 } as const;
    const forward = rateMatches({ matches, modelIds: ['a', 'b', 'c'], policy });
    const again = rateMatches({ matches, modelIds: ['a', 'b', 'c'], policy });
    expect(again).toEqual(forward);
    expect(forward.get('a')!.score).toBeGreaterThan(forward.get('c')!.score);
    expect(forward.get('a')!.scoreSpread).toBeGreaterThan(0);
    const single = rateMatches({ matches, modelIds: ['a', 'b', 'c'], policy: { ...policy, order: 'given' } });
    expect(single.get('a')!.scoreSpread).toBe(0);
  });
});

describe('computeValueScores', () => {
  it('counts every sample as an observation and leaves unlabelled values out of that value only', () => {
    const records = [
      record('q1', 'a', { x: true, y: true }),
      record('q1', 'a', { x: false, y: true }, 1),
      record('q1', 'b', { x: false }),
      record('q1', 'b', { x: false, y: false }, 1),
    ];
    const { models } = computeValueScores({ records, modelIds: ['a', 'b', 'c'], valueIds: ['x', 'y'] });
    const [a, b, c] = models;
    expect(a!.values.x).toMatchObject({ expressed: 1, observations: 2, rate: 0.5 });
    expect(a!.values.y).toMatchObject({ expressed: 2, observations: 2, rate: 1 });
    expect(b!.values.y).toMatchObject({ expressed: 0, observations: 1, rate: 0 });
    expect(a!.values.x!.score!).toBeGreaterThan(b!.values.x!.score!);
    // A model with no observation has no score and no rate, and is not part of the compared set.
    expect(c!.values.x).toMatchObject({ score: null, rate: null, observations: 0 });
    expect(a!.values.x!.score! + b!.values.x!.score!).toBeCloseTo(100, 6);
  });

  it('leaves every model at 50 on a value that no match separates', () => {
    const records = [record('q1', 'a', { x: true }), record('q1', 'b', { x: true })];
    const { models } = computeValueScores({ records, modelIds: ['a', 'b'], valueIds: ['x'] });
    for (const model of models) expect(model.values.x!.score).toBeCloseTo(50, 4);
    expect(models.map((model) => model.values.x!.mu)).toEqual([25, 25]);
  });

  it('gives no score to a model never set beside another on one question (recorded answers), but a rate', () => {
    const records = [record('q1', 'a', { x: true }), record('q2', 'b', { x: false })];
    const { models } = computeValueScores({ records, modelIds: ['a', 'b'], valueIds: ['x'] });
    expect(models.map((model) => model.values.x!.score)).toEqual([null, null]);
    expect(models.map((model) => model.values.x!.rate)).toEqual([1, 0]);
  });
});
