import { describe, expect, it } from 'vitest';
import { PROMPTS } from '../core/prompts/templates.js';
import { recognise } from './recognise.js';

describe('recognise', () => {
  it('names the template and variables of a rendered conversation, again on a repeat', () => {
    const messages = PROMPTS['judge-batched'].render({
      theory_name: 'Schwartz',
      definitions: '- a: b',
      value_ids: 'a',
      opinion: '1. Fair play',
    });
    for (let round = 0; round < 2; round++) {
      const found = recognise(messages);
      expect(found?.id).toBe('judge-batched');
      expect(found?.variables.opinion).toBe('1. Fair play');
    }
  });

  it('does not replay a remembered answer when an earlier message differs', () => {
    const opinion = 'Opinion: shared last line';
    const judged = PROMPTS['judge-value'].render({
      theory_name: 'Schwartz',
      definitions: '- a: b',
      opinion,
      value_name: 'Power',
    });
    expect(recognise(judged)?.id).toBe('judge-value');
    const changedSystem = [{ ...judged[0]!, content: 'You are a helpful assistant.' }, judged[1]!];
    expect(recognise(changedSystem)).toBeUndefined();
    const changedRole = [{ ...judged[0]!, role: 'user' as const }, judged[1]!];
    expect(recognise(changedRole)).toBeUndefined();
    expect(recognise(judged)?.variables.value_name).toBe('Power');
  });

  it('recognises nothing in free text or an empty conversation', () => {
    expect(recognise([{ role: 'user', content: 'Benevolence' }])).toBeUndefined();
    expect(recognise([])).toBeUndefined();
  });
});
