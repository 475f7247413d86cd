import { ConfigError } from '../../core/errors.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { type GroupCorrelation, groupCorrelations } from '../../stages/analyze/group-correlations.js';
import {
  type ProfileInformativeness,
  profileInformativeness,
} from '../../stages/analyze/profile-informativeness.js';
import type { LoadedEvaluation } from './load-evaluation.js';
import { orReason } from './paired-cells.js';
import { type ScoreMatrix, scoreMatrix } from './score-matrix.js';

/** Informativeness of one figure's profiles, and the structure of its higher-order groups. */
export interface FigureInformativeness {
  /** Values left out because some model has no observation of them. */
  valuesLeftOut: string[];
  profiles: ProfileInformativeness | { reason: string };
  groups: GroupCorrelation[] | { reason: string };
}

export interface InformativenessResult {
  runId: string;
  models: string[];
  values: string[];
  /** TrueSkill scores (0–100) and expression rates (0–1). */
  scores: FigureInformativeness;
  rates: FigureInformativeness;
}

function informativenessOf(
  matrix: (number | null)[][],
  valueIds: readonly string[],
  theory: ValueTheory,
): FigureInformativeness {
  const complete = valueIds.map((_, column) => matrix.every((row) => row[column] !== null));
  const kept = valueIds.filter((_, column) => complete[column]);
  const profiles = matrix.map((row) => row.filter((_, column) => complete[column]).map((cell) => cell!));
  const groups = theory.groups
    .map((group) => ({
      id: group.id,
      members: group.values.map((id) => kept.indexOf(id)).filter((at) => at >= 0),
    }))
    .filter((group) => group.members.length > 0);
  return {
    valuesLeftOut: valueIds.filter((_, column) => !complete[column]),
    profiles: orReason(() => profileInformativeness(profiles)),
    groups: orReason(() => groupCorrelations(profiles, groups)),
  };
}

/**
 * Mean pairwise Pearson between model profiles (lower = more distinguishable), mean standard deviation
 * across values (higher), and correlations between higher-order groups, for scores and rates.
 */
export function informativenessOfMatrix(
  runId: string,
  matrix: ScoreMatrix,
  theory: ValueTheory,
): InformativenessResult {
  return {
    runId,
    models: matrix.modelIds,
    values: matrix.valueIds,
    scores: informativenessOf(matrix.scores, matrix.valueIds, theory),
    rates: informativenessOf(matrix.rates, matrix.valueIds, theory),
  };
}

/** Informativeness of one run's results, over its models with scored answers. */
export function analyzeInformativeness(run: LoadedEvaluation): InformativenessResult {
  if (run.scoredModels.length < 2)
    throw new ConfigError(
      `run ${run.runId} has ${run.scoredModels.length} model(s) with scored answers; informativeness compares at least 2`,
    );
  const valueIds = run.manifest.theory.values.map((value) => value.id);
  const matrix = scoreMatrix(run, { modelIds: run.scoredModels, valueIds });
  return informativenessOfMatrix(run.runId, matrix, run.manifest.theory);
}
