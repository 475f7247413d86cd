import { ANSWER_CUT, prepareReply, type ReplyInput } from './reply-text.js';
import { labelPattern, plainLine, QUESTION_LABELS } from './words.js';

/** The question a generation reply offers, or why none can be read. */
export type FoundQuestion = { ok: true; question: string; labelled: boolean } | { ok: false; reason: string };

const LABEL = labelPattern(QUESTION_LABELS);
/** "Question: …", "**Question:** …", "1. Question: …", "Pregunta: …". */
const labelledLine = new RegExp(
  String.raw`^[^\p{L}\p{N}]*(?:\d{1,2}[.)]\s*)?[*_]*${LABEL}\s*(?:\([^)]{0,30}\))?\s*[*_]*\s*[:：]\s*[*_]*\s*(.*)$`,
  'iu',
);
/** A question heading alone on its line ("### Question"), the question on the next. */
const heading = new RegExp(String.raw`^${LABEL}\s*[:：]?$`, 'iu');
/** How a yes/no question opens (English and the other languages adaem reads). */
const yesNoOpening =
  /^(?:should|is|are|was|were|do|does|did|can|could|would|will|must|may|might|has|have|had|ought|shall|debería|deberían|deben|debe|es|son|sollte|sollten|soll|sollen|ist|sind|darf|dürfen|faut-il|doit|doivent|est-ce|devrait|devraient|dovrebbe|dovrebbero|deveria|deveriam|是否|应该|应不应该|该不该|能否)\b|^[¿]|^(?:是否|应该|能否)/iu;
/** A question put to the user ("Could you provide…?"), not a question to ask models. */
const toTheUser = /^(?:could|can|would|will|do|did|shall) you\b|\bplease\b/i;

function tidy(text: string): string {
  return plainLine(text)
    .replace(/^(?:\d{1,2}[.)]|[-*•])\s+/, '')
    .replace(/^["'“”‘’«»]+|["'“”‘’«»]+$/g, '')
    .trim();
}

/**
 * Finds the question of a generation reply (exploration, refinement, statement-to-question):
 * the first line labelled "Question:" (in several languages, bold, numbered or under a heading); else
 * the first line that is a yes/no question and not one put to the user. Reasoning is set aside; a
 * reply cut before its question ends is unreadable. The first question wins when two are offered.
 */
export function findQuestion(input: ReplyInput): FoundQuestion {
  const prepared = prepareReply(input);
  if (prepared.unreadable) return { ok: false, reason: prepared.unreadable };
  const lines = prepared.answer
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  let found: { text: string; labelled: boolean; last: boolean } | undefined;
  for (const [index, line] of lines.entries()) {
    const plain = plainLine(line);
    const labelled = plain.match(labelledLine) ?? line.match(labelledLine);
    if (labelled && tidy(labelled[2]!) !== '') {
      found = { text: tidy(labelled[2]!), labelled: true, last: index === lines.length - 1 };
      break;
    }
    if (heading.test(plain) && lines[index + 1] !== undefined) {
      found = { text: tidy(lines[index + 1]!), labelled: true, last: index + 1 === lines.length - 1 };
      break;
    }
  }
  if (!found) {
    const index = lines.findIndex((line) => {
      const text = tidy(line);
      return text.endsWith('?') && yesNoOpening.test(text) && !toTheUser.test(text);
    });
    if (index >= 0) found = { text: tidy(lines[index]!), labelled: false, last: index === lines.length - 1 };
  }
  if (!found) {
    if (prepared.truncated) return { ok: false, reason: ANSWER_CUT };
    return { ok: false, reason: 'no line starting with "Question:" and no yes/no question in the reply' };
  }
  if (prepared.truncated && found.last && !/[?？]$/.test(found.text))
    return { ok: false, reason: ANSWER_CUT };
  return { ok: true, question: found.text, labelled: found.labelled };
}
