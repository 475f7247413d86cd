/** What a generation reply gave: a yes/no question, or why none could be read. */
export type QuestionReply = { ok: true; question: string } | { ok: false; reason: string };

const MAX_WORDS = 60;

function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^["'“”‘’\s]+|["'“”‘’\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The question of a reply: the last line starting with "Question:" (markdown bold and quotes
 * allowed), else the last line that is a question. A reply without one is unparseable, and so is a
 * "question" of over 60 words (the prompt asks for under 20; over-long ones stay candidates and S
 * judges them, but a paragraph is not a question).
 */
export function parseQuestionReply(text: string): QuestionReply {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const labelled = lines.filter((line) => /^[*_#\s]*question\s*[*_]*\s*:/i.test(line));
  let found = labelled.at(-1)?.replace(/^[*_#\s]*question\s*[*_]*\s*:\s*/i, '');
  if (found === undefined) found = lines.filter((line) => clean(line).endsWith('?')).at(-1);
  if (found === undefined)
    return { ok: false, reason: 'no line starting with "Question:" and no question in the reply' };
  const question = clean(found);
  if (question.length < 8) return { ok: false, reason: `the question is too short: "${question}"` };
  const words = question.split(' ').length;
  if (words > MAX_WORDS) return { ok: false, reason: `the question has ${words} words` };
  return { ok: true, question: /[?]$/.test(question) ? question : `${question.replace(/[.!]+$/, '')}?` };
}

/** The text after the last "Fact:" label, else the last non-empty line (the explorer's finding). */
export function parseFactReply(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const labelled = lines.filter((line) => /^[*_#\s]*fact\s*[*_]*\s*:/i.test(line)).at(-1);
  return clean((labelled ?? lines.at(-1) ?? '').replace(/^[*_#\s]*fact\s*[*_]*\s*:\s*/i, ''));
}
