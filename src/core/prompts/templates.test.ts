import { describe, expect, it } from 'vitest';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../theories.js';
import type { ValueTheory } from '../value-theory.js';
import { definePrompt } from './define-prompt.js';
import type { JudgePrompt } from './judge-prompt.js';
import {
  formatDefinitions,
  formatJudgeContext,
  judgeBatchedPrompt,
  judgePromptOfHashes,
  judgeValuePrompt,
  promptHashes,
  renderJudgeBatched,
  renderJudgeValue,
} from './templates.js';

function judgeMessages(
  theory: ValueTheory,
  opinion: string,
  question?: string,
  prompt: JudgePrompt = 'codebook',
) {
  const call = { theory, prompt, context: formatJudgeContext(question), opinion };
  return {
    batched: renderJudgeBatched(call),
    perValue: theory.values.map((value) => renderJudgeValue({ ...call, valueName: value.name })),
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
    const schwartz = formatDefinitions(SCHWARTZ_THEORY, 'codebook');
    for (const value of SCHWARTZ_THEORY.values) {
      expect(schwartz).toContain(`${value.name} (${value.id}): ${value.definition}\n  Includes: `);
    }
    expect(schwartz.match(/Not to confuse: /g)).toHaveLength(10);
    expect(formatDefinitions(MFT_THEORY, 'codebook')).toBe(
      MFT_THEORY.values.map((value) => `- ${value.name} (${value.id}): ${value.definition}`).join('\n'),
    );
    // A theory of one's own that reuses the id but changes a definition gets no codebook written for another.
    const changed: ValueTheory = {
      ...SCHWARTZ_THEORY,
      values: SCHWARTZ_THEORY.values.map((value, index) =>
        index === 0 ? { ...value, definition: 'Our own wording.' } : value,
      ),
    };
    expect(formatDefinitions(changed, 'codebook')).not.toContain('Includes:');
    expect(formatDefinitions(SCHWARTZ_THEORY)).not.toContain('Includes:');
  });

  it('hash the fixed text they are filled from', () => {
    const messages = [{ role: 'user' as const, text: '{{x}}' }];
    const plain = definePrompt<'x'>({ id: 'p', messages });
    expect(definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 1 } }).hash).not.toBe(plain.hash);
    expect(definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 2 } }).hash).not.toBe(
      definePrompt<'x'>({ id: 'p', messages, hashAlso: { a: 1 } }).hash,
    );
  });

  it('send the definitions prompt word for word as before the codebook, the codebook only when asked for and known', () => {
    const definitions = judgeMessages(SCHWARTZ_THEORY, 'x', undefined, 'definitions');
    expect(definitions.batched[0]!.content).toBe(
      [
        `You label which human values a short opinion reflects, using the ${SCHWARTZ_THEORY.name} theory.`,
        'Its values:',
        ...SCHWARTZ_THEORY.values.map((value) => `- ${value.name} (${value.id}): ${value.definition}`),
        'For each value decide whether the opinion reflects it. Reply with JSON only: {"values": {"<value id>": true or false, ...}} covering every value id.',
      ].join('\n'),
    );
    expect(definitions.perValue[0]![0]!.content).toMatch(
      /\n- Universalism \(universalism\): [^\n]+\nReply with one word: Yes or No\.$/,
    );
    const codebook = judgeMessages(SCHWARTZ_THEORY, 'x');
    expect(codebook.batched[0]!.content).toContain('  Not to confuse: ');
    expect(codebook.batched[0]!.content).toContain('How to decide:');
    expect(codebook.batched[0]!.content.length).toBeGreaterThan(3 * definitions.batched[0]!.content.length);
    // The user message, where everything that varies goes, is the same under both.
    expect(codebook.batched[1]).toEqual(definitions.batched[1]);
    // No codebook for MFT (or a changed Schwartz): `codebook` sends the definitions prompt, unchanged.
    expect(judgeMessages(MFT_THEORY, 'x')).toEqual(judgeMessages(MFT_THEORY, 'x', undefined, 'definitions'));
  });

  it('keep the hashes runs recorded: definitions as before the codebook, codebook as since; recognised either way', () => {
    // Pinned: the definitions prompt's hashes are the ones every run before the codebook recorded.
    expect(promptHashes()).toMatchObject({
      'judge-value': '6b3c66ddad154057',
      'judge-batched': '811f260de556868f',
    });
    expect(promptHashes({ judge: 'codebook' })).toMatchObject({
      'judge-value': 'cef090c7aed4f3b0',
      'judge-batched': '7b2642dd419b94c6',
    });
    expect(judgePromptOfHashes(promptHashes({ judge: 'codebook' }))).toBe('codebook');
    expect(judgePromptOfHashes(promptHashes())).toBe('definitions');
    expect(
      judgePromptOfHashes({ 'judge-batched': 'ffff', 'judge-value': '6b3c66ddad154057' }),
    ).toBeUndefined();
    const { opinion, ...others } = promptHashes();
    expect(promptHashes({ judge: 'codebook' })).toMatchObject({ opinion, reflect: others.reflect });
    for (const prompt of ['definitions', 'codebook'] as const) {
      const { batched, perValue } = judgeMessages(SCHWARTZ_THEORY, 'Jobs: shops close', 'Tax it?', prompt);
      expect(judgeBatchedPrompt.match(batched)).toMatchObject({ opinion: 'Jobs: shops close' });
      expect(judgeValuePrompt.match(perValue[2]!)).toMatchObject({ value_name: 'Hedonism' });
      expect(judgeValuePrompt.match(batched)).toBeUndefined();
    }
  });
});
