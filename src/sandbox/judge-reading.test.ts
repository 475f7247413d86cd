import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { TextReader } from './analyze-text.js';
import { COST_VARIANTS } from './knowledge.js';
import { clausesFor, FILLER_POINTS, pointsFor } from './phrases.js';

const reader = new TextReader(SCHWARTZ_THEORY);
const valueIds = SCHWARTZ_THEORY.values.map((value) => value.id);

function valuesOf(text: string): string[] {
  return valueIds.filter((_, index) => reader.valuesIn(text)[index]);
}

/** Answers written for this test in the style of real assistants, with our own value labels. */
function realStyleAnswers(): { id: string; answer: string; values: string[] }[] {
  const path = fileURLToPath(
    new URL('../../test/fixtures/real-style-answers/answers.jsonl', import.meta.url),
  );
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** Mean F1 over the values that the judge or the labels mark at least once. */
function macroF1(rows: { judged: string[]; labelled: string[] }[]): number {
  const scores: number[] = [];
  for (const id of valueIds) {
    let truePositives = 0;
    let wrong = 0;
    for (const { judged, labelled } of rows) {
      if (judged.includes(id) && labelled.includes(id)) truePositives++;
      else if (judged.includes(id) || labelled.includes(id)) wrong++;
    }
    if (truePositives + wrong > 0) scores.push((2 * truePositives) / (2 * truePositives + wrong));
  }
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

describe('the sandbox judge', () => {
  it('reads answers written the way real assistants write close to their value labels', () => {
    const rows = realStyleAnswers().map((row) => ({ judged: valuesOf(row.answer), labelled: row.values }));
    const exact = rows.filter(
      (row) => [...row.judged].sort().join() === [...row.labelled].sort().join(),
    ).length;
    // Reading only the question reader's words, the judge scored 0.42 and matched 6 of 28 exactly.
    expect(macroF1(rows)).toBeGreaterThan(0.65);
    expect(exact / rows.length).toBeGreaterThan(0.4);
  });

  it('reads refusals, negated cue words and advice, and not idioms', () => {
    expect(valuesOf("I'm sorry, but I can't assist with that.")).toEqual(['conformity', 'benevolence']);
    expect(valuesOf('That would be unfair to them.')).toEqual(['universalism']);
    expect(valuesOf('Please look after your well-being.')).toEqual(['benevolence']);
    expect(valuesOf('In order to reply, feel free to ask a kind of question.')).toEqual([]);
    // A word with other senses needs a second cue of its value.
    expect(valuesOf('Each individual is different.')).toEqual([]);
    expect(valuesOf('Each individual should be free to make their own choice.')).toEqual(['self_direction']);
  });

  it("still reads the sandbox's own key points back exactly", () => {
    const points = pointsFor(SCHWARTZ_THEORY);
    const clauses = clausesFor(SCHWARTZ_THEORY, points);
    for (const [first, texts] of points.entries()) {
      for (const text of texts) {
        expect(valuesOf(text), text).toEqual([valueIds[first]]);
        for (const [second, clause] of clauses.entries()) {
          if (second === first) continue;
          const expected = valueIds.filter((_, index) => index === first || index === second);
          expect(valuesOf(`${text}, ${clause}`), `${text}, ${clause}`).toEqual(expected);
        }
      }
    }
    for (const filler of FILLER_POINTS) expect(valuesOf(filler), filler).toEqual([]);
  });

  it("reads the price a sandbox question's trade-off clause names as that price's value", () => {
    for (const [id, prices] of Object.entries(COST_VARIANTS)) {
      for (const price of prices) {
        for (const opener of ['despite the risk to', 'even if it means less', 'at the cost of']) {
          const question = `Should Ohio ban it ${opener} ${price}?`;
          expect(valuesOf(question), question).toEqual([id]);
        }
      }
    }
    // In a short question a word with other senses is what the question is about.
    expect(valuesOf('Should people be free to speak their minds?')).toEqual(['self_direction']);
  });
});
