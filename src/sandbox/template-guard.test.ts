import { describe, expect, it } from 'vitest';
import { PROMPTS, type PromptId } from '../core/prompts/templates.js';
import { couldMatch } from './template-guard.js';

// Every variable any template uses, with awkward values (empty, braces, newlines, template-like text).
const variables: Record<string, string> = {
  question: 'Should {{cities}} ban cars?\nQuestion:',
  point_lines: '',
  theory_name: 'Schwartz',
  definitions: '- a: b\n- c: d',
  context: '',
  opinion: 'Opinion: Value ids: x',
  value_name: 'Power',
  value_ids: 'a, b',
  examples: '',
  fact_reply: 'Fact: x',
  answers: '1. x',
  score: '0.4',
  suggestions: 'Question: y',
  statement: 'We should.',
  kind: 'question',
  text: '',
  value_definition: '(x)',
};

describe('couldMatch', () => {
  it('accepts whatever a template renders, wherever the template itself matches', () => {
    for (const id of Object.keys(PROMPTS) as PromptId[]) {
      const messages = PROMPTS[id].render(variables as never);
      expect(couldMatch(PROMPTS[id], messages)).toBe(true);
      for (const other of Object.keys(PROMPTS) as PromptId[]) {
        if (PROMPTS[other].match(messages)) expect(couldMatch(PROMPTS[other], messages)).toBe(true);
      }
    }
  });

  it('rules out other templates, wrong roles and altered fixed text', () => {
    const opinion = PROMPTS.opinion.render({ question: 'Is it fair?' });
    expect(couldMatch(PROMPTS['judge-batched'], opinion)).toBe(false);
    expect(couldMatch(PROMPTS.opinion, [{ ...opinion[0]!, role: 'system' }])).toBe(false);
    expect(couldMatch(PROMPTS.opinion, [{ ...opinion[0]!, content: `${opinion[0]!.content}!` }])).toBe(false);
    const safety = PROMPTS.safety.render({ kind: 'question', text: 'x' });
    expect(
      couldMatch(PROMPTS.safety, [{ ...safety[0]!, content: 'You are a classifier.' }, safety[1]!]),
    ).toBe(false);
  });
});
