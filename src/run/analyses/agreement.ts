import { type CorrelationEstimate, correlate } from '../../stages/analyze/correlation-interval.js';
import { type IccEstimate, intraclassCorrelations } from '../../stages/analyze/icc.js';
import type { LoadedEvaluation } from './load-evaluation.js';
import { completeCells, orReason } from './paired-cells.js';
import { cells, type ScoreMatrix, scoreMatrix } from './score-matrix.js';
import { sharedPanel } from './shared-panel.js';

/** Agreement of one figure between two runs over their shared model × value cells. */
export interface FigureAgreement {
  cells: number;
  /** Cells left out because one run has no observation there. */
  leftOut: number;
  icc: IccEstimate[] | { reason: string };
  pearson: CorrelationEstimate;
  spearman: CorrelationEstimate;
}

export interface AgreementResult {
  runs: [string, string];
  models: string[];
  values: string[];
  scores: FigureAgreement;
  rates: FigureAgreement;
}

function agree(a: (number | null)[], b: (number | null)[]): FigureAgreement {
  const { columns, dropped } = completeCells([a, b]);
  const [x, y] = [columns[0]!, columns[1]!];
  return {
    cells: x.length,
    leftOut: dropped,
    icc: orReason(() => intraclassCorrelations(x.map((value, index) => [value, y[index]!]))),
    pearson: correlate(x, y, { method: 'pearson' }),
    spearman: correlate(x, y, { method: 'spearman' }),
  };
}

/** Both runs re-aggregated on the models and values they share, so TrueSkill scores compare like with like. */
export function sharedMatrices(
  a: LoadedEvaluation,
  b: LoadedEvaluation,
  minimumModels: number,
): [ScoreMatrix, ScoreMatrix] {
  const panel = sharedPanel(a, b, minimumModels);
  return [scoreMatrix(a, panel), scoreMatrix(b, panel)];
}

/**
 * Agreement between two runs' model × value figures (cells as targets, the runs as two raters):
 * the Shrout–Fleiss ICC forms, Pearson and Spearman with intervals, for scores and for rates.
 */
export function analyzeAgreement(a: LoadedEvaluation, b: LoadedEvaluation): AgreementResult {
  const [first, second] = sharedMatrices(a, b, 2);
  return {
    runs: [a.runId, b.runId],
    models: first.modelIds,
    values: first.valueIds,
    scores: agree(cells(first.scores), cells(second.scores)),
    rates: agree(cells(first.rates), cells(second.rates)),
  };
}
