import { finishSteps, type Steps } from '../../core/steps.js';
import { seededPermutation } from './seeded-shuffle.js';
import {
  DEFAULT_TRUESKILL,
  type Rating,
  rateOneOnOne,
  rateTwoTeams,
  type TrueSkillSettings,
  winProbability,
} from './trueskill.js';

/** One game on one value: the models that expressed it beat those that did not. */
export interface ValueMatch {
  winners: string[];
  losers: string[];
}

/**
 * How matches are played and ordered: `teams` (the paper: one team game per match) or `pairs`
 * (every winner beats every loser 1-on-1); one pass in the given order, or the mean over `orders`
 * seeded shuffles of the match order.
 */
export interface MatchPolicy {
  format: 'teams' | 'pairs';
  order: 'given' | 'shuffled';
  orders: number;
  seed: number;
}

/** A model's TrueSkill standing on one value, averaged over the passes. */
export interface TrueSkillStanding {
  /** Mean win probability against the other compared models × 100, averaged over passes. */
  score: number;
  /** Standard deviation of the score over the shuffled passes (0 for a single pass). */
  scoreSpread: number;
  mu: number;
  sigma: number;
}

type Ratings = Rating[];

function playTeams(ratings: Ratings, winners: number[], losers: number[], settings: TrueSkillSettings): void {
  const updated = rateTwoTeams(
    winners.map((index) => ratings[index]!),
    losers.map((index) => ratings[index]!),
    { settings },
  );
  for (const [position, index] of winners.entries()) ratings[index] = updated.winners[position]!;
  for (const [position, index] of losers.entries()) ratings[index] = updated.losers[position]!;
}

function playPairs(ratings: Ratings, winners: number[], losers: number[], settings: TrueSkillSettings): void {
  for (const winner of winners) {
    for (const loser of losers) {
      const updated = rateOneOnOne(ratings[winner]!, ratings[loser]!, settings);
      ratings[winner] = updated.winner;
      ratings[loser] = updated.loser;
    }
  }
}

/** Matches played between two pauses of a pass. */
const MATCHES_PER_STEP = 64;

function* onePass(
  matches: readonly { winners: number[]; losers: number[] }[],
  order: readonly number[],
  players: number,
  format: MatchPolicy['format'],
  settings: TrueSkillSettings,
): Steps<{ ratings: Ratings; scores: number[] }> {
  const ratings: Ratings = Array.from({ length: players }, () => ({
    mu: settings.mu,
    sigma: settings.sigma,
  }));
  const play = format === 'pairs' ? playPairs : playTeams;
  for (const [position, index] of order.entries()) {
    play(ratings, matches[index]!.winners, matches[index]!.losers, settings);
    if (position % MATCHES_PER_STEP === MATCHES_PER_STEP - 1) yield;
  }
  const scores = ratings.map((rating, index) => {
    if (players < 2) return 50;
    let total = 0;
    for (const [other, opponent] of ratings.entries())
      if (other !== index) total += winProbability(rating, opponent, settings);
    return (100 * total) / (players - 1);
  });
  return { ratings, scores };
}

/**
 * TrueSkill standings of `modelIds` on one value from its matches: one pass in the given order, or
 * the mean over seeded shuffles of the order (whose spread is the score's order uncertainty).
 */
export function rateMatches(options: RateMatchesOptions): Map<string, TrueSkillStanding> {
  return finishSteps(rateMatchesSteps(options));
}

export interface RateMatchesOptions {
  matches: readonly ValueMatch[];
  modelIds: readonly string[];
  policy: MatchPolicy;
  settings?: TrueSkillSettings;
}

/** `rateMatches` as steps that pause every few matches (see core/steps.ts); the same numbers. */
export function* rateMatchesSteps(options: RateMatchesOptions): Steps<Map<string, TrueSkillStanding>> {
  const settings = options.settings ?? DEFAULT_TRUESKILL;
  const { policy } = options;
  const position = new Map(options.modelIds.map((id, index) => [id, index]));
  const indexed = options.matches.map((match) => ({
    winners: match.winners.map((id) => position.get(id)!),
    losers: match.losers.map((id) => position.get(id)!),
  }));
  const given = indexed.map((_, index) => index);
  const orders =
    policy.order === 'given'
      ? [given]
      : Array.from({ length: policy.orders }, (_, pass) =>
          seededPermutation(given.length, policy.seed * 1000 + pass),
        );
  const players = options.modelIds.length;
  const passes: { ratings: Ratings; scores: number[] }[] = [];
  for (const order of orders) passes.push(yield* onePass(indexed, order, players, policy.format, settings));
  const standings = new Map<string, TrueSkillStanding>();
  for (const [index, id] of options.modelIds.entries()) {
    const mean = (pick: (pass: (typeof passes)[number]) => number): number =>
      passes.reduce((sum, pass) => sum + pick(pass), 0) / passes.length;
    const score = mean((pass) => pass.scores[index]!);
    const variance =
      passes.length < 2
        ? 0
        : passes.reduce((sum, pass) => sum + (pass.scores[index]! - score) ** 2, 0) / (passes.length - 1);
    standings.set(id, {
      score,
      scoreSpread: Math.sqrt(variance),
      mu: mean((pass) => pass.ratings[index]!.mu),
      sigma: mean((pass) => pass.ratings[index]!.sigma),
    });
  }
  return standings;
}
