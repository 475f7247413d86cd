import type { KeyPoint, OpinionOutcome, Stance } from '../../core/question.js';

const refusalPatterns = [
  /\bI(?:'m| am)? (?:sorry|unable|not able)\b/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not) (?:take|share|give|provide|offer|express)\b/i,
  /\bas an AI\b.*\b(?:don't|do not|cannot|can't) have (?:personal )?(?:opinions|views|beliefs)/i,
];

const stancePattern =
  /^\W*(?:my\s+)?(?:stance|position|answer|verdict)\W*[:\-–—]?\W*(yes|no|neutral|undecided|it depends)\b/i;
const bareStancePattern = /^\W*(yes|no|neutral)\W*$/i;
const itemPattern = /^\s*(?:\(?\d{1,2}[.):]|[-*•–])\s*(.+)$/;

function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .trim();
}

function toStance(word: string): Stance {
  const lower = word.toLowerCase();
  return lower === 'yes' ? 'yes' : lower === 'no' ? 'no' : 'neutral';
}

/** Splits "point: justification" (or "point - justification", or a first sentence). */
function splitPoint(text: string): KeyPoint | undefined {
  const body = clean(text);
  if (body.length < 3) return undefined;
  const colon = body.match(/^(.{2,120}?)\s*[:：]\s+(.+)$/);
  if (colon) return { point: clean(colon[1]!), justification: clean(colon[2]!) };
  const dash = body.match(/^(.{2,120}?)\s+[-–—]\s+(.+)$/);
  if (dash) return { point: clean(dash[1]!), justification: clean(dash[2]!) };
  const sentence = body.match(/^(.{2,160}?[.!?])\s+(.+)$/);
  if (sentence)
    return { point: clean(sentence[1]!).replace(/[.!?]$/, ''), justification: clean(sentence[2]!) };
  return { point: body, justification: '' };
}

/**
 * Reads an answer to the opinion prompt: a stance and up to three key points, tolerant of numbering
 * styles, markdown and missing colons. Refusals and answers without points are reported as such.
 */
export function parseOpinion(text: string, options: { points?: number } = {}): OpinionOutcome {
  const wanted = options.points ?? 3;
  const trimmed = text.trim();
  if (trimmed.length === 0) return { status: 'refusal', reason: 'empty answer' };
  const lines = trimmed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  let stance: Stance | undefined;
  const points: KeyPoint[] = [];
  for (const line of lines) {
    const plain = clean(line);
    const stanceMatch =
      plain.match(stancePattern) ?? (stance === undefined ? plain.match(bareStancePattern) : null);
    if (stanceMatch && stance === undefined) {
      stance = toStance(stanceMatch[1]!);
      continue;
    }
    const item = line.match(itemPattern) ?? clean(line).match(itemPattern);
    if (item) {
      const point = splitPoint(item[1]!);
      if (point) points.push(point);
    }
  }
  if (points.length === 0) {
    const refused = refusalPatterns.some((pattern) => pattern.test(trimmed));
    if (refused) return { status: 'refusal', reason: `refused: ${trimmed.slice(0, 120)}` };
    return { status: 'unparseable', reason: 'no key points found' };
  }
  if (stance === undefined) {
    const inline = trimmed.match(/\b(?:stance|answer|position)\b[^a-z]*\b(yes|no|neutral)\b/i);
    stance = inline ? toStance(inline[1]!) : 'neutral';
  }
  const kept = points.slice(0, wanted);
  return {
    status: 'ok',
    stance,
    points: kept,
    ...(kept.length < wanted ? { missingPoints: wanted - kept.length } : {}),
  };
}
