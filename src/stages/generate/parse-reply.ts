import { findQuestion } from '../reply/find-question.js';
import { prepareReply, type ReplyInput } from '../reply/reply-text.js';
import { FACT_LABELS, labelPattern, plainLine } from '../reply/words.js';

/** What a generation reply gave: a yes/no question, or why none could be read. */
export type QuestionReply = { ok: true; question: string } | { ok: false; reason: string };

const MAX_WORDS = 60;

/**
 * The question of an exploration or refinement reply (see `findQuestion`: the first "Question:" line,
 * else the first yes/no question not put to the user). A reply without one is unparseable, and so is
 * a "question" of over 60 words (the prompt asks for under 20; over-long ones stay candidates and S
 * judges them, but a paragraph is not a question).
 */
export function parseQuestionReply(input: ReplyInput): QuestionReply {
  const found = findQuestion(input);
  if (!found.ok) return found;
  const question = found.question;
  if (question.length < 8) return { ok: false, reason: `the question is too short: "${question}"` };
  const words = question.split(' ').length;
  if (words > MAX_WORDS) return { ok: false, reason: `the question has ${words} words` };
  return { ok: true, question: /[?？]$/.test(question) ? question : `${question.replace(/[.!。]+$/, '')}?` };
}

const factLine = new RegExp(String.raw`^${labelPattern(FACT_LABELS)}\s*[:：]\s*`, 'iu');

/**
 * The explorer's finding: the text after the last "Fact:" label, else the last non-empty line, with
 * any reasoning block set aside (it is the model's thinking, not the fact).
 */
export function parseFactReply(input: ReplyInput): string {
  const lines = prepareReply(input)
    .answer.split(/\r?\n/)
    .map((line) => plainLine(line))
    .filter(Boolean);
  const labelled = lines.filter((line) => factLine.test(line)).at(-1);
  return (labelled ?? lines.at(-1) ?? '')
    .replace(factLine, '')
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .trim();
}
