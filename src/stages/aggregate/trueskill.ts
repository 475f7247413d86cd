import { normalCdf, normalPdf, normalQuantile } from './normal.js';

/** A TrueSkill rating: mean skill and its uncertainty. */
export interface Rating {
  mu: number;
  sigma: number;
}

/** TrueSkill settings; defaults are those of the Python `trueskill` package the paper used. */
export interface TrueSkillSettings {
  mu: number;
  sigma: number;
  beta: number;
  tau: number;
  drawProbability: number;
}

export const DEFAULT_TRUESKILL: TrueSkillSettings = {
  mu: 25,
  sigma: 25 / 3,
  beta: 25 / 6,
  tau: 25 / 300,
  drawProbability: 0.1,
};

/** A fresh rating at the prior. */
export function defaultRating(settings: TrueSkillSettings = DEFAULT_TRUESKILL): Rating {
  return { mu: settings.mu, sigma: settings.sigma };
}

function drawMargin(settings: TrueSkillSettings, players: number): number {
  return normalQuantile((settings.drawProbability + 1) / 2) * Math.sqrt(players) * settings.beta;
}

/** Truncated-Gaussian corrections for a win (v, w) and a draw. */
function winCorrections(t: number, epsilon: number): { v: number; w: number } {
  const x = t - epsilon;
  const denominator = normalCdf(x);
  const v = denominator > 1e-300 ? normalPdf(x) / denominator : -x;
  return { v, w: v * (v + x) };
}

function drawCorrections(t: number, epsilon: number): { v: number; w: number } {
  const absolute = Math.abs(t);
  const denominator = normalCdf(epsilon - absolute) - normalCdf(-epsilon - absolute);
  const numerator = normalPdf(-epsilon - absolute) - normalPdf(epsilon - absolute);
  const v = (denominator > 1e-300 ? numerator / denominator : 0) * (t < 0 ? -1 : 1);
  const w =
    denominator > 1e-300
      ? v * v +
        ((epsilon - absolute) * normalPdf(epsilon - absolute) +
          (epsilon + absolute) * normalPdf(epsilon + absolute)) /
          denominator
      : 1;
  return { v, w };
}

/**
 * Updates two teams after a game: `winners` beat `losers` (or drew, with `draw`). Team performance
 * is the sum of its players'; τ dynamics are applied before the update, as in the reference package.
 */
export function rateTwoTeams(
  winners: readonly Rating[],
  losers: readonly Rating[],
  options: { draw?: boolean; settings?: TrueSkillSettings } = {},
): { winners: Rating[]; losers: Rating[] } {
  const settings = options.settings ?? DEFAULT_TRUESKILL;
  const tau2 = settings.tau * settings.tau;
  const players = winners.length + losers.length;
  let variance = players * settings.beta * settings.beta;
  let winnerMean = 0;
  let loserMean = 0;
  for (const rating of winners) {
    variance += rating.sigma * rating.sigma + tau2;
    winnerMean += rating.mu;
  }
  for (const rating of losers) {
    variance += rating.sigma * rating.sigma + tau2;
    loserMean += rating.mu;
  }
  const c = Math.sqrt(variance);
  const t = (winnerMean - loserMean) / c;
  const epsilon = drawMargin(settings, players) / c;
  const { v, w } = options.draw ? drawCorrections(t, epsilon) : winCorrections(t, epsilon);
  const update = (rating: Rating, sign: number): Rating => {
    const prior = rating.sigma * rating.sigma + tau2;
    return {
      mu: rating.mu + sign * (prior / c) * v,
      sigma: Math.sqrt(prior * Math.max(1e-12, 1 - (prior / variance) * w)),
    };
  };
  return {
    winners: winners.map((rating) => update(rating, 1)),
    losers: losers.map((rating) => update(rating, -1)),
  };
}

/** Match quality (the draw probability relative to the most even game) of two teams. */
export function matchQuality(
  a: readonly Rating[],
  b: readonly Rating[],
  settings: TrueSkillSettings = DEFAULT_TRUESKILL,
): number {
  const players = a.length + b.length;
  const betaSquared = players * settings.beta * settings.beta;
  const variance = betaSquared + [...a, ...b].reduce((sum, rating) => sum + rating.sigma * rating.sigma, 0);
  const difference =
    a.reduce((sum, rating) => sum + rating.mu, 0) - b.reduce((sum, rating) => sum + rating.mu, 0);
  return Math.sqrt(betaSquared / variance) * Math.exp((-0.5 * difference * difference) / variance);
}

/** P(a outperforms b) = Φ((μa − μb) / √(2β² + σa² + σb²)); the paper's γ is TrueSkill's β. */
export function winProbability(
  a: Rating,
  b: Rating,
  settings: TrueSkillSettings = DEFAULT_TRUESKILL,
): number {
  const denominator = Math.sqrt(2 * settings.beta * settings.beta + a.sigma * a.sigma + b.sigma * b.sigma);
  return normalCdf((a.mu - b.mu) / denominator);
}

/** A 1-on-1 win of `winner` over `loser`: the same update as `rateTwoTeams` with one player a side. */
export function rateOneOnOne(
  winner: Rating,
  loser: Rating,
  settings: TrueSkillSettings = DEFAULT_TRUESKILL,
): { winner: Rating; loser: Rating } {
  const tau2 = settings.tau * settings.tau;
  const winnerPrior = winner.sigma * winner.sigma + tau2;
  const loserPrior = loser.sigma * loser.sigma + tau2;
  const variance = 2 * settings.beta * settings.beta + winnerPrior + loserPrior;
  const c = Math.sqrt(variance);
  const { v, w } = winCorrections((winner.mu - loser.mu) / c, drawMargin(settings, 2) / c);
  return {
    winner: {
      mu: winner.mu + (winnerPrior / c) * v,
      sigma: Math.sqrt(winnerPrior * Math.max(1e-12, 1 - (winnerPrior / variance) * w)),
    },
    loser: {
      mu: loser.mu - (loserPrior / c) * v,
      sigma: Math.sqrt(loserPrior * Math.max(1e-12, 1 - (loserPrior / variance) * w)),
    },
  };
}
