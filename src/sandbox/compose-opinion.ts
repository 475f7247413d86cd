import type { QuestionReading } from './analyze-text.js';
import { feed, feedPart, feedSeparator, finishUnit, hashString, pick, prefix, unitFrom } from './hash.js';
import type { SandboxModel } from './models.js';
import { FILLER_POINTS } from './phrases.js';
import type { SandboxWorld } from './world.js';

/** How one simulated answer is put together before it is written out. */
export interface OpinionPlan {
  /** A non-answer: the question made no sense to the model. */
  bewildered: boolean;
  stance: 'yes' | 'no' | 'neutral';
  /** The values each of the three key points carries (0–2 each). */
  points: number[][];
  /** A short key for the draws that write the points out. */
  key: number;
}

/** When a model finds a question too incoherent to answer. */
const BEWILDERMENT = Object.freeze({
  /** Questions at least this coherent are always answered. */
  coherenceFloor: 0.6,
  /** Chance of a non-answer for a wholly incoherent question (scaled down towards the floor). */
  maxChance: 0.8,
});

/** How strongly values a question names outright are echoed back by every model. */
const ECHO = Object.freeze({
  /** Echo chance when the question names one value… */
  first: 0.1,
  /** …and what each further named value adds (capped at 1). */
  perFurtherValue: 0.15,
  /** The utility boost is echo × (1 + this × echo): stuffed questions get their values back. */
  boostGrowth: 3,
});

/** The utilities values are ranked by (Plackett–Luce: Gumbel noise of the given scale added). */
const UTILITY = Object.freeze({
  /** Noise scale at temperature 0… */
  baseScale: 0.08,
  /** …plus this per unit of temperature… */
  scalePerTemperature: 0.25,
  /** …counting temperature up to this. */
  temperatureCounted: 2,
  /** The consensus counts with weight (1 − specificity) to this power. */
  genericPower: 2,
  /** How much of a value's relevance adds to the consensus on generic questions. */
  consensusRelevance: 0.25,
  /** A model's own weight counts with weight specificity × (this + relevance). */
  ownWeightBase: 0.7,
  /** A known practice's values, when their debate has little tension, are voiced by every model. */
  lowTensionStake: 1.2,
  /** How strongly a model voices its own side's values on a question that sets values against each other. */
  sidePull: 1.5,
  /** Gumbel draws are kept this far inside 0..1. */
  unitMargin: 1e-9,
});

/** Key-point habits: how a model fills its points. */
const HABITS = Object.freeze({
  /** Key points per opinion. */
  points: 3,
  /** Vagueness added at coherence 0 (scaled by incoherence). */
  incoherentVagueness: 0.5,
  /** Share of a model's habits that shows on a wholly generic question… */
  genericHabit: 0.2,
  /** …and what specificity adds to it. */
  specificHabit: 0.8,
});

/** How a stance is taken from a model's weights. */
const STANCE = Object.freeze({
  /** Spread of the uniform noise added to the lean. */
  noise: 0.3,
  /** Leans closer to 0 than this are neutral. */
  neutralBand: 0.05,
  /** On an unframed question, the summed weight × relevance that reads as neither yes nor no. */
  unframedPivot: 0.25,
});

/**
 * Plans an opinion: values ranked by Plackett–Luce sampling (Gumbel top-k) over utilities that
 * mix the shared consensus (generic questions), the model's own weights times what the question
 * puts at stake (concrete, contested ones), an echo of values the question names outright, and a
 * priming bias; then 0–2 values per key point, as consistent as the model is.
 */
export function planOpinion(options: {
  world: SandboxWorld;
  model: SandboxModel;
  weights: number[];
  bias: number[];
  reading: QuestionReading;
  noiseKey: string;
  temperature: number;
}): OpinionPlan {
  const { model, weights, reading, noiseKey } = options;
  // Hash the long key once; every draw below continues from a shared prefix state.
  const base = hashString(noiseKey);
  const keyed = prefix(base);
  const { specificity: s, coherence } = reading;
  if (bewildered(coherence, keyed)) return { bewildered: true, stance: 'neutral', points: [], key: base };
  const echo = echoOf(reading.named);
  // A question that sets values against each other (a known practice's debate, or a policy action
  // with what it serves and costs): each model argues its own side, and the further apart the sides
  // lie on the circle, the more the values it voices are its side's rather than the other's.
  const debate = reading.debate;
  const stance = debate ? debateStance(debate.side, weights, unitFrom(keyed, 'stance')) : undefined;
  const ranked = rankValues({ ...options, keyed, echo, stance });
  const vagueness = model.vagueness + (1 - coherence) * HABITS.incoherentVagueness;
  // On generic questions every model gives the same three safe points; habits show on specific ones.
  const habit = HABITS.genericHabit + HABITS.specificHabit * s;
  const { points, used } = keyPoints({ model, reading, ranked, keyed, echo, vagueness, habit });
  return {
    bewildered: false,
    stance: stance ?? stanceOf(reading, weights, used, unitFrom(keyed, 'stance')),
    points,
    key: base,
  };
}

/** Whether the model finds the question too incoherent to answer (a seeded draw). */
function bewildered(coherence: number, keyed: number): boolean {
  const { coherenceFloor, maxChance } = BEWILDERMENT;
  return (
    coherence < coherenceFloor &&
    unitFrom(keyed, 'bewildered') < ((coherenceFloor - coherence) / coherenceFloor) * maxChance
  );
}

/** How strongly named values are echoed, 0..1: more the more values the question names. */
function echoOf(named: boolean[]): number {
  let namedCount = 0;
  for (let index = 0; index < named.length; index++) if (named[index]) namedCount++;
  return namedCount === 0 ? 0 : Math.min(1, ECHO.first + ECHO.perFurtherValue * (namedCount - 1));
}

/** The values in the order the model voices them: Gumbel top-k over their utilities. */
function rankValues(options: {
  world: SandboxWorld;
  weights: number[];
  bias: number[];
  reading: QuestionReading;
  temperature: number;
  keyed: number;
  echo: number;
  stance: OpinionPlan['stance'] | undefined;
}): number[] {
  const { world, weights, bias, reading, keyed, echo, stance } = options;
  const size = weights.length;
  const s = reading.specificity;
  // Questions that name many values get those values back from every model.
  const echoBoost = echo * (1 + ECHO.boostGrowth * echo);
  const scale =
    UTILITY.baseScale +
    UTILITY.scalePerTemperature * Math.min(UTILITY.temperatureCounted, options.temperature);
  const generic = (1 - s) ** UTILITY.genericPower;
  // A known practice whose debate pits neighbouring values (and no trade-off clause sets it against a
  // far one): every model voices much the same ones.
  const stake = reading.stake;
  const debate = reading.debate;
  const sideLean = debate
    ? UTILITY.sidePull * s * debate.tension * (stance === 'yes' ? 1 : stance === 'no' ? -1 : 0)
    : 0;
  const rankState = feedPart(keyed, 'rank');
  const ranked = new Array<number>(size);
  const keys = new Array<number>(size);
  for (let index = 0; index < size; index++) {
    const utility =
      generic * (world.consensus[index]! + UTILITY.consensusRelevance * reading.relevance[index]!) +
      s * weights[index]! * (UTILITY.ownWeightBase + reading.relevance[index]!) +
      (reading.named[index] ? echoBoost : 0) +
      (stake && stake.side[index] !== 0 ? UTILITY.lowTensionStake * s * (1 - (debate ?? stake).tension) : 0) +
      (debate ? sideLean * debate.side[index]! : 0) +
      bias[index]!;
    const unit = Math.min(1 - UTILITY.unitMargin, Math.max(UTILITY.unitMargin, unitFrom(rankState, index)));
    const key = utility / scale - Math.log(-Math.log(unit));
    // Stable insertion by descending key (ties keep value order, as a stable sort would).
    let at = index;
    while (at > 0 && keys[at - 1]! < key) {
      keys[at] = keys[at - 1]!;
      ranked[at] = ranked[at - 1]!;
      at--;
    }
    keys[at] = key;
    ranked[at] = index;
  }
  return ranked;
}

/**
 * The values each key point carries: a hedge (none), the value at its rank or (consistent models)
 * the top one again, plus an echoed named value or (elaborate models) a spare one. `used`: every
 * value the points carry, in order.
 */
function keyPoints(options: {
  model: SandboxModel;
  reading: QuestionReading;
  ranked: number[];
  keyed: number;
  echo: number;
  vagueness: number;
  habit: number;
}): { points: number[][]; used: number[] } {
  const { model, reading, ranked, keyed, echo, vagueness, habit } = options;
  const spare = ranked.slice(HABITS.points);
  const named = ranked.filter((index) => reading.named[index]);
  const points: number[][] = [];
  const used: number[] = [];
  for (let position = 0; position < HABITS.points; position++) {
    if (happensAt(keyed, vagueness, 'filler', position)) {
      points.push([]);
      continue;
    }
    const primary =
      position > 0 && happensAt(keyed, model.consistency * habit, 'repeat', position)
        ? ranked[0]!
        : ranked[position]!;
    const values = [primary];
    const echoed = named.find((index) => !used.includes(index) && index !== primary);
    if (echoed !== undefined && happensAt(keyed, echo, 'echo', position)) values.push(echoed);
    else if (happensAt(keyed, model.elaboration * habit, 'second', position) && spare.length > 0)
      values.push(spare.shift()!);
    points.push(values);
    used.push(...values);
  }
  return { points, used };
}

/** On a debate the stance follows how the model weighs the two sides (mean weight served minus costed, a little noise). */
function debateStance(side: number[], weights: number[], unit: number): OpinionPlan['stance'] {
  let served = 0;
  let costed = 0;
  let servedCount = 0;
  let costedCount = 0;
  for (const [index, sign] of side.entries()) {
    if (sign > 0) {
      served += weights[index]!;
      servedCount++;
    } else if (sign < 0) {
      costed += weights[index]!;
      costedCount++;
    }
  }
  return stanceFromLean(served / servedCount - costed / costedCount, unit);
}

/** Yes, no or neutral for a lean, once noise (`unit`, 0..1) is added. */
function stanceFromLean(lean: number, unit: number): OpinionPlan['stance'] {
  const tilt = lean + (unit - 0.5) * STANCE.noise;
  return Math.abs(tilt) < STANCE.neutralBand ? 'neutral' : tilt > 0 ? 'yes' : 'no';
}

/** Whether the seeded event `what` with probability `rate` happens at `position` (as `happens(rate, base, what, position)`). */
function happensAt(keyed: number, rate: number, what: string, position: number): boolean {
  return rate > 0 && unitFrom(feedPart(keyed, what), position) < rate;
}

/** The stance on a question that sets up no debate. `values`: every value the points carry, in order, repeats included (only the first of each counts). */
function stanceOf(
  reading: QuestionReading,
  weights: number[],
  values: number[],
  unit: number,
): OpinionPlan['stance'] {
  const framed = reading.side.some((side) => side !== 0);
  let sum = 0;
  for (const [position, index] of values.entries()) {
    if (values.indexOf(index) !== position) continue;
    sum += framed ? reading.side[index]! * weights[index]! : weights[index]! * reading.relevance[index]!;
  }
  return stanceFromLean(framed ? sum : (sum - STANCE.unframedPivot) * reading.polarity, unit);
}

const FILLER = prefix('filler');
const POINT = prefix('point');

/** Folds `${key}|${position}` into a state. */
function withKey(state: number, key: number, position: number): number {
  return feed(feed(feed(state, String(key)), '|'), String(position));
}

/**
 * The key point that carries `values`: the first value's point, the second's clause, or a filler.
 * Its draws are keyed on `${key}|${position}`.
 */
export function pointText(world: SandboxWorld, values: number[], key: number, position: number): string {
  if (values.length === 0) return pick(FILLER_POINTS, finishUnit(withKey(FILLER, key, position)));
  const [first, second] = values;
  const base = pick(world.points[first!]!, unitFrom(feedSeparator(withKey(POINT, key, position)), first!));
  return second === undefined ? base : `${base}, ${world.clauses[second]!}`;
}
