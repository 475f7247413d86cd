import { describe, expect, it } from 'vitest';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../theories.js';
import type { ValueTheory } from '../value-theory.js';
import { definePrompt } from './define-prompt.js';
import { formatDefinitions, formatJudgeContext, judgeBatchedPrompt, judgeValuePrompt } from './templates.js';

function judgeMessages(theory: ValueTheory, opinion: string, question?: string) {
  const shared = {
    theory_name: theory.name,
    definitions: formatDefinitions(theory),
    context: formatJudgeContext(question),
    opinion,
  };
  return {
    batched: judgeBatchedPrompt.render({ ...shared, value_ids: theory.values.map((v) => v.id).join(', ') }),
    perValue: theory.values.map((value) => judgeValuePrompt.render({ ...shared, value_name: value.name })),
  };
}

describe('judge prompts', () => {
  it('send one fixed system message first, and everything that varies after it', () => {
    const a = judgeMessages(SCHWARTZ_THEORY, 'Jobs first: small shops would lose income');
    const b = judgeMessages(SCHWARTZ_THEORY, 'Heritage: the festival binds the town', 'Keep the festival?');
    const systems = [a.batched, b.batched, ...a.perValue, ...b.perValue].map((messages) => messages[0]!);
    expect(new Set(systems.map((message) => `${message.role}:${message.content}`)).size).toBe(2);
    expect(systems.every((message) => message.role === 'system')).toBe(true);
    expect(a.batched[0]!.content).not.toMatch(/small shops|Keep the festival/);
    expect(b.perValue[3]!.at(-1)!.content).toMatch(
      /Keep the festival\?[\s\S]*festival binds[\s\S]*Achievement/,
    );
  });

  it('are long enough for the providers to cache with the default theory (1,024 tokens at 5 characters a token)', () => {
    // English prose runs 4–5 characters a token (o200k: about 4.8 here); 5 is the cautious bound.
    const { batched, perValue } = judgeMessages(SCHWARTZ_THEORY, 'x');
    expect(Math.floor(batched[0]!.content.length / 5)).toBeGreaterThanOrEqual(1024);
    expect(Math.floor(perValue[0]![0]!.content.length / 5)).toBeGreaterThanOrEqual(1024);
  });

  it('give every Schwartz value its codebook, and other theories their one-line definitions', () => {
    const schwartz = formatDefinitions(SCHWARTZ_THEORY);
    for (const value of SCHWARTZ_THEORY.values) {
      expect(schwartz).toContain(`${value.name} (${value.id}): ${value.definition}\n  Includes: `);
    }
    expect(schwartz.match(/Not to confuse: /g)).toHaveLength(10);
    expect(formatDefinitions(MFT_THEORY)).toBe(
      MFT_THEORY.values.map((value) => `- ${value.name} (${value.id}): ${value.definition}`).join('\n'),
    );
    // A theory of one's own that reuses the id but changes a definition gets no codebook written for another.
    const changed: ValueTheory = {
      ...SCHWARTZ_THEORY,
      values: SCHWARTZ_THEORY.values.map((value, index) =>
        index === 0 ? { ...value, definition: 'Our own wording.' } : value,
      ),
    };
    expect(formatDefinitions(changed)).not.toContain('Includes:');
  });

  it('hash the fixed text they are filled from', () => {
    const messages = [{ role: 'user' as const, text: '{{x}}' }];
    const plain = definePrompt<'x'>({ id: 'p', messages });
    expect(definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 1 } }).hash).not.toBe(plain.hash);
    expect(definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 2 } }).hash).not.toBe(
      definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 1 } }).hash,
    );
  });
});
