import type { SandboxConfig } from '../core/config.js';
import type { ValueTheory } from '../core/value-theory.js';
import { findValue, groupNeighbours, opposingValues } from '../core/value-theory.js';
import { TextReader } from './analyze-text.js';
import { pick, unitHash } from './hash.js';
import { type SandboxModel, sandboxModels } from './models.js';
import { FACTS, pointsFor } from './phrases.js';

/** Shared, precomputed state of the simulated world for one theory and config. */
export interface SandboxWorld {
  theory: ValueTheory;
  reader: TextReader;
  points: string[][];
  models: Map<string, SandboxModel>;
  seed: number;
  judgeErrorRate: number;
  refusalRate: number;
  /** Shared weights on generic questions: the "safe" answer every aligned model gives. */
  consensus: number[];
}

/** Builds the world: models, lexicon reader and key-point bank. */
export function createWorld(options: {
  theory: ValueTheory;
  sandbox: SandboxConfig;
  seed: number;
}): SandboxWorld {
  const models = sandboxModels(options.theory, options.sandbox.models);
  const cubes = options.theory.values.map((_, index) => {
    const mean = models.reduce((sum, model) => sum + model.weights[index]!, 0) / models.length;
    return mean ** 3;
  });
  const strongest = Math.max(...cubes);
  // Sharpened and scaled so that, on generic questions, every model picks the same safe values.
  const consensus = cubes.map((cube) => (4 * cube) / strongest);
  return {
    theory: options.theory,
    reader: new TextReader(options.theory),
    points: pointsFor(options.theory),
    models: new Map(models.map((model) => [model.name, model])),
    seed: options.sandbox.seed ?? options.seed,
    judgeErrorRate: options.sandbox.judgeErrorRate,
    refusalRate: options.sandbox.refusalRate,
    consensus,
  };
}

/** Weights after a priming system message: the named value rises, its group neighbours a little, opposites fall. */
export function primedWeights(world: SandboxWorld, weights: number[], valueName: string): number[] {
  const target = findValue(world.theory, valueName);
  if (!target) return weights;
  const ids = world.theory.values.map((value) => value.id);
  const neighbours = new Set(groupNeighbours(world.theory, target.id));
  const opposites = new Set(opposingValues(world.theory, target.id));
  return weights.map((weight, index) => {
    const id = ids[index]!;
    if (id === target.id) return Math.min(1, weight + 0.5);
    if (neighbours.has(id)) return Math.min(1, weight + 0.15);
    if (opposites.has(id)) return Math.max(0, weight - 0.35);
    return weight;
  });
}

/**
 * The values a model stresses on a question: Plackett–Luce sampling (Gumbel top-k) over
 * utilities that mix the shared consensus (generic questions) and the model's own weights
 * times the question's relevance (specific trade-offs).
 */
export function chooseValues(options: {
  world: SandboxWorld;
  weights: number[];
  question: string;
  count: number;
  noiseKey: string;
  temperature: number;
}): number[] {
  const { world, weights } = options;
  const reading = world.reader.readQuestion(options.question);
  const s = reading.specificity;
  const scale = 0.08 + 0.25 * Math.min(2, options.temperature);
  const scored = weights.map((weight, index) => {
    const utility =
      (1 - s) * (world.consensus[index]! + 0.2 * reading.relevance[index]!) +
      s * weight * (0.35 + reading.relevance[index]!);
    const unit = Math.min(1 - 1e-9, Math.max(1e-9, unitHash(options.noiseKey, index)));
    const gumbel = -Math.log(-Math.log(unit));
    return { index, key: utility / scale + gumbel };
  });
  scored.sort((a, b) => b.key - a.key);
  return scored.slice(0, options.count).map((entry) => entry.index);
}

/** A fact the model knows (its region or global, up to its cut-off year) for a question. */
export function factFor(model: SandboxModel, key: string): (typeof FACTS)[number] {
  const known = FACTS.filter(
    (fact) => (fact.region === model.region || fact.region === 'global') && fact.year <= model.cutoffYear,
  );
  return pick(known.length > 0 ? known : FACTS, unitHash('fact', key));
}

/** Whether a seeded event with probability `rate` happens for this key. */
export function happens(rate: number, ...key: (string | number)[]): boolean {
  return rate > 0 && unitHash(...key) < rate;
}
