import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import type { BootstrapInterval } from './bootstrap-interval.js';
import type { Statistic } from './confusion-counts.js';
import { InsufficientDataError } from './insufficient-data.js';
import { judgeAgreement } from './judge-agreement.js';
import type { JudgedText } from './judge-cells.js';

const VALUES = ['security', 'power', 'benevolence'];

/** One position per value of VALUES: a letter = marked, '.' = not marked, '?' = left out. */
function marks(pattern: string): Record<string, boolean | undefined> {
  return Object.fromEntries(
    VALUES.map((id, index) => [id, pattern[index] === '?' ? undefined : pattern[index] !== '.']),
  );
}

function text(judged: string, labelled: string): JudgedText {
  return { judged: marks(judged), labelled: marks(labelled) };
}

// Columns: S = security, P = power, B = benevolence.
//   text  judged  labelled   S    P    B   exact
//   1     S.B     S.B        TP   TN   TP  yes
//   2     SP.     S..        TP   FP   TN  no
//   3     ..B     S.B        FN   TN   TP  no
//   4     S..     ..B        FP   TN   FN  no
//   5     .P.     .P.        TN   TP   TN  yes
//   6     ..B     ..B        TN   TN   TP  yes
//   7     S..     S..        TP   TN   TN  yes
//   8     ...     .PB        TN   FN   FN  no
const TABLE = [
  text('S.B', 'S.B'),
  text('SP.', 'S..'),
  text('..B', 'S.B'),
  text('S..', '..B'),
  text('.P.', '.P.'),
  text('..B', '..B'),
  text('S..', 'S..'),
  text('...', '.PB'),
];

const value = (statistic: Statistic | undefined) => statistic?.value;

describe('judgeAgreement on a confusion table computed by hand', () => {
  const result = judgeAgreement({ texts: TABLE, valueIds: VALUES });

  it('counts and scores security', () => {
    // TP 3 (1, 2, 7), FP 1 (4), FN 1 (3), TN 3 (5, 6, 8); support 3 + 1 = 4.
    // precision 3/4 = 0.75; recall 3/4 = 0.75; F1 = 2·3 / (2·3 + 1 + 1) = 6/8 = 0.75.
    // pₒ = (3 + 3)/8 = 0.75; judge 4/8 = 0.5, labels 4/8 = 0.5; pₑ = 0.5·0.5 + 0.5·0.5 = 0.5;
    // κ = (0.75 − 0.5) / (1 − 0.5) = 0.5.
    const security = result.values.security!;
    expect(security).toMatchObject({
      truePositives: 3,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 3,
      compared: 8,
      support: 4,
      unreadable: 0,
      unlabelled: 0,
    });
    expect(value(security.precision)).toBeCloseTo(0.75, 12);
    expect(value(security.recall)).toBeCloseTo(0.75, 12);
    expect(value(security.f1)).toBeCloseTo(0.75, 12);
    expect(value(security.kappa)).toBeCloseTo(0.5, 12);
    expect(value(security.judgeBaseRate)).toBeCloseTo(0.5, 12);
    expect(value(security.labelBaseRate)).toBeCloseTo(0.5, 12);
  });

  it('counts and scores power', () => {
    // TP 1 (5), FP 1 (2), FN 1 (8), TN 5 (1, 3, 4, 6, 7); support 2.
    // precision 1/2; recall 1/2; F1 = 2 / (2 + 1 + 1) = 0.5.
    // pₒ = 6/8 = 0.75; judge 2/8 = 0.25, labels 2/8 = 0.25; pₑ = 0.25·0.25 + 0.75·0.75 = 0.625;
    // κ = (0.75 − 0.625) / (1 − 0.625) = 0.125 / 0.375 = 1/3.
    const power = result.values.power!;
    expect(power).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 5,
      support: 2,
    });
    expect(value(power.precision)).toBeCloseTo(0.5, 12);
    expect(value(power.recall)).toBeCloseTo(0.5, 12);
    expect(value(power.f1)).toBeCloseTo(0.5, 12);
    expect(value(power.kappa)).toBeCloseTo(1 / 3, 12);
    expect(value(power.judgeBaseRate)).toBeCloseTo(0.25, 12);
    expect(value(power.labelBaseRate)).toBeCloseTo(0.25, 12);
  });

  it('counts and scores benevolence', () => {
    // TP 3 (1, 3, 6), FP 0, FN 2 (4, 8), TN 3 (2, 5, 7); support 5.
    // precision 3/3 = 1; recall 3/5 = 0.6; F1 = 6 / (6 + 0 + 2) = 0.75.
    // pₒ = 6/8 = 0.75; judge 3/8 = 0.375, labels 5/8 = 0.625;
    // pₑ = 0.375·0.625 + 0.625·0.375 = 30/64 = 0.46875;
    // κ = (0.75 − 0.46875) / (1 − 0.46875) = 0.28125 / 0.53125 = 9/17 ≈ 0.5294.
    const benevolence = result.values.benevolence!;
    expect(benevolence).toMatchObject({
      truePositives: 3,
      falsePositives: 0,
      falseNegatives: 2,
      trueNegatives: 3,
      support: 5,
    });
    expect(value(benevolence.precision)).toBe(1);
    expect(value(benevolence.recall)).toBeCloseTo(0.6, 12);
    expect(value(benevolence.f1)).toBeCloseTo(0.75, 12);
    expect(value(benevolence.kappa)).toBeCloseTo(9 / 17, 12);
    expect(value(benevolence.judgeBaseRate)).toBeCloseTo(0.375, 12);
    expect(value(benevolence.labelBaseRate)).toBeCloseTo(0.625, 12);
  });

  it('averages macro-F1 over values and pools micro-F1 over counts', () => {
    // macro = (0.75 + 0.5 + 0.75) / 3 = 2/3.
    // micro: TP 3 + 1 + 3 = 7, FP 1 + 1 + 0 = 2, FN 1 + 1 + 2 = 4; F1 = 14 / (14 + 2 + 4) = 0.7.
    expect(value(result.macroF1.f1)).toBeCloseTo(2 / 3, 12);
    expect(result.macroF1.averaged).toEqual(VALUES);
    expect(result.microF1).toMatchObject({ truePositives: 7, falsePositives: 2, falseNegatives: 4 });
    expect(value(result.microF1.f1)).toBeCloseTo(0.7, 12);
  });

  it('shares exact matches: texts 1, 5, 6 and 7 of 8', () => {
    expect(result.exactMatch).toEqual({ matched: 4, compared: 8, excluded: 0, share: { value: 0.5 } });
  });

  it('brackets every point estimate with its bootstrap interval, 1,000 draws from seed 42 by default', () => {
    expect(result.bootstrap).toEqual({ draws: 1000, seed: 42, level: 0.95 });
    const pairs: [Statistic, BootstrapInterval][] = [
      [result.macroF1.f1, result.macroF1.interval],
      [result.microF1.f1, result.microF1.interval],
      ...Object.values(result.values).flatMap((agreement) =>
        (['precision', 'recall', 'f1'] as const).map((figure): [Statistic, BootstrapInterval] => [
          agreement[figure],
          agreement.intervals[figure],
        ]),
      ),
    ];
    expect(pairs).toHaveLength(11);
    for (const [estimate, interval] of pairs) {
      if (estimate.value === undefined || interval.low === undefined) throw new Error('expected figures');
      expect(interval.low).toBeLessThanOrEqual(estimate.value);
      expect(interval.high).toBeGreaterThanOrEqual(estimate.value);
      if (estimate.value > 0 && estimate.value < 1) expect(interval.high).toBeGreaterThan(interval.low);
    }
    // Benevolence precision is 3/3: every resample that draws a judged text repeats 1.
    expect(result.values.benevolence?.intervals.precision).toMatchObject({ low: 1, high: 1 });
  });

  it('draws the same intervals from the same seed and others from another seed', () => {
    const intervals = (seed: number) => {
      const again = judgeAgreement({ texts: TABLE, valueIds: VALUES, seed, draws: 300 });
      return [again.macroF1.interval, again.microF1.interval, again.values.security?.intervals];
    };
    expect(intervals(5)).toEqual(intervals(5));
    expect(intervals(5)).not.toEqual(intervals(6));
    const wider = judgeAgreement({ texts: TABLE, valueIds: VALUES, draws: 300, level: 0.5 });
    const { low, high } = wider.microF1.interval;
    const { low: low95, high: high95 } = intervals(42)[1] as BootstrapInterval;
    expect((high ?? 0) - (low ?? 0)).toBeLessThan((high95 ?? 0) - (low95 ?? 0));
  });
});

describe('judgeAgreement edge cases', () => {
  it('leaves recall and κ undefined, with reasons, for a value nobody labelled', () => {
    // power: labels mark nothing; the judge marks text 2 only → TP 0, FP 1, FN 0, TN 3.
    const texts = [text('S..', 'S..'), text('SP.', 'S..'), text('...', '...'), text('...', 'S..')];
    const power = judgeAgreement({ texts, valueIds: VALUES, draws: 50 }).values.power!;
    expect(power.support).toBe(0);
    expect(power.recall).toEqual({ value: undefined, reason: 'no text is labelled' });
    expect(power.precision).toEqual({ value: 0 });
    // F1 = 0 / (0 + 1 + 0) = 0; pₒ = 3/4, pₑ = (1/4)·0 + (3/4)·1 = 3/4 → κ = 0.
    expect(power.f1).toEqual({ value: 0 });
    expect(value(power.kappa)).toBeCloseTo(0, 12);
    expect(power.intervals.recall).toMatchObject({ low: undefined, reason: 'undefined on the full sample' });
  });

  it('leaves every figure of a value neither side marked undefined and keeps it out of macro-F1', () => {
    // benevolence: nobody marks it. security: F1 = 1; power: F1 = 2 / (2 + 1 + 0) = 2/3.
    const texts = [text('S..', 'S..'), text('.P.', '.P.'), text('.P.', '...')];
    const result = judgeAgreement({ texts, valueIds: VALUES, draws: 50 });
    const benevolence = result.values.benevolence!;
    expect(benevolence.precision).toEqual({ value: undefined, reason: 'the judge marked no text' });
    expect(benevolence.f1).toEqual({
      value: undefined,
      reason: 'neither the judge nor the labels marked any text',
    });
    expect(benevolence.kappa.value).toBeUndefined();
    expect(benevolence.judgeBaseRate).toEqual({ value: 0 });
    // macro over security and power only: (1 + 2/3) / 2 = 5/6.
    expect(result.macroF1.averaged).toEqual(['security', 'power']);
    expect(value(result.macroF1.f1)).toBeCloseTo(5 / 6, 12);
  });

  it('shows a base rate of 1.0 for a judge that marks one value on every text', () => {
    // security marked everywhere; labels on 2 of 4: precision 2/4, recall 1; pₒ = 2/4 = pₑ → κ = 0.
    const texts = [text('S..', 'S..'), text('S..', '...'), text('S..', 'S..'), text('S..', '...')];
    const security = judgeAgreement({ texts, valueIds: VALUES, draws: 50 }).values.security!;
    expect(security.judgeBaseRate).toEqual({ value: 1 });
    expect(security.labelBaseRate).toEqual({ value: 0.5 });
    expect(security.precision).toEqual({ value: 0.5 });
    expect(security.recall).toEqual({ value: 1 });
    expect(value(security.kappa)).toBeCloseTo(0, 12);
  });

  it('skips and counts pairs the judge left unreadable or the labels left out', () => {
    // security: text 2 unreadable, text 3 unreadable and unlabelled, text 4 unlabelled → 1 compared.
    const texts = [text('S..', 'S..'), text('?..', 'S..'), text('?..', '?..'), text('S..', '?..')];
    const result = judgeAgreement({ texts, valueIds: VALUES, draws: 50 });
    expect(result.values.security).toMatchObject({
      compared: 1,
      truePositives: 1,
      unreadable: 2,
      unlabelled: 2,
    });
    expect(result.values.power).toMatchObject({ compared: 4, unreadable: 0, unlabelled: 0 });
    expect(result.exactMatch).toEqual({ matched: 1, compared: 1, excluded: 3, share: { value: 1 } });
  });

  it('treats a value missing from the judged record as unreadable', () => {
    const texts = [{ judged: { security: true }, labelled: marks('S..') }];
    const result = judgeAgreement({ texts, valueIds: VALUES, draws: 10 });
    expect(result.values.power).toMatchObject({ compared: 0, unreadable: 1 });
    expect(result.values.power?.kappa).toEqual({ value: undefined, reason: 'no text compared' });
    expect(result.exactMatch.share).toEqual({ value: undefined, reason: 'every text has a skipped value' });
  });

  it('refuses unknown value ids, naming the text, and an empty list of texts', () => {
    const texts = [text('S..', 'S..'), { id: 'answer-7', judged: { achievment: true }, labelled: {} }];
    expect(() => judgeAgreement({ texts, valueIds: VALUES })).toThrow(
      new ConfigError('text answer-7: unknown value "achievment" in judged'),
    );
    expect(() => judgeAgreement({ texts: [], valueIds: VALUES })).toThrow(InsufficientDataError);
    expect(() => judgeAgreement({ texts: TABLE, valueIds: VALUES, draws: 0 })).toThrow(/draws/);
  });
});
