import type { AdaemConfig } from '../../core/config.js';
import { valuePrimingPrompt } from '../../core/prompts/templates.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { findValue, groupNeighbours, opposingValues } from '../../core/value-theory.js';

/** The values whose change a priming towards `target` is judged by. */
export interface PrimingTargets {
  target: string;
  /** Values sharing a higher-order group with the target. */
  sameGroup: string[];
  /** Values of the groups that hold the target's opposites on the circle (minus anything in the target's groups). */
  oppositeGroup: string[];
}

/** The target's own group and the opposite group, from the theory's groups and circle. */
export function primingTargets(theory: ValueTheory, target: string): PrimingTargets {
  const sameGroup = groupNeighbours(theory, target);
  const own = new Set([target, ...sameGroup]);
  const opposites = opposingValues(theory, target);
  const opposite = new Set<string>(opposites);
  for (const group of theory.groups) {
    if (group.values.includes(target)) continue;
    if (group.values.some((value) => opposites.includes(value)))
      for (const value of group.values) opposite.add(value);
  }
  return { target, sameGroup, oppositeGroup: [...opposite].filter((value) => !own.has(value)) };
}

/** The system message that primes a model towards one value. */
export function primingMessage(theory: ValueTheory, valueId: string): string {
  const value = findValue(theory, valueId)!;
  return valuePrimingPrompt.render({ value_name: value.name, value_definition: value.definition })[0]!
    .content;
}

/** The config with `modelId` an examinee whose system message is `systemPrompt` (or its own, for the baseline). */
export function configForArm(
  config: AdaemConfig,
  modelId: string,
  systemPrompt: string | undefined,
): AdaemConfig {
  const present = config.models.some((model) => model.id === modelId);
  const models = present ? config.models : [...config.models, { id: modelId, roles: ['examinee' as const] }];
  return {
    ...config,
    models: models.map((model) =>
      model.id === modelId && systemPrompt !== undefined ? { ...model, systemPrompt } : model,
    ),
  };
}
