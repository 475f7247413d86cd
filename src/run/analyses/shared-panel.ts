import { ConfigError } from '../../core/errors.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** The models (with scored answers in both runs) and values two runs share, in the first run's order. */
export function sharedPanel(
  a: LoadedEvaluation,
  b: LoadedEvaluation,
  minimumModels: number,
): { modelIds: string[]; valueIds: string[] } {
  const inB = new Set(b.scoredModels);
  const modelIds = a.scoredModels.filter((id) => inB.has(id));
  if (modelIds.length < minimumModels)
    throw new ConfigError(
      `runs ${a.runId} and ${b.runId} share ${modelIds.length} model(s) with scored answers; this needs at least ${minimumModels}`,
    );
  const valuesOfB = new Set(b.manifest.theory.values.map((value) => value.id));
  const valueIds = a.manifest.theory.values.map((value) => value.id).filter((id) => valuesOfB.has(id));
  if (valueIds.length < 2)
    throw new ConfigError(
      `runs ${a.runId} and ${b.runId} share ${valueIds.length} value(s); this needs at least 2`,
    );
  return { modelIds, valueIds };
}
