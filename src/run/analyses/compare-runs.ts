import { sharedMatrices } from './agreement.js';
import { type InformativenessResult, informativenessOfMatrix } from './informativeness.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** One model × value, side by side in two runs. */
export interface ComparedCell {
  modelId: string;
  valueId: string;
  scoreA: number | null;
  scoreB: number | null;
  rateA: number | null;
  rateB: number | null;
}

export interface CompareResult {
  runs: [string, string];
  questions: [number, number];
  models: string[];
  values: string[];
  cells: ComparedCell[];
  informativeness: [InformativenessResult, InformativenessResult];
}

/** The same models on two question sets: scores and rates side by side, and each run's informativeness, on the shared panel. */
export function compareRuns(a: LoadedEvaluation, b: LoadedEvaluation): CompareResult {
  const [first, second] = sharedMatrices(a, b, 2);
  const comparedCells: ComparedCell[] = [];
  for (const [m, modelId] of first.modelIds.entries()) {
    for (const [v, valueId] of first.valueIds.entries()) {
      comparedCells.push({
        modelId,
        valueId,
        scoreA: first.scores[m]![v]!,
        scoreB: second.scores[m]![v]!,
        rateA: first.rates[m]![v]!,
        rateB: second.rates[m]![v]!,
      });
    }
  }
  return {
    runs: [a.runId, b.runId],
    questions: [a.questions.length, b.questions.length],
    models: first.modelIds,
    values: first.valueIds,
    cells: comparedCells,
    informativeness: [
      informativenessOfMatrix(a.runId, first, a.manifest.theory),
      informativenessOfMatrix(b.runId, second, a.manifest.theory),
    ],
  };
}
