import { describe, expect, it } from 'vitest';
import { GenerateConfigSchema } from '../../core/generate-config.js';
import { hamming, informativeness, unionOverIntersection } from './informativeness.js';

const weights = GenerateConfigSchema.parse({}).weights;
const noSimilarity = () => 0;

describe('informativeness S(x)', () => {
  it('computes every term by hand on a two-model panel', () => {
    // Model a: points {SE}, {SE, PO}, {UN}    → ∪ = {SE, PO, UN} (3), ∩ = {} → R_VC_a = 3 / 1 = 3
    // Model b: points {BE, UN}, {BE}, {BE}    → ∪ = {BE, UN} (2), ∩ = {BE} (1) → R_VC_b = 2
    // R_VC = 2.5. Pair: V_a ∪ V_b = {SE, PO, UN, BE} (4), ∩ = {UN} (1) → R_VD = 4.
    // Question values {SE}: Hamming(a) = |{PO, UN}| = 2, Hamming(b) = |{SE, BE, UN}| = 3 → R_Dis = 2.5.
    // Similarity 0.3 → R_OD = 0.7. S = 2.5 + 4 + 0.7 + 0.5·2.5 = 8.45.
    const terms = informativeness(
      [
        { modelId: 'a', pointValues: [['security'], ['security', 'power'], ['universalism']] },
        { modelId: 'b', pointValues: [['benevolence', 'universalism'], ['benevolence'], ['benevolence']] },
      ],
      ['security'],
      () => 0.3,
      weights,
    );
    expect(terms.vc).toBeCloseTo(2.5, 12);
    expect(terms.vd).toBeCloseTo(4, 12);
    expect(terms.od).toBeCloseTo(0.7, 12);
    expect(terms.dis).toBeCloseTo(2.5, 12);
    expect(terms.s).toBeCloseTo(8.45, 12);
    expect(terms.models).toBe(2);
  });

  it('averages R_VD and R_OD over every pair of a three-model panel', () => {
    const similarities = [
      [1, 0.2, 0.5],
      [0.2, 1, 0.8],
      [0.5, 0.8, 1],
    ];
    const terms = informativeness(
      [
        { modelId: 'a', pointValues: [['power']] },
        { modelId: 'b', pointValues: [['power', 'achievement']] },
        { modelId: 'c', pointValues: [['tradition']] },
      ],
      [],
      (i, j) => similarities[i]![j]!,
      weights,
    );
    // pairs: (a,b) 2/1 = 2; (a,c) 2/max(1,0) = 2; (b,c) 3/1 = 3 → 7/3
    expect(terms.vd).toBeCloseTo(7 / 3, 12);
    expect(terms.od).toBeCloseTo(1 - 1.5 / 3, 12);
    // no question values: Hamming = |V_m| → (1 + 2 + 1) / 3
    expect(terms.dis).toBeCloseTo(4 / 3, 12);
    expect(terms.vc).toBeCloseTo(1, 12);
  });

  it('gives identical opinions no diversity', () => {
    const same = { pointValues: [['benevolence'], ['benevolence']] };
    const terms = informativeness(
      [
        { modelId: 'a', ...same },
        { modelId: 'b', ...same },
      ],
      ['benevolence'],
      () => 1,
      weights,
    );
    expect(terms).toMatchObject({ vc: 1, vd: 1, od: 0, dis: 0, s: 2 });
  });

  it('handles empty value sets without dividing by zero', () => {
    const terms = informativeness(
      [
        { modelId: 'a', pointValues: [[], []] },
        { modelId: 'b', pointValues: [[]] },
      ],
      [],
      noSimilarity,
      weights,
    );
    expect(terms).toMatchObject({ vc: 0, vd: 0, od: 1, dis: 0, s: 1 });
  });

  it('scores a one-model panel without pairs: R_VD and R_OD are 0', () => {
    const terms = informativeness(
      [{ modelId: 'a', pointValues: [['power'], ['hedonism']] }],
      ['power'],
      () => {
        throw new Error('no pair to compare');
      },
      weights,
    );
    expect(terms).toMatchObject({ vc: 2, vd: 0, od: 0, dis: 1, s: 2.5, models: 1 });
  });

  it('gives an empty panel every term 0', () => {
    expect(informativeness([], ['power'], noSimilarity, weights)).toMatchObject({ s: 0, models: 0 });
  });

  it('applies the configured weights, a negative w_dis included', () => {
    const readings = [
      { modelId: 'a', pointValues: [['power']] },
      { modelId: 'b', pointValues: [['tradition']] },
    ];
    const base = informativeness(readings, [], noSimilarity, weights);
    const negative = informativeness(readings, [], noSimilarity, { ...weights, dis: -0.5 });
    expect(base.s - negative.s).toBeCloseTo(base.dis, 12);
  });

  it('set helpers', () => {
    expect(
      unionOverIntersection([
        ['a', 'b'],
        ['b', 'c'],
      ]),
    ).toBe(3);
    expect(unionOverIntersection([])).toBe(0);
    expect(hamming(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(2);
  });
});
