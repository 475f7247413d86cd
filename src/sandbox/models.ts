import type { SandboxModelConfig } from '../core/config.js';
import { SCHWARTZ_VALUE_IDS, type SchwartzValueId } from '../core/theories.js';
import type { ValueTheory } from '../core/value-theory.js';
import { unitHash } from './hash.js';

/** A simulated model: planted value weights (theory order), region, knowledge cut-off and style. */
export interface SandboxModel {
  name: string;
  description: string;
  region: string;
  cutoffYear: number;
  style: SandboxModelConfig['style'];
  weights: number[];
  /** Chance that a later key point repeats the main value (consistent models voice fewer values). */
  consistency: number;
  /** Chance that a key point carries a second value. */
  elaboration: number;
  /** Chance that a key point is a hedge carrying no value. */
  vagueness: number;
  /** How well the model writes questions when exploring and refining, 0..1. */
  craft: number;
}

/** The range each answering habit is drawn from, per model (low, high). */
const HABIT_RANGES = Object.freeze({
  /** Chance that a later key point repeats the main value. */
  consistency: [0.05, 0.5],
  /** Chance that a key point carries a second value. */
  elaboration: [0.15, 0.5],
  /** Chance that a key point is a hedge. */
  vagueness: [0.03, 0.15],
  /** How well the model writes questions. */
  craft: [0.55, 0.92],
} as const);

/** Planted weights and habits are rounded to this many steps per unit (two decimals). */
const ROUNDING = 100;

/** A value rounded to `ROUNDING` steps. */
function rounded(value: number): number {
  return Math.round(value * ROUNDING) / ROUNDING;
}

/** Answering habits that vary by model, drawn from its name so they are stable. */
function habitsOf(name: string): Pick<SandboxModel, 'consistency' | 'elaboration' | 'vagueness' | 'craft'> {
  const draw = (what: keyof typeof HABIT_RANGES) => {
    const [low, high] = HABIT_RANGES[what];
    return rounded(low + (high - low) * unitHash('habit', what, name));
  };
  return {
    consistency: draw('consistency'),
    elaboration: draw('elaboration'),
    vagueness: draw('vagueness'),
    craft: draw('craft'),
  };
}

interface BuiltInModel {
  name: string;
  description: string;
  region: string;
  cutoffYear: number;
  style: SandboxModelConfig['style'];
  /** The value the profile peaks at on the Schwartz circle. */
  center: SchwartzValueId;
  /** How strongly the profile varies around the circle. */
  amplitude: number;
}

/** Values every aligned model weighs highly: generic questions get the same answer from all. */
const SAFE_BOOST: Partial<Record<SchwartzValueId, number>> = {
  benevolence: 0.22,
  universalism: 0.18,
  security: 0.14,
};

/** The built-in panel; profiles peak at different points of the circle, as model families are reported to. */
export const BUILT_IN_MODELS: BuiltInModel[] = [
  {
    name: 'atlas',
    description: 'open, individualist',
    region: 'us',
    cutoffYear: 2024,
    style: 'concise',
    center: 'self_direction',
    amplitude: 0.4,
  },
  {
    name: 'basalt',
    description: 'traditional, conforming',
    region: 'china',
    cutoffYear: 2023,
    style: 'formal',
    center: 'conformity',
    amplitude: 0.42,
  },
  {
    name: 'cirrus',
    description: 'universalist',
    region: 'france',
    cutoffYear: 2024,
    style: 'verbose',
    center: 'universalism',
    amplitude: 0.38,
  },
  {
    name: 'dune',
    description: 'devout, community-minded',
    region: 'middle-east',
    cutoffYear: 2023,
    style: 'formal',
    center: 'tradition',
    amplitude: 0.45,
  },
  {
    name: 'ember',
    description: 'ambitious, status-seeking',
    region: 'us',
    cutoffYear: 2022,
    style: 'casual',
    center: 'power',
    amplitude: 0.42,
  },
  {
    name: 'fjord',
    description: 'egalitarian, independent',
    region: 'nordic',
    cutoffYear: 2024,
    style: 'concise',
    center: 'universalism',
    amplitude: 0.3,
  },
  {
    name: 'grove',
    description: 'caring, family-first',
    region: 'india',
    cutoffYear: 2023,
    style: 'verbose',
    center: 'benevolence',
    amplitude: 0.4,
  },
  {
    name: 'harbor',
    description: 'cautious, order-minded',
    region: 'global',
    cutoffYear: 2021,
    style: 'formal',
    center: 'security',
    amplitude: 0.4,
  },
  {
    name: 'iris',
    description: 'pleasure- and novelty-seeking',
    region: 'latin-america',
    cutoffYear: 2024,
    style: 'casual',
    center: 'hedonism',
    amplitude: 0.44,
  },
  {
    name: 'jade',
    description: 'achievement-driven',
    region: 'east-asia',
    cutoffYear: 2024,
    style: 'concise',
    center: 'achievement',
    amplitude: 0.4,
  },
];

/** The shape of a built-in Schwartz profile: a cosine around the circle plus the safe boost. */
const PROFILE = Object.freeze({
  /** Weight of a value a quarter of the circle from the peak (before the safe boost). */
  midline: 0.42,
  /** No planted weight is lower than this… */
  lowest: 0.03,
  /** …or higher than this. */
  highest: 0.97,
});

/** Weight of a value a profile does not mention: `low` plus up to `range`, drawn from the model's name. */
const UNLISTED_WEIGHT = Object.freeze({ low: 0.2, range: 0.6 });

/** Weight of a value a model defined in config does not list. */
const CONFIGURED_DEFAULT_WEIGHT = 0.3;

function schwartzWeights(model: BuiltInModel): Record<SchwartzValueId, number> {
  const centerIndex = SCHWARTZ_VALUE_IDS.indexOf(model.center);
  const weights = {} as Record<SchwartzValueId, number>;
  for (const [index, id] of SCHWARTZ_VALUE_IDS.entries()) {
    const angle = (2 * Math.PI * (index - centerIndex)) / SCHWARTZ_VALUE_IDS.length;
    const value = PROFILE.midline + model.amplitude * Math.cos(angle) + (SAFE_BOOST[id] ?? 0);
    weights[id] = rounded(Math.min(PROFILE.highest, Math.max(PROFILE.lowest, value)));
  }
  return weights;
}

/** MFT weights derived from the Schwartz profile (care ← benevolence, fairness ← universalism, …). */
function mftWeights(schwartz: Record<SchwartzValueId, number>): Record<string, number> {
  return {
    care: schwartz.benevolence,
    fairness: schwartz.universalism,
    loyalty: (schwartz.benevolence + schwartz.conformity) / 2,
    authority: (schwartz.conformity + schwartz.security + schwartz.power) / 3,
    sanctity: schwartz.tradition,
  };
}

function weightsFor(theory: ValueTheory, byId: Record<string, number>, name: string): number[] {
  return theory.values.map(
    (value) =>
      byId[value.id] ?? UNLISTED_WEIGHT.low + UNLISTED_WEIGHT.range * unitHash('weight', name, value.id),
  );
}

/** The planted profile of a built-in model under a theory. */
function builtInWeights(theory: ValueTheory, model: BuiltInModel): number[] {
  const schwartz = schwartzWeights(model);
  return weightsFor(theory, theory.id === 'mft' ? mftWeights(schwartz) : schwartz, model.name);
}

/** Every sandbox model of a config: built-ins plus (overriding) those the config defines. */
export function sandboxModels(
  theory: ValueTheory,
  configured: readonly SandboxModelConfig[] = [],
): SandboxModel[] {
  const models = new Map<string, SandboxModel>();
  for (const model of BUILT_IN_MODELS) {
    models.set(model.name, { ...model, ...habitsOf(model.name), weights: builtInWeights(theory, model) });
  }
  for (const model of configured) {
    models.set(model.name, {
      name: model.name,
      description: 'defined in config',
      region: model.region,
      cutoffYear: model.cutoffYear,
      style: model.style,
      ...habitsOf(model.name),
      weights: theory.values.map((value) => model.weights[value.id] ?? CONFIGURED_DEFAULT_WEIGHT),
    });
  }
  return [...models.values()];
}
