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
  const { world, model, weights, bias, reading, noiseKey } = options;
  // Hash the long key once; every draw below continues from a shared prefix state.
  const base = hashString(noiseKey);
  const keyed = prefix(base);
  const { specificity: s, coherence } = reading;
  if (coherence < 0.6 && unitFrom(keyed, 'bewildered') < ((0.6 - coherence) / 0.6) * 0.8) {
    return { bewildered: true, stance: 'neutral', points: [], key: base };
  }
  const size = weights.length;
  let namedCount = 0;
  for (let index = 0; index < size; index++) if (reading.named[index]) namedCount++;
  const echo = namedCount === 0 ? 0 : Math.min(1, 0.1 + 0.15 * (namedCount - 1));
  // Questions that name many values get those values back from every model.
  const echoBoost = echo * (1 + 3 * echo);
  const scale = 0.08 + 0.25 * Math.min(2, options.temperature);
  const generic = (1 - s) ** 2;
  // A known practice whose debate pits neighbouring values (and no trade-off clause sets it against a
  // far one): every model voices much the same ones.
  const stake = reading.stake;
  // A question that sets values against each other (a known practice's debate, or a policy action
  // with what it serves and costs): each model argues its own side, and the further apart the sides
  // lie on the circle, the more the values it voices are its side's rather than the other's.
  const debate = reading.debate;
  const stance = debate ? debateStance(debate.side, weights, unitFrom(keyed, 'stance')) : undefined;
  const sideLean = debate
    ? SIDE_PULL * s * debate.tension * (stance === 'yes' ? 1 : stance === 'no' ? -1 : 0)
    : 0;
  const rankState = feedPart(keyed, 'rank');
  const ranked = new Array<number>(size);
  const keys = new Array<number>(size);
  for (let index = 0; index < size; index++) {
    const utility =
      generic * (world.consensus[index]! + 0.25 * reading.relevance[index]!) +
      s * weights[index]! * (0.7 + reading.relevance[index]!) +
      (reading.named[index] ? echoBoost : 0) +
      (stake && stake.side[index] !== 0 ? 1.2 * s * (1 - (debate ?? stake).tension) : 0) +
      (debate ? sideLean * debate.side[index]! : 0) +
      bias[index]!;
    const unit = Math.min(1 - 1e-9, Math.max(1e-9, unitFrom(rankState, index)));
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

  const vagueness = model.vagueness + (1 - coherence) * 0.5;
  // On generic questions every model gives the same three safe points; habits show on specific ones.
  const habit = 0.2 + 0.8 * s;
  const spare = ranked.slice(3);
  const named = ranked.filter((index) => reading.named[index]);
  const points: number[][] = [];
  const used: number[] = [];
  for (let position = 0; position < 3; position++) {
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
  return {
    bewildered: false,
    stance: stance ?? stanceOf(reading, weights, used, unitFrom(keyed, 'stance')),
    points,
    key: base,
  };
}

/** How strongly a model voices its own side's values on a question that sets values against each other. */
const SIDE_PULL = 1.5;

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
  const tilt = served / servedCount - costed / costedCount + (unit - 0.5) * 0.3;
  return Math.abs(tilt) < 0.05 ? 'neutral' : tilt > 0 ? 'yes' : 'no';
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
  const lean = framed ? sum : (sum - 0.25) * reading.polarity;
  const tilt = lean + (unit - 0.5) * 0.3;
  return Math.abs(tilt) < 0.05 ? 'neutral' : tilt > 0 ? 'yes' : 'no';
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
