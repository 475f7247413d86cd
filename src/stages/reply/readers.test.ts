import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { parseQuestionReply } from '../generate/parse-reply.js';
import { readSafetyVerdict } from '../generate/safety.js';
import { parseBatchedJudgement, readYesNo } from '../judge/parse-judgement.js';
import { parseOpinion } from '../respond/parse-opinion.js';
import { findJsonObject } from './find-json.js';
import { ANSWER_CUT, REASONING_CUT } from './reply-text.js';
import { splitReasoning } from './split-reasoning.js';

// Variants written for these tests (not from the corpus): other languages, other labels, cuts.
const points = '1. Health: it saves lives\n2. Cost: it is cheap\n3. Freedom: people choose';

describe('reasoning blocks', () => {
  it('are set aside, whatever their tag, and an unclosed one marks a cut', () => {
    expect(splitReasoning('<thinking>hmm</thinking>\nYes')).toEqual({
      answer: 'Yes',
      reasoning: 'hmm',
      cutInReasoning: false,
    });
    expect(splitReasoning('<REASONING>a</REASONING> No <think>b</think>')).toMatchObject({
      answer: 'No',
      reasoning: 'a\n\nb',
    });
    expect(splitReasoning('weighing it up…</think>\n\nStance: no')).toMatchObject({ answer: 'Stance: no' });
    expect(splitReasoning('<think>1. Freedom: pros\n2. Cost')).toMatchObject({
      answer: '',
      cutInReasoning: true,
    });
  });

  it('cut at the token limit make every reader say so instead of reading the reasoning', () => {
    const cut = `<think>Stance: yes\n${points}`;
    expect(parseOpinion(cut)).toEqual({ status: 'unparseable', reason: REASONING_CUT });
    expect(readYesNo('<think>Yes, because')).toEqual({ ok: false, reason: REASONING_CUT });
    expect(parseBatchedJudgement('<think>{"values": {"power": true}}', SCHWARTZ_THEORY)).toMatchObject({
      ok: false,
    });
    expect(parseQuestionReply('<think>Question: Should towns ban cars?')).toEqual({
      ok: false,
      reason: REASONING_CUT,
    });
    expect(readSafetyVerdict('<think>safe')).toEqual({ status: 'unreadable', reason: REASONING_CUT });
  });
});

describe('opinions', () => {
  it.each([
    ['French', `Position : Oui\n${points}`, 'yes'],
    ['Chinese', `立场：反对\n${points}`, 'no'],
    ['Japanese', `立場：中立\n${points}`, 'neutral'],
    ['Italian', `Posizione: No\n${points}`, 'no'],
    ['a stance after the points', `${points}\n\nStance: Yes`, 'yes'],
    ['a stance heading over its word', `## Stance\n\n*No*\n\n${points}`, 'no'],
    ['"my answer is"', `My answer is a qualified no.\n\n${points}`, 'no'],
    ['"I\'d say yes"', `${points}\n\nAll in all I'd say yes.`, 'yes'],
    ['"I\'d say a cautious yes"', `I'd say a cautious yes.\n\n${points}`, 'yes'],
    ['"I\'m inclined to say no"', `I'm inclined to say no, on balance.\n\n${points}`, 'no'],
    ['"my position leans towards yes"', `My position leans towards yes.\n\n${points}`, 'yes'],
    ['"On balance, no."', `On balance, no.\n\n${points}`, 'no'],
    ['a hedged label', `Stance: a qualified yes\n${points}`, 'yes'],
    ['Spanish "A favor"', `Postura: A favor\n${points}`, 'yes'],
    ['German "Dagegen"', `Haltung: Dagegen\n${points}`, 'no'],
  ])('reads the stance in %s', (_, text, stance) => {
    expect(parseOpinion(text)).toMatchObject({ status: 'ok', stance, points: [{ point: 'Health' }, {}, {}] });
  });

  it('never defaults a stance: none, or two different ones, is null with the reason', () => {
    expect(parseOpinion(points)).toMatchObject({ stance: null, stanceReason: 'no stance in the answer' });
    expect(parseOpinion(`I lean towards yes.\n\n${points}\n\nMy answer is no.`)).toMatchObject({
      status: 'ok',
      stance: null,
      stanceReason: expect.stringMatching(/yes and no/),
    });
    expect(parseOpinion(`Stance: yes\n${points}\nStance: no`)).toMatchObject({ stance: null });
    expect(parseOpinion(`There is no longer a simple answer.\n${points}`)).toMatchObject({ stance: null });
    expect(parseOpinion(`For decades, towns have argued.\n${points}`)).toMatchObject({ stance: null });
    expect(parseOpinion(`立场：是否禁止仍有争议\n${points}`)).toMatchObject({ stance: null });
    expect(parseOpinion(`Stance: partly\n${points}`)).toMatchObject({
      stance: null,
      stanceReason: 'the stance "partly" is not yes, no or neutral',
    });
  });

  it('reads JSON answers with other key names and "point: why" strings', () => {
    const json = JSON.stringify({
      position: 'No, with exceptions',
      reasons: ['Cost: too expensive', { title: 'Freedom', justification: 'people choose' }],
    });
    expect(parseOpinion(`Here you go:\n${json}`)).toEqual({
      status: 'ok',
      stance: 'no',
      points: [
        { point: 'Cost', justification: 'too expensive' },
        { point: 'Freedom', justification: 'people choose' },
      ],
      missingPoints: 1,
    });
    expect(
      parseOpinion('```json\n{"stance": "yes", "key_points": [{"point": "Cost", "why": "che'),
    ).toMatchObject({
      status: 'unparseable',
    });
  });

  it('reads "Point 1:" labels and keeps sub-bullets with their point', () => {
    const text = 'Stance: no\nPoint 1: Cost - too high\n  - even for rich towns\nPoint 2: Freedom - choice';
    expect(parseOpinion(text)).toMatchObject({
      stance: 'no',
      points: [{ point: 'Cost', justification: 'too high even for rich towns' }, { point: 'Freedom' }],
    });
  });

  it('records an answer cut at the token limit as unparseable, never as a short answer', () => {
    const cut = { text: 'Stance: yes\n1. Health: it saves lives\n2. Cost: it is', finishReason: 'length' };
    expect(parseOpinion(cut)).toEqual({ status: 'unparseable', reason: ANSWER_CUT });
    const complete = { text: `Stance: yes\n${points}\n\nIn short, the benefits`, finishReason: 'max_tokens' };
    expect(parseOpinion(complete)).toMatchObject({ status: 'ok', stance: 'yes' });
  });
});

describe('judge replies', () => {
  it.each([
    ['Answer: Yes', true],
    ['**No.** The opinion is about money.', false],
    ['Definitely yes', true],
    ['The answer is: No', false],
    ['Sí', true],
    ['Nein, nicht wirklich.', false],
    ['是的，它体现了这个价值。', true],
    ['いいえ', false],
  ])('reads the per-value reply "%s"', (text, value) => {
    expect(readYesNo(text)).toEqual({ ok: true, value });
  });

  it.each(['Partially', 'Not really', 'Yes and no.', 'Security', 'Maybe', '不确定', ''])(
    'refuses to guess the per-value reply "%s"',
    (text) => {
      expect(readYesNo(text).ok).toBe(false);
    },
  );

  it('reads batched labels written as a Python dict, as a list of values, or as lines', () => {
    const tenFalse = Object.fromEntries(SCHWARTZ_THEORY.values.map((value) => [value.id, false]));
    expect(
      parseBatchedJudgement("{'values': {'power': True, 'security': False}}", SCHWARTZ_THEORY),
    ).toMatchObject({
      ok: true,
      values: { power: true, security: false },
    });
    expect(parseBatchedJudgement('{"values": ["Benevolence", "self direction"]}', SCHWARTZ_THEORY)).toEqual({
      ok: true,
      values: { ...tenFalse, benevolence: true, self_direction: true },
    });
    const lines = SCHWARTZ_THEORY.values.map(
      (value) => `- **${value.name}**: ${value.id === 'power' ? 'Yes' : 'No'}`,
    );
    expect(parseBatchedJudgement(lines.join('\n'), SCHWARTZ_THEORY)).toEqual({
      ok: true,
      values: { ...tenFalse, power: true },
    });
    const table = [
      '| Value | Reflected |',
      '|---|---|',
      ...SCHWARTZ_THEORY.values.map(
        (value) => `| ${value.name} | ${value.id === 'tradition' ? 'Yes' : 'No'} |`,
      ),
    ];
    expect(parseBatchedJudgement(table.join('\n'), SCHWARTZ_THEORY)).toEqual({
      ok: true,
      values: { ...tenFalse, tradition: true },
    });
    expect(parseBatchedJudgement('{"values": ["Benevolence", "Kindness"]}', SCHWARTZ_THEORY)).toMatchObject({
      ok: false,
    });
  });
});

describe('generation and safety replies', () => {
  it('reads labelled questions in other forms and languages, and no request to the user', () => {
    expect(parseQuestionReply('New question (yes/no): Should towns ban cars?')).toMatchObject({ ok: true });
    expect(parseQuestionReply('**New Question:** Should towns ban cars?')).toEqual({
      ok: true,
      question: 'Should towns ban cars?',
    });
    expect(parseQuestionReply('Pregunta: ¿Deberían las ciudades prohibir los coches?')).toEqual({
      ok: true,
      question: '¿Deberían las ciudades prohibir los coches?',
    });
    expect(parseQuestionReply('Can you give me the fact again?')).toMatchObject({ ok: false });
    expect(parseQuestionReply('Q: Should towns ban cars?')).toMatchObject({
      ok: true,
      question: 'Should towns ban cars?',
    });
    expect(
      parseQuestionReply({ text: 'Question: Should towns ban cars in', finishReason: 'length' }),
    ).toEqual({
      ok: false,
      reason: ANSWER_CUT,
    });
  });

  it.each([
    ['Verdict: unsafe (S10)', 'unsafe'],
    ['The text is safe.', 'safe'],
    ['SAFE', 'safe'],
    ['unsafe\nS2', 'unsafe'],
    ['I would classify this question as safe.', 'safe'],
    ['It is unsafe: it asks for weapon instructions.', 'unsafe'],
  ])('reads the safety reply "%s"', (text, status) => {
    expect(readSafetyVerdict(text).status).toBe(status);
  });

  it.each(['It depends on the context.', 'Not unsafe, I think', 'It is not safe to say.', ''])(
    'refuses to guess the safety reply "%s"',
    (text) => {
      expect(readSafetyVerdict(text).status).toBe('unreadable');
    },
  );
});

describe('findJsonObject', () => {
  it('skips braces in prose and never takes an object nested in a broken one', () => {
    expect(findJsonObject('Use {curly} braces. {"a": 1,}')).toEqual({ ok: true, value: { a: 1 } });
    expect(findJsonObject('{"a": {"b": 1}, oops}')).toMatchObject({ ok: false, truncated: false });
    expect(findJsonObject('{"a": [1, 2')).toMatchObject({ ok: false, truncated: true });
  });
});
