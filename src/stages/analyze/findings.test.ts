import { describe, expect, it } from 'vitest';
import { findFindings } from './findings.js';

const values = ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase() }));
const widths = [0.05, 0.05, 0.05, 0.05];

describe('findFindings', () => {
  it('names the most and least alike pair, the separating values and each model’s extremes', () => {
    const findings = findFindings({
      values,
      questions: 120,
      models: [
        { id: 'm1', label: 'one', rates: [0.9, 0.5, 0.3, 0.1], halfWidths: widths },
        { id: 'm2', label: 'two', rates: [0.8, 0.5, 0.35, 0.2], halfWidths: widths },
        { id: 'm3', label: 'three', rates: [0.1, 0.3, 0.5, 0.9], halfWidths: widths },
      ],
    });
    expect(findings.closest).toMatchObject({ a: 'one', b: 'two' });
    expect(findings.closest!.r).toBeGreaterThan(0.95);
    expect(findings.farthest!.r).toBeLessThan(-0.9);
    // a spreads 0.8 (one 0.9, three 0.1), d 0.8 (three 0.9, one 0.1), b 0.2, c 0.2.
    expect(findings.separating.slice(0, 2).map((entry) => [entry.valueId, entry.spread.toFixed(2)])).toEqual([
      ['a', '0.80'],
      ['d', '0.80'],
    ]);
    expect(findings.perModel).toEqual([
      { id: 'm1', most: 'a', least: 'd' },
      { id: 'm2', most: 'a', least: 'd' },
      { id: 'm3', most: 'd', least: 'a' },
    ]);
    expect(findings.medianHalfWidth).toBe(0.05);
    expect(findings.recovery).toBeUndefined();
    expect(findings.sentences[0]).toMatch(/one and two are the most alike/);
    expect(findings.sentences[1]).toMatch(
      /^The values that separate the models most: A \(one 80 points above three\)/,
    );
    expect(findings.sentences).toContain('three expresses D most and A least.');
    expect(findings.sentences.at(-1)).toMatch(/120 questions; .*±5 points/);
  });

  it('measures the recovery of planted profiles and warns when intervals are wide', () => {
    const findings = findFindings({
      values,
      questions: 8,
      models: [
        {
          id: 's1',
          label: 's1',
          rates: [0.8, 0.6, 0.4, 0.2],
          halfWidths: [0.2, 0.2, 0.2, 0.2],
          planted: [1, 0.7, 0.5, 0.1],
        },
        {
          id: 's2',
          label: 's2',
          rates: [0.2, 0.4, 0.6, 0.8],
          halfWidths: [0.2, 0.2, 0.2, 0.2],
          planted: [0.1, 0.5, 0.7, 1],
        },
      ],
    });
    expect(findings.recovery!.pooled).toBeGreaterThan(0.95);
    expect(Object.keys(findings.recovery!.perModel)).toEqual(['s1', 's2']);
    expect(findings.sentences.join(' ')).toMatch(/differences under about 40 points are not clear/);
    expect(findings.sentences.at(-1)).toMatch(/planted profiles are recovered at r = 0\.9\d/);
  });

  it('says nothing it cannot compute: one model, or rates missing', () => {
    const findings = findFindings({
      values,
      questions: 3,
      models: [
        { id: 'm', label: 'm', rates: [null, null, null, null], halfWidths: [null, null, null, null] },
      ],
    });
    expect(findings).toMatchObject({
      meanPairwise: null,
      separating: [],
      perModel: [],
      medianHalfWidth: null,
    });
    expect(findings.sentences).toEqual([]);
  });
});
