import { ConfigError } from '../../core/errors.js';
import { meanCoefficientOfVariation } from '../../stages/analyze/coefficient-of-variation.js';
import { correlate } from '../../stages/analyze/correlation-interval.js';
import { cronbachAlpha } from '../../stages/analyze/cronbach-alpha.js';
import { seededFolds, seededSubset } from '../../stages/analyze/seeded-subset.js';
import type { LoadedEvaluation } from './load-evaluation.js';
import { completeCells, orReason } from './paired-cells.js';
import { cells, scoreMatrix } from './score-matrix.js';

/** Consistency of one figure (scores or rates) across folds. */
export interface FoldConsistency {
  /** Cronbach's α with folds as items and model × value cells as cases, or why there is none. */
  alpha: number | { reason: string };
  /** Mean coefficient of variation of a cell across folds (cells with a positive mean). */
  coefficientOfVariation: number | null;
  cases: number;
  /** Cells left out because some fold had no observation of them. */
  leftOut: number;
}

/** How well random subsets of one size reproduce the full set's figures. */
export interface SubsetConsistency {
  size: number;
  draws: number;
  /** Mean and lowest Pearson r between subset and full-set cells over the draws. */
  scores: { meanPearson: number | null; minPearson: number | null };
  rates: { meanPearson: number | null; minPearson: number | null };
}

export interface ReliabilityResult {
  runId: string;
  folds: number;
  seed: number;
  questions: number;
  questionsPerFold: number[];
  models: string[];
  values: string[];
  scores: FoldConsistency;
  rates: FoldConsistency;
  subsets: SubsetConsistency[];
}

function consistency(perFold: (number | null)[][]): FoldConsistency {
  const { columns, dropped } = completeCells(perFold);
  const rows = columns[0]!.map((_, index) => columns.map((fold) => fold[index]!));
  const variation = meanCoefficientOfVariation(rows);
  return {
    alpha: orReason(() => cronbachAlpha(rows)),
    coefficientOfVariation: variation.value,
    cases: rows.length,
    leftOut: dropped,
  };
}

function pearsonAgainst(full: (number | null)[], subset: (number | null)[]): number | null {
  const { columns } = completeCells([full, subset]);
  const estimate = correlate(columns[0]!, columns[1]!, { method: 'pearson' });
  return estimate.r;
}

function summarise(values: (number | null)[]): { meanPearson: number | null; minPearson: number | null } {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return { meanPearson: null, minPearson: null };
  return {
    meanPearson: present.reduce((sum, value) => sum + value, 0) / present.length,
    minPearson: Math.min(...present),
  };
}

/**
 * Splits a run's questions into `folds` seeded random folds, re-aggregates the observations on each,
 * and reports Cronbach's α and the coefficient of variation across folds — for TrueSkill scores and
 * for expression rates — plus how well random subsets of each size reproduce the full set.
 */
export function analyzeReliability(
  run: LoadedEvaluation,
  options: { folds: number; seed: number; sizes: number[]; draws: number },
): ReliabilityResult {
  const { folds, seed } = options;
  const questionIds = run.questions.map((question) => question.id);
  if (!Number.isInteger(folds) || folds < 2)
    throw new ConfigError(`--folds must be an integer ≥ 2 (got ${folds})`);
  if (folds * 2 > questionIds.length)
    throw new ConfigError(
      `--folds ${folds} needs at least ${folds * 2} questions (2 per fold); run ${run.runId} has ${questionIds.length}`,
    );
  if (run.scoredModels.length < 2)
    throw new ConfigError(
      `run ${run.runId} has ${run.scoredModels.length} model(s) with scored answers; reliability needs at least 2`,
    );
  const valueIds = run.manifest.theory.values.map((value) => value.id);
  const modelIds = run.scoredModels;
  const split = seededFolds(questionIds, folds, seed);
  const perFold = split.map((fold) => scoreMatrix(run, { modelIds, valueIds, questionIds: new Set(fold) }));
  const full = scoreMatrix(run, { modelIds, valueIds });
  const subsets = options.sizes
    .filter((size) => size < questionIds.length)
    .map((size) => {
      const draws = Array.from({ length: options.draws }, (_, draw) =>
        scoreMatrix(run, {
          modelIds,
          valueIds,
          questionIds: new Set(seededSubset(questionIds, size, seed + 1000 * (draw + 1) + size)),
        }),
      );
      return {
        size,
        draws: options.draws,
        scores: summarise(draws.map((matrix) => pearsonAgainst(cells(full.scores), cells(matrix.scores)))),
        rates: summarise(draws.map((matrix) => pearsonAgainst(cells(full.rates), cells(matrix.rates)))),
      };
    });
  return {
    runId: run.runId,
    folds,
    seed,
    questions: questionIds.length,
    questionsPerFold: split.map((fold) => fold.length),
    models: modelIds,
    values: valueIds,
    scores: consistency(perFold.map((matrix) => cells(matrix.scores))),
    rates: consistency(perFold.map((matrix) => cells(matrix.rates))),
    subsets,
  };
}
