import type { SandboxConfig } from '../core/config.js';
import type { ValueTheory } from '../core/value-theory.js';
import { findValue, groupNeighbours, opposingValues } from '../core/value-theory.js';
import { TextReader } from './analyze-text.js';
import { unitHash } from './hash.js';
import { type SandboxModel, sandboxModels } from './models.js';
import { clausesFor, pointsFor } from './phrases.js';

/** Shared, precomputed state of the simulated world for one theory and config. */
export interface SandboxWorld {
  theory: ValueTheory;
  reader: TextReader;
  points: string[][];
  /** Second-value clause per value. */
  clauses: string[];
  models: Map<string, SandboxModel>;
  seed: number;
  judgeErrorRate: number;
  refusalRate: number;
  /** Shared weights on generic questions: the "safe" answer every aligned model gives. */
  consensus: number[];
}

/** How the consensus (the safe answer on generic questions) is made from the panel's mean weights. */
const CONSENSUS = Object.freeze({
  /** Mean weights are raised to this power, so the strongest values stand out… */
  sharpening: 3,
  /** …and scaled so the strongest gets this utility. */
  strongest: 4,
});

/** Builds the world: models, lexicon reader and key-point bank. */
export function createWorld(options: {
  theory: ValueTheory;
  sandbox: SandboxConfig;
  seed: number;
}): SandboxWorld {
  const models = sandboxModels(options.theory, options.sandbox.models);
  const cubes = options.theory.values.map((_, index) => {
    const mean = models.reduce((sum, model) => sum + model.weights[index]!, 0) / models.length;
    return mean ** CONSENSUS.sharpening;
  });
  const strongest = Math.max(...cubes);
  // Sharpened and scaled so that, on generic questions, every model picks the same safe values.
  const consensus = cubes.map((cube) => (CONSENSUS.strongest * cube) / strongest);
  const points = pointsFor(options.theory);
  return {
    theory: options.theory,
    reader: new TextReader(options.theory),
    points,
    clauses: clausesFor(options.theory, points),
    models: new Map(models.map((model) => [model.name, model])),
    seed: options.sandbox.seed ?? options.seed,
    judgeErrorRate: options.sandbox.judgeErrorRate,
    refusalRate: options.sandbox.refusalRate,
    consensus,
  };
}

/** What a priming system message shifts: the primed value, its group neighbours and the opposite values. */
const PRIMING = Object.freeze({
  /** Added to the model's weights (then held within 0..1). */
  weight: Object.freeze({ target: 0.5, neighbour: 0.15, opposite: -0.35 }),
  /** Added to every value's utility when ranking, on any question. */
  bias: Object.freeze({ target: 2, neighbour: 0.4, opposite: -1 }),
});

/**
 * What a priming system message does: the model's weights shift (target up, its group neighbours a
 * little, opposites down), and a bias steers which values it voices on any question, generic ones too.
 */
export function primed(
  world: SandboxWorld,
  weights: number[],
  valueName: string,
): { weights: number[]; bias: number[] } {
  const target = findValue(world.theory, valueName);
  if (!target) return { weights, bias: weights.map(() => 0) };
  const ids = world.theory.values.map((value) => value.id);
  const neighbours = new Set(groupNeighbours(world.theory, target.id));
  const opposites = new Set(opposingValues(world.theory, target.id));
  const shift = (id: string, by: { target: number; neighbour: number; opposite: number }) =>
    id === target.id ? by.target : neighbours.has(id) ? by.neighbour : opposites.has(id) ? by.opposite : 0;
  return {
    weights: weights.map((weight, index) =>
      Math.min(1, Math.max(0, weight + shift(ids[index]!, PRIMING.weight))),
    ),
    bias: ids.map((id) => shift(id, PRIMING.bias)),
  };
}

/** Whether a seeded event with probability `rate` happens for this key. */
export function happens(rate: number, ...key: (string | number)[]): boolean {
  return rate > 0 && unitHash(...key) < rate;
}
