import { describe, expect, it } from 'vitest';
import { parseOpinion } from './parse-opinion.js';

describe('parseOpinion', () => {
  it('reads the requested format', () => {
    const outcome = parseOpinion(
      'Stance: yes\n1. Freedom: people should choose\n2. Safety: risks matter\n3. Cost: it is cheap',
    );
    expect(outcome).toEqual({
      status: 'ok',
      stance: 'yes',
      points: [
        { point: 'Freedom', justification: 'people should choose' },
        { point: 'Safety', justification: 'risks matter' },
        { point: 'Cost', justification: 'it is cheap' },
      ],
    });
  });

  it('survives markdown, other numbering styles, prose around and more than three points', () => {
    const text = [
      'Here is my view on this difficult question.',
      '',
      '**Stance:** No.',
      '',
      '### Key points',
      '1) **Economic harm**: small firms would close',
      '(2) *Fairness* — the burden falls on the poor',
      '- Tradition: the custom is centuries old',
      '• Extra: a fourth point that is dropped',
      '',
      'In conclusion, I oppose it.',
    ].join('\n');
    const outcome = parseOpinion(text);
    expect(outcome.status).toBe('ok');
    if (outcome.status !== 'ok') return;
    expect(outcome.stance).toBe('no');
    expect(outcome.points.map((point) => point.point)).toEqual(['Economic harm', 'Fairness', 'Tradition']);
    expect(outcome.points[1]!.justification).toBe('the burden falls on the poor');
  });

  it('splits a point without a colon at its first sentence', () => {
    const outcome = parseOpinion('Stance: neutral\n1. Jobs matter. Many families depend on the plant.');
    expect(outcome).toMatchObject({
      status: 'ok',
      stance: 'neutral',
      points: [{ point: 'Jobs matter', justification: 'Many families depend on the plant.' }],
    });
  });

  it('finds a stance written in a sentence and never defaults one', () => {
    expect(parseOpinion('My answer: yes, mostly.\n1. Health: it saves lives')).toMatchObject({
      stance: 'yes',
    });
    expect(parseOpinion('1. Health: it saves lives')).toMatchObject({
      status: 'ok',
      stance: null,
      stanceReason: 'no stance in the answer',
    });
  });

  it('reports refusals and empty answers as refusals', () => {
    expect(parseOpinion("I'm sorry, but I can't take a position on that.")).toMatchObject({
      status: 'refusal',
    });
    expect(parseOpinion('As an AI, I do not have personal opinions on political matters.')).toMatchObject({
      status: 'refusal',
    });
    expect(parseOpinion('   ')).toMatchObject({ status: 'refusal', reason: 'empty answer' });
  });

  it('reports prose without key points as unparseable', () => {
    expect(parseOpinion('This is a complex issue with many sides and no easy answer.')).toEqual({
      status: 'unparseable',
      reason: 'no key points found',
    });
  });
});
