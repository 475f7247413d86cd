import type { KeyPoint, OpinionOutcome, Stance } from '../../core/question.js';
import { ANSWER_CUT, prepareReply, type ReplyInput } from '../reply/reply-text.js';
import { stanceInProse } from '../reply/stance-in-prose.js';
import {
  LABELLED_STANCE_WORD,
  labelPattern,
  POINT_LIST_LABELS,
  STANCE_LABELS,
  STANCE_WORD,
  stanceOfWord,
} from '../reply/words.js';
import { readOpinionJson } from './read-opinion-json.js';

const refusalPatterns = [
  /\bI(?:'m| am)? (?:sorry|unable|not able)\b/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not|do not|don't|would rather not|prefer not to) (?:take|share|give|provide|offer|express|pick|choose)\b[^.]*\b(?:position|stance|side|opinion|view)/i,
  /\bI (?:can(?:no|')t|cannot|won't|will not) (?:take|share|give|provide|offer|express)\b/i,
  /\b(?:as an AI|as a language model)\b/i,
  /\bI (?:don't|do not) have (?:personal )?(?:opinions|views|beliefs|preferences)\b/i,
  /\bI (?:don't|do not) take sides\b/i,
];

const STANCE_LABEL = labelPattern(STANCE_LABELS);
/** "Stance: yes", "**Postura:** Sí", "立场：支持", "Stance (yes/no/neutral): no". */
const stanceLabelPrefix = new RegExp(
  String.raw`^[^\p{L}\p{N}]*${STANCE_LABEL}\s*(?:\([^)]*\))?\s*[:：\-–—]\s*[^\p{L}\p{N}]*`,
  'iu',
);
const labelledStance = new RegExp(`^${LABELLED_STANCE_WORD}`, 'iu');
/** A stance label with something else after it ("Stance: partly"), to say why no stance was read. */
const stanceLabelOther = /^[^\p{L}\p{N}]*(?:stance|position|postura|haltung|立场|立場)\s*[:：]\s*(.{1,40})/iu;
/** A label's separator; a line without one holds no "Label: value". */
const SEPARATOR = /[:：\-–—]/;
/** Longest line read as a heading ("### Key points"). */
const MAX_HEADING = 40;
/** A stance heading alone on its line ("### Stance"), the stance on the next. */
const stanceHeading = new RegExp(String.raw`^${STANCE_LABEL}\s*[:：]?\s*$`, 'iu');
/** A line that is only a stance word ("Yes", "**No.**"). */
const stanceAlone = new RegExp(String.raw`^[^\p{L}\p{N}]*${STANCE_WORD}[^\p{L}\p{N}]*$`, 'iu');
/** A first line opening with a stance word ("Yes.", "No — …"). */
const bareStance = new RegExp(String.raw`^[^\p{L}\p{N}]*${STANCE_WORD}\s*(?:$|[.,!;:—–-])`, 'iu');
const itemPattern =
  /^(?:(?:\(?\d{1,2}[.):]|[-*•–+])\s+|(?:point|punto|punkt|point clé)\s+\d{1,2}\s*[:.)\-–—]\s*)(.+)$/i;
const subItemPattern = /^(?:\(?[a-z]{1,3}[.)]|\(?[ivx]{1,4}[.)]|[-*•–+]|\d{1,2}\.\d{1,2}\.?)\s+(.+)$/i;
const listHeading = new RegExp(String.raw`^${labelPattern(POINT_LIST_LABELS)}\s*[:：]?\s*$`, 'iu');
/** Labels of remarks around an answer that are not key points. */
const remark =
  /^(?:note|nb|disclaimer|caveat|summary|in summary|to summari[sz]e|to sum up|tl;?dr|conclusion|in conclusion|overall|ultimately|in short|bottom line|final thoughts?|important considerations?)\b\W/i;

function clean(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/^[*_]+|[*_]+$/g, '')
    .replace(/^([^*_]{1,80})[*_]+(\s*[:：—–-])/, '$1$2')
    .trim();
}

/** Splits "point: justification" (or "point - justification", or a first sentence). */
function splitPoint(text: string): KeyPoint | undefined {
  const body = clean(text.replace(/^[*_]+([^*_]+)[*_]+/, '$1'));
  if (body.length < 3) return undefined;
  const colon = body.match(/^(.{2,120}?[^:\s])\s*[:：]\s+(.+)$/);
  if (colon) return { point: clean(colon[1]!), justification: clean(colon[2]!) };
  const dash = body.match(/^(.{2,120}?)\s+[-–—]\s+(.+)$/);
  if (dash) return { point: clean(dash[1]!), justification: clean(dash[2]!) };
  const sentence = body.match(/^(.{2,160}?[.!?])\s+(.+)$/);
  if (sentence)
    return { point: clean(sentence[1]!).replace(/[.!]$/, ''), justification: clean(sentence[2]!) };
  return { point: body.replace(/[:：.]$/, ''), justification: '' };
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

/** What the line scan of a free-text answer found. */
interface TextReading {
  labelled: { stance: Stance; line: number }[];
  items: { point: KeyPoint; line: number }[];
  /** Lines outside the key points (opening, remarks, closing), where a stance may be said in prose. */
  prose: string[];
  lines: Line[];
  /** Index of the last line that belongs to a key point (its title, sub-points or justification). */
  lastPointLine: number;
  /** What a stance label said when it was no stance word. */
  unreadLabel?: string;
}

function stanceOfLine(lines: Line[], index: number): Stance | undefined {
  const line = lines[index]!;
  // The label first (cheap), then the stance word after it; headings are short lines.
  const label = SEPARATOR.test(line.plain) ? line.plain.match(stanceLabelPrefix) : null;
  const labelled = label ? line.plain.slice(label[0].length).match(labelledStance) : null;
  if (labelled) return stanceOfWord(labelled[1]!);
  const next = lines[index + 1];
  if (next && line.plain.length <= MAX_HEADING && stanceHeading.test(line.plain)) {
    const alone = next.plain.match(stanceAlone);
    if (alone) return stanceOfWord(alone[1]!);
  }
  return undefined;
}

function scanText(text: string): TextReading {
  const lines = linesOf(text);
  const reading: TextReading = { labelled: [], items: [], prose: [], lines, lastPointLine: -1 };
  let current: KeyPoint | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const stance = stanceOfLine(lines, index) ?? (index === 0 ? matchBare(line.plain) : undefined);
    if (stance) {
      reading.labelled.push({ stance, line: index });
      if (line.plain.length <= MAX_HEADING && stanceHeading.test(line.plain)) index++;
      current = undefined;
      continue;
    }
    if (line.plain.length <= MAX_HEADING && listHeading.test(line.plain)) continue;
    if (reading.unreadLabel === undefined && SEPARATOR.test(line.plain))
      reading.unreadLabel = line.plain.match(stanceLabelOther)?.[1]?.trim();
    const isRemark = remark.test(line.plain) || remark.test(line.plain.replace(itemPattern, '$1'));
    const sub =
      current && (line.indented || /^\(?[a-z][.)]\s/i.test(line.raw)) && line.raw.match(subItemPattern);
    if (sub && current && !isRemark) {
      current.justification = `${current.justification} ${clean(sub[1]!)}`.trim();
      reading.lastPointLine = index;
      continue;
    }
    const item = line.raw.match(itemPattern) ?? line.plain.match(itemPattern);
    if ((item || boldLabel.test(line.raw)) && !isRemark) {
      current = splitPoint(item ? item[1]! : line.raw);
      if (current) {
        reading.items.push({ point: current, line: index });
        reading.lastPointLine = index;
      }
      continue;
    }
    if (isRemark) {
      reading.prose.push(line.plain);
      current = undefined;
      continue;
    }
    // Prose after a point continues its justification (the justification on the next line).
    if (current && (!line.afterBlank || current.justification === '')) {
      current.justification = `${current.justification} ${line.plain}`.trim();
      reading.lastPointLine = index;
      continue;
    }
    reading.prose.push(line.plain);
    current = undefined;
  }
  return reading;
}

function matchBare(plain: string): Stance | undefined {
  const match = plain.match(bareStance);
  return match ? stanceOfWord(match[1]!) : undefined;
}

/** The stance of a free-text answer: labelled lines first, then prose; never a default. */
function decideStance(reading: TextReading): { stance: Stance } | { stance: null; stanceReason: string } {
  const labelled = new Set(reading.labelled.map((entry) => entry.stance));
  if (labelled.size === 1) return { stance: [...labelled][0]! };
  if (labelled.size > 1)
    return { stance: null, stanceReason: `the answer gives different stances (${[...labelled].join(', ')})` };
  const prose = stanceInProse(reading.prose);
  if (prose && 'stance' in prose) return { stance: prose.stance };
  if (prose) return { stance: null, stanceReason: `the answer's prose says ${prose.conflict.join(' and ')}` };
  if (reading.unreadLabel)
    return { stance: null, stanceReason: `the stance "${reading.unreadLabel}" is not yes, no or neutral` };
  return { stance: null, stanceReason: 'no stance in the answer' };
}

function readText(trimmed: string, wanted: number, truncated: boolean): OpinionOutcome {
  const reading = scanText(trimmed);
  const { items, lines } = reading;
  // Bullets before a stance line that is followed by points are preamble, not key points.
  const stanceLineIndex = reading.labelled[0]?.line ?? -1;
  const after = items.filter((item) => item.line > stanceLineIndex);
  const points = (stanceLineIndex >= 0 && after.length > 0 ? after : items).map((item) => item.point);
  const opening = lines
    .slice(0, Math.max(1, items[0]?.line ?? lines.length))
    .map((line) => line.plain)
    .join(' ');
  const refused = refusalPatterns.some((pattern) => pattern.test(points.length === 0 ? trimmed : opening));
  if (reading.labelled.length === 0 && refused)
    return { status: 'refusal', reason: `refused: ${trimmed.slice(0, 120)}` };
  if (truncated && (points.length < wanted || reading.lastPointLine === lines.length - 1))
    return { status: 'unparseable', reason: ANSWER_CUT };
  if (points.length === 0) return { status: 'unparseable', reason: 'no key points found' };
  const kept = points.slice(0, wanted);
  return {
    status: 'ok',
    ...decideStance(reading),
    points: kept,
    ...(kept.length < wanted ? { missingPoints: wanted - kept.length } : {}),
  };
}

/**
 * Reads an answer to the opinion prompt: a stance and up to `points` key points (see
 * docs/method.md, "Reading replies"). Reasoning blocks are set aside first; JSON answers, numbering
 * styles, markdown, bold labels, stance labels in several languages, a stance heading over its line,
 * a stance said in prose and indented sub-points are read. A refusal — also a soft one followed by a
 * list, without a stance — is reported as such; an answer cut at the token limit is unparseable; a
 * stance that cannot be read is `null` with its reason, never a default.
 */
export function parseOpinion(input: ReplyInput, options: { points?: number } = {}): OpinionOutcome {
  const wanted = options.points ?? 3;
  const prepared = prepareReply(input);
  if (prepared.unreadable) return { status: 'unparseable', reason: prepared.unreadable };
  const trimmed = prepared.answer;
  if (trimmed.length === 0) return { status: 'refusal', reason: 'empty answer' };
  const json = readOpinionJson(trimmed, wanted, splitPoint);
  if (json)
    return json.status === 'unparseable' && prepared.truncated ? { ...json, reason: ANSWER_CUT } : json;
  return readText(trimmed, wanted, prepared.truncated);
}
