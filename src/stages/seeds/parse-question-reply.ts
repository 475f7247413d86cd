/** Longest seed question accepted from a model, in words. */
export const MAX_SEED_WORDS = 40;

/** The question on a reply's `Question:` line, or why the reply holds no usable one. */
export type QuestionReply = { status: 'ok'; question: string } | { status: 'unusable'; reason: string };

/** Reads the last `Question:` line of a model's reply (markdown emphasis and quotes allowed). */
export function parseQuestionReply(reply: string): QuestionReply {
  const lines = reply
    .split(/\r?\n/)
    .map((line) => line.replace(/[*_]/g, '').trim())
    .filter((line) => /^question\s*:/i.test(line));
  const last = lines.at(-1);
  if (last === undefined) return { status: 'unusable', reason: 'no "Question:" line' };
  const question = last
    .replace(/^question\s*:\s*/i, '')
    .replace(/^["“'](.*)["”']$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (question === '') return { status: 'unusable', reason: 'empty "Question:" line' };
  if (!question.endsWith('?'))
    return { status: 'unusable', reason: 'the "Question:" line is not a question' };
  const words = question.split(' ').length;
  if (words < 3) return { status: 'unusable', reason: `a question of ${words} word(s)` };
  if (words > MAX_SEED_WORDS)
    return { status: 'unusable', reason: `a question of ${words} words (over ${MAX_SEED_WORDS})` };
  return { status: 'ok', question };
}
