import type { QuestionReading } from './analyze-text.js';
import { hashString, pick, unitHash } from './hash.js';
import type { SandboxModel } from './models.js';
import { FILLER_POINTS } from './phrases.js';
import { happens, type SandboxWorld } from './world.js';

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
  // Hash the long key once; every draw below mixes in a few short parts.
  const base = hashString(noiseKey);
  const key = (...parts: (string | number)[]) => unitHash(base, ...parts);
  const { specificity: s, coherence } = reading;
  if (coherence < 0.6 && key('bewildered') < ((0.6 - coherence) / 0.6) * 0.8) {
    return { bewildered: true, stance: 'neutral', points: [], key: base };
  }
  const namedCount = reading.named.filter(Boolean).length;
  const echo = namedCount === 0 ? 0 : Math.min(1, 0.1 + 0.15 * (namedCount - 1));
  // Questions that name many values get those values back from every model.
  const echoBoost = echo * (1 + 3 * echo);
  const scale = 0.08 + 0.25 * Math.min(2, options.temperature);
  const generic = (1 - s) ** 2;
  const ranked = weights
    .map((weight, index) => {
      const utility =
        generic * (world.consensus[index]! + 0.25 * reading.relevance[index]!) +
        s * weight * (0.7 + reading.relevance[index]!) +
        (reading.named[index] ? echoBoost : 0) +
        bias[index]!;
      const unit = Math.min(1 - 1e-9, Math.max(1e-9, key('rank', index)));
      return { index, key: utility / scale - Math.log(-Math.log(unit)) };
    })
    .sort((a, b) => b.key - a.key)
    .map((entry) => entry.index);

  const vagueness = model.vagueness + (1 - coherence) * 0.5;
  // On generic questions every model gives the same three safe points; habits show on specific ones.
  const habit = 0.2 + 0.8 * s;
  const spare = ranked.slice(3);
  const named = ranked.filter((index) => reading.named[index]);
  const points: number[][] = [];
  for (let position = 0; position < 3; position++) {
    if (happens(vagueness, base, 'filler', position)) {
      points.push([]);
      continue;
    }
    const primary =
      position > 0 && happens(model.consistency * habit, base, 'repeat', position)
        ? ranked[0]!
        : ranked[position]!;
    const values = [primary];
    const echoed = named.find((index) => !points.flat().includes(index) && index !== primary);
    if (echoed !== undefined && happens(echo, base, 'echo', position)) values.push(echoed);
    else if (happens(model.elaboration * habit, base, 'second', position) && spare.length > 0)
      values.push(spare.shift()!);
    points.push(values);
  }
  return { bewildered: false, stance: stanceOf(reading, weights, points, key('stance')), points, key: base };
}

function stanceOf(
  reading: QuestionReading,
  weights: number[],
  points: number[][],
  unit: number,
): OpinionPlan['stance'] {
  const values = [...new Set(points.flat())];
  const framed = reading.side.some((side) => side !== 0);
  const lean = framed
    ? values.reduce((sum, index) => sum + reading.side[index]! * weights[index]!, 0)
    : (values.reduce((sum, index) => sum + weights[index]! * reading.relevance[index]!, 0) - 0.25) *
      reading.polarity;
  const tilt = lean + (unit - 0.5) * 0.3;
  return Math.abs(tilt) < 0.05 ? 'neutral' : tilt > 0 ? 'yes' : 'no';
}

/** The key point that carries `values`: the first value's point, the second's clause, or a filler. */
export function pointText(world: SandboxWorld, values: number[], key: string | number): string {
  if (values.length === 0) return pick(FILLER_POINTS, unitHash('filler', key));
  const [first, second] = values;
  const base = pick(world.points[first!]!, unitHash('point', key, first!));
  return second === undefined ? base : `${base}, ${world.clauses[second]!}`;
}
