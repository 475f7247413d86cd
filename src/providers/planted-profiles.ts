import type { AdaemConfig } from '../core/config.js';
import type { ValueTheory } from '../core/value-theory.js';
import { sandboxModels } from '../sandbox/models.js';
import { resolveModel } from './registry.js';

/**
 * The planted value profile (weights in theory order) of each sandbox model among `modelIds`, for
 * checking that a run recovers what was planted; real models have none.
 */
export function plantedProfiles(
  config: AdaemConfig,
  theory: ValueTheory,
  modelIds: readonly string[],
): Map<string, number[]> {
  const planted = new Map<string, number[]>();
  const models = new Map(
    sandboxModels(theory, config.sandbox.models).map((model) => [model.name, model.weights]),
  );
  for (const modelId of modelIds) {
    const resolved = resolveModel(config, modelId);
    const weights = resolved.type === 'sandbox' ? models.get(resolved.model) : undefined;
    if (weights) planted.set(modelId, weights);
  }
  return planted;
}
