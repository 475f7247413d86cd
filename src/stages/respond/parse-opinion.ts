import type { KeyPoint, OpinionOutcome, Stance } from '../../core/question.js';

const refusalPatterns = [
  /\bI(?:'m| am)? (?:sorry|unable|not able)\b/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not|do not|don't|would rather not|prefer not to) (?:take|share|give|provide|offer|express|pick|choose)\b[^.]*\b(?:position|stance|side|opinion|view)/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not) (?:take|share|give|provide|offer|express)\b/i,
  /\b(?:as an AI|as a language model)\b/i,
  /\bI (?:don't|do not) have (?:personal )?(?:opinions|views|beliefs|preferences)\b/i,
  /\bI (?:don't|do not) take sides\b/i,
];

const stanceLabel =
  /^\W*(?:my\s+|overall\s+|short\s+)?(?:stance|position|answer|verdict|view)\s*(?:\([^)]*\))?\s*[:\-–—]\s*\W*(yes|no|neutral|undecided|it depends|mixed|partly|partially|both)\b/i;
const bareStance = /^\W*(yes|no|neutral)(?:\W*$|\s*[.,!;:—–-])/i;
const itemPattern = /^(?:\(?\d{1,2}[.):]|[-*•–+])\s+(.+)$/;
const subItemPattern = /^(?:\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)]|[-*•–+]|\d{1,2}\.\d{1,2}\.?)\s+(.+)$/i;
const labelOnly = /^(?:key\s+points?|reasons?|my\s+reasons?|points?|justification|why)\s*:?\s*$/i;
/** Labels of remarks around an answer that are not key points. */
const remark =
  /^(?:note|nb|disclaimer|caveat|summary|in summary|to summari[sz]e|to sum up|tl;?dr|conclusion|in conclusion|overall|ultimately|in short|bottom line|final thoughts?)\b\W/i;

function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/^([^*_]{1,80})[*_]+(\s*[:：—–-])/, '$1$2')
    .trim();
}

function toStance(word: string): Stance {
  const lower = word.toLowerCase();
  return lower === 'yes' ? 'yes' : lower === 'no' ? 'no' : 'neutral';
}

/** Splits "point: justification" (or "point - justification", or a first sentence). */
function splitPoint(text: string): KeyPoint | undefined {
  const body = clean(text.replace(/^[*_]+([^*_]+)[*_]+/, '$1'));
  if (body.length < 3) return undefined;
  const colon = body.match(/^(.{2,120}?)\s*[:：]\s+(.+)$/);
  if (colon) return { point: clean(colon[1]!), justification: clean(colon[2]!) };
  const dash = body.match(/^(.{2,120}?)\s+[-–—]\s+(.+)$/);
  if (dash) return { point: clean(dash[1]!), justification: clean(dash[2]!) };
  const sentence = body.match(/^(.{2,160}?[.!?])\s+(.+)$/);
  if (sentence)
    return { point: clean(sentence[1]!).replace(/[.!?]$/, ''), justification: clean(sentence[2]!) };
  return { point: body.replace(/[:.]$/, ''), justification: '' };
}

interface Line {
  raw: string;
  plain: string;
  indented: boolean;
  afterBlank: boolean;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = false;
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim().length === 0) {
      afterBlank = true;
      continue;
    }
    lines.push({ raw: raw.trim(), plain: clean(raw), indented: /^\s{2,}|^\t/.test(raw), afterBlank });
    afterBlank = false;
  }
  return lines;
}

/** A bold label opening a line ("**Public safety:** …"), read as a key point without numbering. */
const boldLabel = /^\*\*[^*]{2,80}\*\*\s*[:：—–-]|^\*\*[^*]{2,80}[:：]\*\*/;

/**
 * Reads an answer to the opinion prompt: a stance and up to `points` key points. Tolerates numbering
 * styles, markdown, bold labels, "Position:" for "Stance:", a justification on the line after its
 * point, indented sub-points (kept with their point), preamble notes and trailing summaries (not
 * points). A refusal — also a soft one followed by a list, without a stance — is reported as such;
 * an answer with fewer points than asked is kept with `missingPoints`.
 */
export function parseOpinion(text: string, options: { points?: number } = {}): OpinionOutcome {
  const wanted = options.points ?? 3;
  const trimmed = text.trim();
  if (trimmed.length === 0) return { status: 'refusal', reason: 'empty answer' };
  const lines = linesOf(trimmed);
  let stance: Stance | undefined;
  let stanceLine = -1;
  const items: { point: KeyPoint; line: number }[] = [];
  let current: KeyPoint | undefined;
  for (const [index, line] of lines.entries()) {
    const stanceMatch =
      line.plain.match(stanceLabel) ??
      (stance === undefined && index === 0 ? line.plain.match(bareStance) : null);
    if (stanceMatch && stance === undefined) {
      stance = toStance(stanceMatch[1]!);
      stanceLine = index;
      current = undefined;
      continue;
    }
    if (labelOnly.test(line.plain)) continue;
    const isRemark = remark.test(line.plain) || remark.test(line.plain.replace(itemPattern, '$1'));
    const sub =
      current && (line.indented || /^\(?[a-z][.)]\s/i.test(line.raw)) && line.raw.match(subItemPattern);
    if (sub && current && !isRemark) {
      current.justification = `${current.justification} ${clean(sub[1]!)}`.trim();
      continue;
    }
    const item = line.raw.match(itemPattern) ?? line.plain.match(itemPattern);
    if ((item || boldLabel.test(line.raw)) && !isRemark) {
      current = splitPoint(item ? item[1]! : line.raw);
      if (current) items.push({ point: current, line: index });
      continue;
    }
    if (isRemark) {
      current = undefined;
      continue;
    }
    // Prose after a point continues its justification (the justification on the next line).
    if (current && (!line.afterBlank || current.justification === '')) {
      current.justification = `${current.justification} ${line.plain}`.trim();
      continue;
    }
    current = undefined;
  }
  // Bullets before a stance line that is followed by points are preamble, not key points.
  const after = items.filter((item) => item.line > stanceLine);
  const points = (stanceLine >= 0 && after.length > 0 ? after : items).map((item) => item.point);
  const opening = lines
    .slice(0, Math.max(1, items[0]?.line ?? lines.length))
    .map((line) => line.plain)
    .join(' ');
  const refused = refusalPatterns.some((pattern) => pattern.test(points.length === 0 ? trimmed : opening));
  if (stance === undefined && refused)
    return { status: 'refusal', reason: `refused: ${trimmed.slice(0, 120)}` };
  if (points.length === 0) return { status: 'unparseable', reason: 'no key points found' };
  if (stance === undefined) {
    const inline = trimmed.match(/\b(?:stance|answer|position|view)\b(?:\s+is)?[^a-z]*\b(yes|no|neutral)\b/i);
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
