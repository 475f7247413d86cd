import { describe, expect, it } from 'vitest';
import { parseFactReply, parseQuestionReply } from './parse-reply.js';

describe('generation replies', () => {
  it('reads the first "Question:" line when two are offered, with markdown and quotes', () => {
    expect(
      parseQuestionReply(
        'Thinking...\n**Question:** "Should Paris ban cars?"\nQuestion: Should Oslo ban cars?',
      ),
    ).toEqual({
      ok: true,
      question: 'Should Paris ban cars?',
    });
  });

  it('falls back to the first yes/no question not put to the user, and adds a missing question mark', () => {
    expect(
      parseQuestionReply('Why does it matter?\nCould you tell me more?\nShould Kenya tax sugar?'),
    ).toEqual({
      ok: true,
      question: 'Should Kenya tax sugar?',
    });
    expect(parseQuestionReply('Here is one.\nShould Kenya tax sugar?')).toEqual({
      ok: true,
      question: 'Should Kenya tax sugar?',
    });
    expect(parseQuestionReply('Question: Should Kenya tax sugar.')).toEqual({
      ok: true,
      question: 'Should Kenya tax sugar?',
    });
  });

  it('records why a reply has no usable question', () => {
    expect(parseQuestionReply('I cannot help with that.')).toMatchObject({ ok: false, reason: /no line/ });
    expect(parseQuestionReply('Question: ?')).toMatchObject({ ok: false, reason: /too short/ });
    expect(parseQuestionReply(`Question: ${'very '.repeat(70)}long?`)).toMatchObject({
      ok: false,
      reason: /words/,
    });
  });

  it('reads the fact after the last "Fact:" label', () => {
    expect(parseFactReply('Step 1...\nFact: In 2019 Oslo closed its centre to cars.')).toBe(
      'In 2019 Oslo closed its centre to cars.',
    );
    expect(parseFactReply('Just a sentence.')).toBe('Just a sentence.');
  });
});
