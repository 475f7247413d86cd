import type { OpinionOutcome } from '../../core/question.js';
import { parseOpinion } from './parse-opinion.js';

/**
 * The outcome of an answer recorded elsewhere (`evaluate --responses`): read like any opinion when it
 * is in adaem's opinion format (a stance and key points); otherwise — free text, a list with no
 * stance, a refusal — the whole answer is the one text the judge reads (`whole`), its stance unknown,
 * so no part of what was labelled is cut off. Only an empty answer is not judged.
 */
export function readRecordedAnswer(answer: string, options: { points?: number } = {}): OpinionOutcome {
  const read = parseOpinion(answer, options);
  if (read.status === 'ok' && read.stance !== null) return read;
  const text = answer.trim();
  if (text === '') return { status: 'refusal', reason: 'empty answer' };
  return {
    status: 'ok',
    stance: null,
    stanceReason: 'a free-text answer, judged whole',
    points: [{ point: text, justification: '' }],
    whole: true,
  };
}
