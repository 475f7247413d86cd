import type { KeyPoint, OpinionOutcome, Stance } from '../../core/question.js';
import { findJsonObject } from '../reply/find-json.js';
import { stanceOfWord } from '../reply/words.js';

const STANCE_KEYS = ['stance', 'position', 'answer', 'verdict', 'postura', 'haltung', 'réponse'];
const POINT_LIST_KEYS = [
  'key_points',
  'keyPoints',
  'key points',
  'points',
  'reasons',
  'arguments',
  'keypoints',
];
const TITLE_KEYS = ['point', 'title', 'key_point', 'keyPoint', 'name', 'heading', 'reason', 'argument'];
const WHY_KEYS = [
  'why',
  'justification',
  'explanation',
  'because',
  'details',
  'detail',
  'rationale',
  'reasoning',
];

function field(object: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const key of keys) if (key in object) return object[key];
  const lower = new Map(Object.keys(object).map((key) => [key.toLowerCase(), key]));
  for (const key of keys) {
    const found = lower.get(key.toLowerCase());
    if (found !== undefined) return object[found];
  }
  return undefined;
}

/** A key point from a JSON entry: `{point, why}` (and synonyms) or a "point: justification" string. */
function pointOf(entry: unknown, splitText: (text: string) => KeyPoint | undefined): KeyPoint | undefined {
  if (typeof entry === 'string') return splitText(entry);
  if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return undefined;
  const object = entry as Record<string, unknown>;
  const title = field(object, TITLE_KEYS);
  const why = field(object, WHY_KEYS);
  if (typeof title !== 'string' || title.trim() === '') return undefined;
  return { point: title.trim(), justification: typeof why === 'string' ? why.trim() : '' };
}

/** The stance a JSON value gives: a stance word, or a phrase starting with one ("Yes, with limits"). */
function stanceOf(value: unknown): Stance | undefined {
  if (typeof value !== 'string') return undefined;
  const direct = stanceOfWord(value);
  if (direct) return direct;
  const first = value.trim().match(/^[\p{L}]+/u)?.[0];
  return first ? stanceOfWord(first) : undefined;
}

/**
 * Reads an opinion written as JSON (`{"stance": …, "key_points": [...]}` fenced or bare). Undefined
 * when the reply is not a JSON answer; an outcome (possibly unparseable) when it is one.
 */
export function readOpinionJson(
  text: string,
  wanted: number,
  splitText: (text: string) => KeyPoint | undefined,
): OpinionOutcome | undefined {
  const opening = text.replace(/^```[a-z]*\s*/i, '').trimStart();
  const found = findJsonObject(text);
  // JSON after a line of prose ("Here you go:") counts only when it is an opinion object.
  if (!opening.startsWith('{') && !(found.ok && POINT_LIST_KEYS.some((key) => key in found.value)))
    return undefined;
  if (!found.ok)
    return {
      status: 'unparseable',
      reason: found.truncated ? 'the JSON answer is cut off' : 'the JSON answer is not valid JSON',
    };
  const list = field(found.value, POINT_LIST_KEYS);
  const stanceValue = field(found.value, STANCE_KEYS);
  if (!Array.isArray(list) && stanceValue === undefined) return undefined;
  const points = (Array.isArray(list) ? list : []).map((entry) => pointOf(entry, splitText));
  if (points.length === 0 || points.some((point) => point === undefined))
    return { status: 'unparseable', reason: 'the JSON answer has no readable key points' };
  const kept = (points as KeyPoint[]).slice(0, wanted);
  const stance = stanceOf(stanceValue);
  return {
    status: 'ok',
    stance: stance ?? null,
    ...(stance === undefined
      ? {
          stanceReason:
            stanceValue === undefined
              ? 'the JSON answer gives no stance'
              : `the JSON stance "${String(stanceValue).slice(0, 40)}" is not yes, no or neutral`,
        }
      : {}),
    points: kept,
    ...(kept.length < wanted ? { missingPoints: wanted - kept.length } : {}),
  };
}
