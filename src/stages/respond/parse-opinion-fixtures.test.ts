import { describe, expect, it } from 'vitest';
import { OPINION_FIXTURES } from '../../../test/fixtures/opinion-answers.js';
import { parseOpinion } from './parse-opinion.js';

describe('parseOpinion on realistic answers', () => {
  it('has at least forty fixtures', () => {
    expect(OPINION_FIXTURES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(OPINION_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('reads %s', (_, fixture) => {
    const outcome = parseOpinion(fixture.text);
    expect(outcome.status).toBe(fixture.status);
    if (outcome.status !== 'ok') return;
    expect(outcome.stance).toBe(fixture.stance);
    expect(outcome.points.map((point) => point.point)).toEqual(fixture.points);
    for (const [index, words] of (fixture.justifications ?? []).entries())
      expect(outcome.points[index]!.justification).toContain(words);
    expect(outcome.missingPoints).toBe(fixture.missingPoints);
  });
});
