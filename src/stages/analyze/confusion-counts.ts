/** How often a judge and the human labels agree on one yes/no question, with the human labels as truth. */
export interface ConfusionCounts {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

/** A figure, or `value: undefined` with the reason it has none (0/0) — never a stand-in 0 or 1. */
export type Statistic = { value: number } | { value: undefined; reason: string };

function ratio(numerator: number, denominator: number, reason: string): Statistic {
  return denominator === 0 ? { value: undefined, reason } : { value: numerator / denominator };
}

/** TP / (TP + FP); undefined when the judge marked no text. */
export function precision(counts: ConfusionCounts): Statistic {
  const { truePositives, falsePositives } = counts;
  return ratio(truePositives, truePositives + falsePositives, 'the judge marked no text');
}

/** TP / (TP + FN); undefined when no text is labelled. */
export function recall(counts: ConfusionCounts): Statistic {
  const { truePositives, falseNegatives } = counts;
  return ratio(truePositives, truePositives + falseNegatives, 'no text is labelled');
}

/**
 * F1 as 2·TP / (2·TP + FP + FN): defined whenever the judge or the labels marked a text, so a judge
 * that marks nothing against labelled texts scores 0 (it missed them all); undefined only when
 * neither side marked any text.
 */
export function f1Score(counts: ConfusionCounts): Statistic {
  const { truePositives, falsePositives, falseNegatives } = counts;
  return ratio(
    2 * truePositives,
    2 * truePositives + falsePositives + falseNegatives,
    'neither the judge nor the labels marked any text',
  );
}

/** Number of texts the counts cover. */
export function countTexts(counts: ConfusionCounts): number {
  return counts.truePositives + counts.falsePositives + counts.falseNegatives + counts.trueNegatives;
}

/** Share of texts the judge marked; undefined when the counts cover no text. */
export function judgeBaseRate(counts: ConfusionCounts): Statistic {
  return ratio(counts.truePositives + counts.falsePositives, countTexts(counts), 'no text compared');
}

/** Share of texts the labels marked; undefined when the counts cover no text. */
export function labelBaseRate(counts: ConfusionCounts): Statistic {
  return ratio(counts.truePositives + counts.falseNegatives, countTexts(counts), 'no text compared');
}

/**
 * Cohen's κ = (pₒ − pₑ) / (1 − pₑ), observed against chance agreement from the two base rates;
 * undefined with no text, or when judge and labels both mark every text alike (pₑ = 1, so κ is 0/0).
 */
export function cohensKappa(counts: ConfusionCounts): Statistic {
  const n = countTexts(counts);
  if (n === 0) return { value: undefined, reason: 'no text compared' };
  const observed = (counts.truePositives + counts.trueNegatives) / n;
  const judgeYes = (counts.truePositives + counts.falsePositives) / n;
  const labelYes = (counts.truePositives + counts.falseNegatives) / n;
  const expected = judgeYes * labelYes + (1 - judgeYes) * (1 - labelYes);
  if (expected === 1)
    return {
      value: undefined,
      reason: 'the judge and the labels mark every text the same way (chance agreement is 1)',
    };
  return { value: (observed - expected) / (1 - expected) };
}
