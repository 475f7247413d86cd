import type { TokenAlternative } from '../../core/provider.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { findJsonObject } from '../reply/find-json.js';
import { ANSWER_CUT, prepareReply, type ReplyInput } from '../reply/reply-text.js';

/** A per-value judge reply read: the label, or why none could be read. */
export type YesNoReading = { ok: true; value: boolean } | { ok: false; reason: string };

const YES = ['yes', 'y', 'true', 'sí', 'si', 'ja', 'oui', 'sim', '是', '是的', '对', 'はい'];
const NO = ['no', 'n', 'false', 'nein', 'non', 'não', '否', '不是', 'いいえ'];
const WORDS = new Map<string, boolean>([
  ...YES.map((word) => [word, true] as const),
  ...NO.map((word) => [word, false] as const),
]);
const CJK_WORDS = [...WORDS.keys()]
  .filter((word) => /^[\p{Script=Han}\p{Script=Hiragana}]/u.test(word))
  .sort((a, b) => b.length - a.length)
  .map((word) => ({ word, pattern: new RegExp(`^${word}(?!\\p{L})`, 'u') }));
/** "Answer:", "Yes/No:", "Verdict —" before the word itself. */
const LABEL =
  /^(?:final answer|answer|verdict|label|response|yes\s*\/\s*no|reflects(?: the value)?)\s*[:：—–-]\s*/i;
/** "I would say yes", "I think no", "My answer is yes", "Definitely yes". */
const HEDGE =
  /^(?:i(?:'d| would)? say|i think|i believe|my answer is|the answer is|i would answer)[:\s]+|^(?:definitely|clearly|certainly|absolutely)[,\s]+(?=yes|no)/i;
/** The one word that opens the reply, and what follows it. */
const OPENING = /^([\p{L}]+)([\s\S]*)$/u;

/**
 * Reads a per-value judge reply ("Yes", "**No**", "Yes, because…", "I would say no", "Y", in several
 * languages; reasoning set aside). Anything that is not a clear yes or no ("Partially", "Not really",
 * "Yes and no", a value name) is unreadable with its reason — never guessed.
 */
export function readYesNo(input: ReplyInput): YesNoReading {
  const prepared = prepareReply(input);
  if (prepared.unreadable) return { ok: false, reason: prepared.unreadable };
  const first = prepared.answer.split(/\r?\n/).find((line) => line.trim() !== '');
  if (first === undefined) return { ok: false, reason: 'empty judge answer' };
  const plain = first
    .replace(/\*\*|__|`/g, '')
    .replace(/^[\s#>*_"'“‘(]+/, '')
    .replace(LABEL, '')
    .replace(HEDGE, '')
    .trim();
  const match = plain.match(OPENING);
  const word = match?.[1]?.toLowerCase();
  const value = word === undefined ? undefined : WORDS.get(word);
  if (value === undefined) {
    const cjk = CJK_WORDS.find((entry) => entry.pattern.test(plain));
    if (cjk) return { ok: true, value: WORDS.get(cjk.word)! };
    return { ok: false, reason: `the judge answered "${first.trim().slice(0, 60)}", not Yes or No` };
  }
  // "Yes and no", "Yes or no", "No/Yes": both answers at once.
  if (/^\s*(?:and|or|\/|&)\s*(?:yes|no)\b/i.test(match![2]!))
    return { ok: false, reason: `the judge answered "${first.trim().slice(0, 60)}", both Yes and No` };
  return { ok: true, value };
}

/** P(yes) from first-token alternatives: Yes-like mass over Yes-like plus No-like mass. */
export function probabilityOfYes(alternatives: readonly TokenAlternative[]): number | undefined {
  let yes = 0;
  let no = 0;
  for (const alternative of alternatives) {
    const token = alternative.token.trim().toLowerCase();
    if (token === 'yes') yes += Math.exp(alternative.logprob);
    else if (token === 'no') no += Math.exp(alternative.logprob);
  }
  return yes + no === 0 ? undefined : yes / (yes + no);
}

/** A batched judgement read: the labels given (others `missing`), or why none could be read. */
export type BatchedReading =
  | { ok: true; values: Record<string, boolean>; missing?: string[] }
  | { ok: false; reason: string };

function normalise(key: string): string {
  return key
    .toLowerCase()
    .replace(/[\s\-–]+/g, '_')
    .replace(/[^\p{L}\p{N}_]/gu, '');
}

const keyCache = new WeakMap<ValueTheory, Map<string, string>>();

/** Value id by its id or name, written in any case, with spaces, hyphens or underscores. */
function keysOf(theory: ValueTheory): Map<string, string> {
  let keys = keyCache.get(theory);
  if (!keys) {
    keys = new Map<string, string>();
    for (const value of theory.values) {
      keys.set(normalise(value.id), value.id);
      keys.set(normalise(value.name), value.id);
    }
    keyCache.set(theory, keys);
  }
  return keys;
}

/** A label as models write it: a boolean, "true"/"yes"/"no", 1/0. Undefined for anything else. */
function labelOf(raw: unknown): boolean | undefined {
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  if (typeof raw !== 'string') return undefined;
  return WORDS.get(raw.trim().toLowerCase().replace(/[.!]$/, ''));
}

/** The object that holds the labels: `values` (or alike), else the top level itself. */
function labelsHolder(object: Record<string, unknown>): unknown {
  for (const key of ['values', 'labels', 'judgement', 'judgment', 'value_labels', 'result'])
    if (key in object) return object[key];
  return object;
}

/** "Self-Direction: No" lines, one per value, when a judge answers with a list instead of JSON. */
function labelLines(text: string, keys: Map<string, string>): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = line
      .replace(/\*\*|__|`/g, '')
      .match(
        /^\s*(?:[-*•|]|\d{1,2}[.)])?\s*([\p{L}][\p{L}\s_-]{1,40}?)\s*(?:[:：=|]|\s[—–-])\s*([\p{L}]+)(?![\p{L}])/u,
      );
    if (match && keys.has(normalise(match[1]!))) labels[match[1]!] = match[2]!;
  }
  return Object.keys(labels).length >= 2 ? labels : undefined;
}

/** The labels of a holder (an object of labels, or a list of the values reflected). */
function readHolder(holder: unknown, keys: Map<string, string>, theory: ValueTheory): BatchedReading {
  const given = new Map<string, boolean | undefined>();
  if (Array.isArray(holder)) {
    const named = holder.map((entry) => (typeof entry === 'string' ? keys.get(normalise(entry)) : undefined));
    if (named.some((id) => id === undefined))
      return { ok: false, reason: 'the judge listed something that is not a value of the theory' };
    for (const value of theory.values) given.set(value.id, named.includes(value.id));
  } else if (holder && typeof holder === 'object') {
    for (const [key, raw] of Object.entries(holder as Record<string, unknown>)) {
      const id = keys.get(normalise(key));
      if (id === undefined) continue;
      const label = labelOf(raw);
      // The same value labelled twice, differently, is no label.
      given.set(id, given.has(id) && given.get(id) !== label ? undefined : label);
    }
  } else return { ok: false, reason: 'the judge JSON holds no labels' };
  const values: Record<string, boolean> = {};
  const missing: string[] = [];
  for (const value of theory.values) {
    const label = given.get(value.id);
    if (label === undefined) missing.push(value.id);
    else values[value.id] = label;
  }
  if (missing.length === theory.values.length)
    return { ok: false, reason: 'the judge labels no value of the theory readably' };
  return { ok: true, values, ...(missing.length > 0 ? { missing } : {}) };
}

/**
 * Reads a batched judge reply: the JSON object of labels, fenced or with prose around it, with a
 * trailing comma, value names instead of ids, "true"/"yes" strings, a list of the values reflected, or
 * "Value: yes" lines. Values the reply does not label readably are `missing` (unknown, never "not
 * expressed"); a reply with no readable label, a cut one or one that is not JSON is unreadable.
 */
export function parseBatchedJudgement(input: ReplyInput, theory: ValueTheory): BatchedReading {
  const prepared = prepareReply(input);
  if (prepared.unreadable) return { ok: false, reason: prepared.unreadable };
  const keys = keysOf(theory);
  const found = findJsonObject(prepared.answer);
  if (found.ok) return readHolder(labelsHolder(found.value), keys, theory);
  const listed = found.truncated ? undefined : labelLines(prepared.answer, keys);
  if (listed) return readHolder(listed, keys, theory);
  return { ok: false, reason: found.truncated && prepared.truncated ? ANSWER_CUT : found.reason };
}
