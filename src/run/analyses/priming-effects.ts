import type { ValueVectorRecord } from '../../stages/aggregate/value-scores.js';
import { type PairedTest, pairedTTest } from '../../stages/analyze/paired-t-test.js';
import type { PrimingTargets } from './priming-arms.js';

/** How one set of values moved under priming: means before and after, relative change, paired test over questions. */
export interface PrimingEffect {
  values: string[];
  questions: number;
  baseline: number | null;
  primed: number | null;
  /** (primed − baseline) / baseline; null when the baseline is 0. */
  relativeChange: number | null;
  test: PairedTest;
}

/** Per question, the share of (sample, value) observations that expressed one of `values`. */
function perQuestion(records: readonly ValueVectorRecord[], values: readonly string[]): Map<string, number> {
  const sums = new Map<string, { expressed: number; seen: number }>();
  for (const record of records) {
    for (const value of values) {
      const label = record.values[value];
      if (label === undefined) continue;
      const entry = sums.get(record.questionId) ?? { expressed: 0, seen: 0 };
      entry.seen++;
      if (label) entry.expressed++;
      sums.set(record.questionId, entry);
    }
  }
  return new Map([...sums].map(([question, entry]) => [question, entry.expressed / entry.seen]));
}

function effect(
  baseline: readonly ValueVectorRecord[],
  primed: readonly ValueVectorRecord[],
  values: string[],
): PrimingEffect {
  const before = perQuestion(baseline, values);
  const after = perQuestion(primed, values);
  const shared = [...before.keys()].filter((question) => after.has(question));
  const x = shared.map((question) => before.get(question)!);
  const y = shared.map((question) => after.get(question)!);
  const mean = (series: number[]) =>
    series.length === 0 ? null : series.reduce((sum, value) => sum + value, 0) / series.length;
  const baselineMean = mean(x);
  const primedMean = mean(y);
  return {
    values,
    questions: shared.length,
    baseline: baselineMean,
    primed: primedMean,
    relativeChange:
      baselineMean === null || primedMean === null || baselineMean === 0
        ? null
        : (primedMean - baselineMean) / baselineMean,
    test: pairedTTest(x, y),
  };
}

/** The change a priming made to the target, its own group and the opposite group. */
export function primingEffects(
  targets: PrimingTargets,
  baseline: readonly ValueVectorRecord[],
  primed: readonly ValueVectorRecord[],
): { target: PrimingEffect; sameGroup: PrimingEffect | null; oppositeGroup: PrimingEffect | null } {
  return {
    target: effect(baseline, primed, [targets.target]),
    sameGroup: targets.sameGroup.length === 0 ? null : effect(baseline, primed, targets.sameGroup),
    oppositeGroup:
      targets.oppositeGroup.length === 0 ? null : effect(baseline, primed, targets.oppositeGroup),
  };
}
