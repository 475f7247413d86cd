import type { ScoreWeights } from '../../core/generate-config.js';

/** One panel model's usable answer to a question, as S reads it. */
export interface PanelReading {
  modelId: string;
  /** The value ids the judge found in each key point, in point order. */
  pointValues: readonly (readonly string[])[];
}

/** The four terms of the practical informativeness score and their weighted sum (method §3). */
export interface InformativenessTerms {
  /** R_VC: per model |∪ of its points' value sets| / max(1, |∩|), averaged over models. */
  vc: number;
  /** R_VD: per model pair |V_a ∪ V_b| / max(1, |V_a ∩ V_b|), averaged over pairs. */
  vd: number;
  /** R_OD: 1 − mean similarity between two models' answers, over model pairs. */
  od: number;
  /** R_Dis: mean Hamming distance between a model's value set and the question's own. */
  dis: number;
  /**
   * The score the run uses: S = w_vc·R_VC + w_vd·R_VD + w_od·R_OD + w_dis·R_Dis (practical), or
   * GJS + β·TV when the run uses the exact variant (then `exact` holds its terms).
   */
  s: number;
  exact?: { gjs: number; tv: number };
  /** Panel models whose answers were usable (the others are recorded with a reason). */
  models: number;
}

function union(sets: readonly (readonly string[])[]): Set<string> {
  const result = new Set<string>();
  for (const set of sets) for (const id of set) result.add(id);
  return result;
}

function intersection(sets: readonly (readonly string[])[]): Set<string> {
  if (sets.length === 0) return new Set();
  const result = new Set(sets[0]);
  for (const set of sets.slice(1)) {
    const keep = new Set(set);
    for (const id of result) if (!keep.has(id)) result.delete(id);
  }
  return result;
}

/** |A ∪ B| / max(1, |A ∩ B|) over value-id sets (the paper's min(·,1) divides by zero; method §3). */
export function unionOverIntersection(sets: readonly (readonly string[])[]): number {
  return union(sets).size / Math.max(1, intersection(sets).size);
}

/** The size of the symmetric difference of two value sets (Hamming distance of their binary vectors). */
export function hamming(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let distance = 0;
  for (const id of a) if (!b.has(id)) distance++;
  for (const id of b) if (!a.has(id)) distance++;
  return distance;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * The practical informativeness score S(x) of one question under one panel.
 *
 * `answerSimilarity(i, j)` is the similarity of readings i and j's answer texts (the configured
 * backend). With fewer than two usable models no pair exists: R_VD and R_OD are 0 (nothing shows
 * that the models differ); with none, every term is 0.
 */
export function informativeness(
  readings: readonly PanelReading[],
  questionValues: readonly string[],
  answerSimilarity: (i: number, j: number) => number,
  weights: ScoreWeights,
): InformativenessTerms {
  const modelSets = readings.map((reading) => union(reading.pointValues));
  const vc = mean(readings.map((reading) => unionOverIntersection(reading.pointValues)));
  const pairDiversity: number[] = [];
  const pairSimilarity: number[] = [];
  for (let i = 0; i < readings.length; i++) {
    for (let j = i + 1; j < readings.length; j++) {
      pairDiversity.push(unionOverIntersection([[...modelSets[i]!], [...modelSets[j]!]]));
      pairSimilarity.push(answerSimilarity(i, j));
    }
  }
  const vd = mean(pairDiversity);
  const od = pairSimilarity.length === 0 ? 0 : 1 - mean(pairSimilarity);
  const own = new Set(questionValues);
  const dis = mean(modelSets.map((set) => hamming(set, own)));
  const s = weights.vc * vc + weights.vd * vd + weights.od * od + weights.dis * dis;
  return { vc, vd, od, dis, s, models: readings.length };
}
