import { findQuestion } from '../reply/find-question.js';
import type { ReplyInput } from '../reply/reply-text.js';

/** Longest seed question accepted from a model, in words. */
export const MAX_SEED_WORDS = 40;

/** The question on a reply's `Question:` line, or why the reply holds no usable one. */
export type QuestionReply = { status: 'ok'; question: string } | { status: 'unusable'; reason: string };

/**
 * Reads the question of a statement-to-question reply (the first `Question:` line, else the first
 * yes/no question; reasoning set aside, markdown and quotes allowed). It must end with "?" and hold
 * 3 to 40 words.
 */
export function parseQuestionReply(reply: ReplyInput): QuestionReply {
  const found = findQuestion(reply);
  if (!found.ok) return { status: 'unusable', reason: found.reason };
  const question = found.question;
  if (!/[?？]$/.test(question))
    return { status: 'unusable', reason: 'the "Question:" line is not a question' };
  const words = question.split(' ').length;
  if (words < 3) return { status: 'unusable', reason: `a question of ${words} word(s)` };
  if (words > MAX_SEED_WORDS)
    return { status: 'unusable', reason: `a question of ${words} words (over ${MAX_SEED_WORDS})` };
  return { status: 'ok', question };
}
