import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../../core/theories.js';
import { SCHWARTZ_19_THEORY, TOUCHE_CATEGORIES } from '../../core/theories-schwartz-19.js';
import { ValueTheorySchema } from '../../core/value-theory.js';
import { parseToucheLabelled } from './read-touche-labels.js';

const CATEGORIES = Object.keys(TOUCHE_CATEGORIES);
const ARGUMENTS = [
  'Argument ID\tConclusion\tStance\tPremise',
  'A1\tWe should ban fast food\tin favor of\tfast food harms health and costs the public purse',
  'A2\tWe should end zoos\tagainst\tzoos protect rare species and teach children',
].join('\n');

function labelsRow(id: string, marked: string[]): string {
  return [id, ...CATEGORIES.map((name) => (marked.includes(name) ? '1' : '0'))].join('\t');
}

const LABELS = [
  ['Argument ID', ...CATEGORIES].join('\t'),
  labelsRow('A1', ['Security: personal', 'Power: resources', 'Face']),
  labelsRow('A2', ['Universalism: nature', 'Universalism: objectivity', 'Humility']),
].join('\n');

const parse = (theory = SCHWARTZ_THEORY, labelsText = LABELS, argumentsText = ARGUMENTS) =>
  parseToucheLabelled({
    argumentsFile: 'arguments-x.tsv',
    argumentsText,
    labelsFile: 'labels-x.tsv',
    labelsText,
    theory,
  });

describe('Touché23-ValueEval labels', () => {
  it('map the 20 categories to the ten basic values, the text being premise, stance and conclusion', () => {
    expect(parse()).toEqual([
      {
        id: 'A1',
        text: 'fast food harms health and costs the public purse (in favor of: We should ban fast food)',
        labels: { security: 'expressed', power: 'expressed' },
      },
      {
        id: 'A2',
        text: expect.stringContaining('zoos protect'),
        labels: { universalism: 'expressed', tradition: 'expressed' },
      },
    ]);
  });

  it('map to the refined values with schwartz-19, leaving out "Universalism: objectivity"', () => {
    expect(parse(SCHWARTZ_19_THEORY).map((text) => text.labels)).toEqual([
      { security_personal: 'expressed', power_resources: 'expressed', face: 'expressed' },
      { universalism_nature: 'expressed', humility: 'expressed' },
    ]);
  });

  it.each([
    [() => parse(MFT_THEORY), /use theory schwartz or schwartz-19, not mft/],
    [
      () => parse(SCHWARTZ_THEORY, LABELS.replace('Face', 'Fame')),
      /labels-x\.tsv:1: unknown value category "Fame"/,
    ],
    [
      () => parse(SCHWARTZ_THEORY, LABELS.replace(/\t1\t/, '\t2\t')),
      /labels-x\.tsv:2: "[^"]+" should be 0 or 1, got "2"/,
    ],
    [
      () => parse(SCHWARTZ_THEORY, LABELS.split('\n').slice(0, 2).join('\n')),
      /arguments-x\.tsv:3: argument A2 has no row in labels-x\.tsv/,
    ],
    [
      () => parse(SCHWARTZ_THEORY, LABELS, ARGUMENTS.replace('\tin favor of', '')),
      /arguments-x\.tsv:2: expected 4 tab-separated cells, found 3/,
    ],
  ])('refuse bad input with one line naming the file and line (%#)', (run, message) => {
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(message);
  });
});

describe('the schwartz-19 theory', () => {
  it('is a valid theory whose every value refines a basic Schwartz value', () => {
    expect(ValueTheorySchema.parse(SCHWARTZ_19_THEORY).values).toHaveLength(19);
    const basic = new Set(SCHWARTZ_THEORY.values.map((value) => value.id));
    for (const value of SCHWARTZ_19_THEORY.values)
      expect(basic.has(SCHWARTZ_19_THEORY.refines!.values[value.id]!)).toBe(true);
    const refinedOfTouche = Object.values(TOUCHE_CATEGORIES).flatMap((entry) => (entry ? [entry] : []));
    expect(new Set(refinedOfTouche)).toEqual(new Set(SCHWARTZ_19_THEORY.values.map((value) => value.id)));
  });
});
