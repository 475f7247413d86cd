import type { ValueTheory } from '../core/value-theory.js';
import { ACTION_FRAMES, type ActionFrame } from './frames.js';
import { hashString } from './hash.js';
import { JudgeReading } from './judge-reading.js';
import { wordsFor } from './lexicon.js';
import { BoundedMemo } from './memo.js';
import { loadReader, type ReadToken, readTokens } from './nlp.js';
import { objectSense } from './object-sense.js';
import { PRACTICE_BY_KEY, type Practice } from './practices.js';
import { TOPICS_BY_FIRST } from './topics.js';
import { wordList } from './word-list.js';

/** What the sandbox reads from a question. */
export interface QuestionReading {
  /** Relevance per value (theory order), 0..1: named, brought in by the subject, or at stake in the action. */
  relevance: number[];
  /** Values the question's own words name (what a judge reading the question would label). */
  named: boolean[];
  /** -1 when the question asks to limit or remove something, else +1. */
  polarity: 1 | -1;
  /** 0 for a generic or unreadable question, up to 1 for a concrete, contested one. */
  specificity: number;
  /** 1 for a readable English question, towards 0 for made-up words or no predicate. */
  coherence: number;
  /** How far apart on the value circle the values it sets against each other lie, 0..1. */
  contest: number;
  /** Side per value of the asked action: +1 served, -1 at its cost, 0 neither. */
  side: number[];
  /** The subject, as a phrase of the question's own words ("human cloning"). */
  topic: string;
  /** The first subject the model knows that the question names (its lemmas, "death penalty"). */
  subject?: string;
  /**
   * When the question names a concrete practice the models know: the side of each value in its
   * debate (+1 served, -1 at its cost, 0 neither) and its tension, 0..1 (how far apart on the
   * circle the values it pits against each other lie: neighbours 0, opposites 1).
   */
  stake?: { side: number[]; tension: number };
  /**
   * What the question sets against what, when it does: the practice's debate or the action's frame,
   * plus the values a trade-off clause ("even if it means less privacy") names as its price; side
   * per value (+1 served, -1 costed) and tension as for `stake`.
   */
  debate?: { side: number[]; tension: number };
  /** The policy action's lemma, when the question asks for one. */
  action?: string;
  /** Places and named actors the question mentions. */
  names: string[];
  words: number;
}

const selfWords = new Set(wordList('i me my myself mine'));
const youWords = new Set(wordList('you your yourself'));
const valuingWords = new Set(wordList('important importance valuable worthwhile'));
const actorWords = new Set(
  wordList(
    'government state country nation city council school university company employer parent court parliament hospital society authority ministry region province union platform police',
  ),
);
const vagueNouns = new Set(
  wordList(
    'people person thing way world life lot time idea other others one everyone anyone something anything everything kind part sort matter fact case question',
  ),
);
const judgementWords = new Set(
  wordList(
    'good bad wrong right acceptable unacceptable justified justifiable moral immoral ethical unethical irrational necessary worth harmful beneficial better worse responsible scam legitimate excessive',
  ),
);
const questionWords = new Set(
  wordList('what which who whom whose when where why how do does did can could would will'),
);
const deonticWords = new Set(wordList('should must ought'));
const contentTags = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV']);

/** Lemma runs that open a trade-off clause: what follows is the price of the asked action. */
const TRADEOFF_OPENERS = [
  ['even', 'if'],
  ['even', 'when'],
  ['at', 'the', 'cost'],
  ['at', 'the', 'expense'],
  ['despite'],
  ['rather', 'than'],
  ['instead', 'of'],
];

/** Where the first trade-off clause starts among `lemmas`, or -1. */
function tradeoffStart(lemmas: readonly string[]): number {
  for (let at = 0; at < lemmas.length; at++) {
    for (const opener of TRADEOFF_OPENERS) {
      if (opener.every((word, offset) => lemmas[at + offset] === word)) return at;
    }
  }
  return -1;
}

function clamp(value: number, low = 0, high = 1): number {
  return Math.min(high, Math.max(low, value));
}

/** Reads texts against a theory; results are memoised by text (at most 50,000 readings, 100,000 value sets). */
export class TextReader {
  private readonly wordValue = new Map<string, number>();
  private readonly phrases: { phrase: string; value: number }[] = [];
  private readonly valueIndex: Map<string, number>;
  private readonly questionMemo = new BoundedMemo<string, QuestionReading>(25_000);
  private readonly valuesMemo = new BoundedMemo<string, boolean[]>(50_000);
  private readonly judge: JudgeReading;
  readonly size: number;

  constructor(readonly theory: ValueTheory) {
    // A reader is built to read: load the model with the world rather than inside the first answer.
    loadReader();
    this.size = theory.values.length;
    this.valueIndex = new Map(theory.values.map((value, index) => [value.id, index]));
    const words = wordsFor(theory);
    this.judge = new JudgeReading(theory, words);
    for (const [index, value] of theory.values.entries()) {
      for (const word of words.get(value.id) ?? []) {
        if (word.includes(' ')) this.phrases.push({ phrase: ` ${word} `, value: index });
        else this.wordValue.set(word, index);
      }
    }
  }

  private hits(tokens: ReadToken[]): number[] {
    const counts = new Array<number>(this.size).fill(0);
    for (const token of tokens) {
      const value = this.wordValue.get(token.lemma) ?? this.wordValue.get(token.text.toLowerCase());
      if (value !== undefined) counts[value]!++;
    }
    const joined = ` ${tokens.map((token) => token.lemma).join(' ')} `;
    for (const entry of this.phrases) if (joined.includes(entry.phrase)) counts[entry.value]!++;
    return counts;
  }

  /** Which values a text reflects, as the sandbox judge reads it (`judge-reading.ts`). */
  valuesIn(text: string): boolean[] {
    return this.valuesMemo.through(text, () => this.judge.read(readTokens(text), this.size));
  }

  /** Reads a question: what it names, what its subject and action put at stake, how concrete and readable it is. */
  readQuestion(text: string): QuestionReading {
    return this.questionMemo.through(text, () => this.read(text));
  }

  private indexOf(id: string): number | undefined {
    return this.valueIndex.get(id);
  }

  private read(text: string): QuestionReading {
    const tokens = readTokens(text).filter((token) => token.pos !== 'PUNCT' && token.pos !== 'SYM');
    const lemmas = tokens.map((token) => token.lemma);
    const counts = this.hits(tokens);
    const named = counts.map((count) => count > 0);
    const relevance = counts.map((count) => 0.6 * Math.min(2, count));

    // Subject knowledge and the asked action (Schwartz only; other theories rely on their words).
    const evoked = new Set<number>();
    let known = 0;
    let subject: string | undefined;
    let practice: Practice | undefined;
    // Every one-, two- and three-word lemma run, looked up in what the model knows of subjects.
    // (Indexed by first lemma, shortest first: the same matches in the same order as looking up each run.)
    for (let start = 0; start < lemmas.length; start++) {
      for (const { words, ids } of TOPICS_BY_FIRST.get(lemmas[start]!) ?? []) {
        if (!startsAt(lemmas, start, words)) continue;
        known++;
        subject ??= words.join(' ');
        practice ??= PRACTICE_BY_KEY.get(words.join(' '));
        for (const id of ids) {
          const index = this.indexOf(id);
          if (index === undefined) continue;
          evoked.add(index);
          relevance[index]! += 0.45;
        }
      }
    }
    let frame: ActionFrame | undefined;
    let action: string | undefined;
    let actionAt = -1;
    for (const [at, lemma] of lemmas.entries()) {
      frame = ACTION_FRAMES.get(lemma);
      if (frame) {
        action = lemma;
        actionAt = at;
        break;
      }
    }
    const side = new Array<number>(this.size).fill(0);
    for (const [ids, sign] of [
      [frame?.serves ?? [], 1],
      [frame?.costs ?? [], -1],
    ] as const) {
      for (const id of ids) {
        const index = this.indexOf(id);
        if (index === undefined) continue;
        side[index] = sign;
        relevance[index]! += 0.3;
      }
    }
    // Words nobody listed still pull a little towards some value, as associations do.
    for (const token of tokens) {
      if (!contentTags.has(token.pos) || token.lemma.length < 4 || this.wordValue.has(token.lemma)) continue;
      relevance[hashString(token.lemma) % this.size]! += 0.05;
    }

    const content = tokens.filter((token) => contentTags.has(token.pos) && !token.quantity);
    // Unknown capitalised words may be names the model has not heard of; unknown lower-case words are gibberish.
    const strangeness = content.reduce((sum, t) => sum + (t.unknown ? (t.capitalised ? 0.5 : 1) : 0), 0);
    const unknownShare = content.length === 0 ? 1 : strangeness / content.length;
    // A question opens with an auxiliary, modal or wh-word, or at least has a verb the model knows.
    const opener = tokens[0];
    const predicate =
      (opener !== undefined && (opener.pos === 'AUX' || questionWords.has(opener.lemma))) ||
      tokens.some((token) => token.pos === 'VERB' && !token.unknown);
    // A policy verb needs a sensible object: "legalise authority" and "restrict own beliefs" do not read.
    const coherence =
      clamp(1 - 2.5 * Math.max(0, unknownShare - 0.2)) *
      (predicate ? 1 : 0.4) *
      (actionAt >= 0 && tokens[actionAt]!.pos === 'VERB' ? objectSense(tokens, actionAt) : 1);

    const selfFocus = Math.max(
      lemmas.some((lemma) => selfWords.has(lemma)) ? 1 : 0,
      lemmas.some((lemma) => youWords.has(lemma)) ? 0.7 : 0,
      lemmas.some((lemma) => valuingWords.has(lemma)) ? 0.5 : 0,
    );
    const names = tokens
      .filter((token) => token.pos === 'PROPN' && !token.unknown)
      .map((token) => token.text);
    const actor =
      names.length > 0 || lemmas.some((lemma) => actorWords.has(lemma)) ? 1 : lemmas.includes('we') ? 0.5 : 0;
    const quantity = tokens.some((token) => token.quantity) ? 1 : 0;

    const namedIndices: number[] = [];
    for (let index = 0; index < named.length; index++) if (named[index]) namedIndices.push(index);
    const spread = (indices: number[]) => {
      let widest = 0;
      for (const a of indices) for (const b of indices) widest = Math.max(widest, this.distance(a, b));
      return clamp((widest - 2) / (this.size / 2 - 2));
    };
    const concrete = content.filter(
      (token) =>
        token.pos === 'NOUN' &&
        !vagueNouns.has(token.lemma) &&
        !this.wordValue.has(token.lemma) &&
        !token.unknown,
    ).length;
    // A verdict on a concrete subject ("Is X wrong?") is contested; "Is it good to be kind?" is not.
    const judgement =
      lemmas.some((lemma) => judgementWords.has(lemma)) && (concrete > 0 || known > 0) ? 1 : 0;
    const deontic = deonticWords.has(lemmas[0] ?? '') ? 1 : 0;
    const contest =
      1 -
      (1 - (frame ? 0.6 : 0)) *
        (1 - 0.4 * judgement) *
        (1 - spread([...evoked])) *
        (1 - 0.7 * spread(namedIndices));
    const stuffing = clamp(1 - 0.15 * Math.max(0, namedIndices.length - 3), 0.3);
    const concreteness = clamp(
      0.1 +
        (frame ? 0.25 : 0) +
        (known > 0 ? 0.15 : 0) +
        0.1 * Math.max(judgement, deontic) +
        0.05 * Math.min(2, concrete) +
        0.15 * actor +
        0.1 * quantity +
        0.35 * contest,
    );
    const specificity = coherence * (1 - 0.85 * selfFocus) * stuffing * concreteness;
    const topic = topicOf(tokens, this.wordValue);
    const stake = practice ? this.stakeOf(practice) : undefined;
    const debate = this.debateOf(stake?.side ?? side, tokens, lemmas);
    return {
      relevance: relevance.map((value) => clamp(value)),
      named,
      polarity: frame?.polarity ?? 1,
      specificity,
      coherence,
      contest,
      side,
      topic,
      ...(subject ? { subject } : {}),
      ...(stake ? { stake } : {}),
      ...(debate ? { debate } : {}),
      ...(action ? { action } : {}),
      names,
      words: tokens.length,
    };
  }

  private stakeOf(practice: Practice): QuestionReading['stake'] {
    const side = new Array<number>(this.size).fill(0);
    for (const id of practice.serves) {
      const index = this.indexOf(id);
      if (index !== undefined) side[index] = 1;
    }
    for (const id of practice.costs) {
      const index = this.indexOf(id);
      if (index !== undefined) side[index] = -1;
    }
    return this.sided(side);
  }

  /** The debate a question sets up: `base` sides plus the values named after a trade-off phrase, as costs. */
  private debateOf(base: number[], tokens: ReadToken[], lemmas: string[]): QuestionReading['debate'] {
    const from = tradeoffStart(lemmas);
    if (from < 0) return this.sided(base);
    const side = [...base];
    for (const [index, count] of this.hits(tokens.slice(from)).entries()) {
      if (count > 0 && side[index] === 0) side[index] = -1;
    }
    return this.sided(side);
  }

  /** Sides with their tension: how far apart on the circle the widest served–costed pair lies (neighbours 0, opposites 1). */
  private sided(side: number[]): { side: number[]; tension: number } | undefined {
    let widest = -1;
    for (const [a, sa] of side.entries()) {
      if (sa <= 0) continue;
      for (const [b, sb] of side.entries()) if (sb < 0) widest = Math.max(widest, this.distance(a, b));
    }
    if (widest < 0) return undefined;
    return { side, tension: clamp((widest - 1) / (this.size / 2 - 1)) };
  }

  /** Steps between two values on the theory's circle (or list). */
  distance(a: number, b: number): number {
    const gap = Math.abs(a - b);
    return Math.min(gap, this.size - gap);
  }
}

/** Whether `words` occur in `lemmas` from `start` on. */
function startsAt(lemmas: string[], start: number, words: string[]): boolean {
  if (start + words.length > lemmas.length) return false;
  for (let offset = 1; offset < words.length; offset++)
    if (lemmas[start + offset] !== words[offset]) return false;
  return true;
}

/** The question's subject: its longest run of nouns and adjectives ending in a noun, else its last content word. */
function topicOf(tokens: ReadToken[], valueWords: Map<string, number>): string {
  let best: ReadToken[] = [];
  let run: ReadToken[] = [];
  const flush = () => {
    while (run.length > 0 && run.at(-1)!.pos === 'ADJ') run.pop();
    if (run.length > best.length) best = run;
    run = [];
  };
  for (const token of tokens) {
    const nominal =
      token.pos === 'NOUN' ||
      token.pos === 'PROPN' ||
      (token.pos === 'VERB' && token.lemma.endsWith('ing') && run.length === 0) ||
      (token.pos === 'ADJ' && run.length < 3);
    if (nominal && !ACTION_FRAMES.has(token.lemma) && !vagueNouns.has(token.lemma) && !token.quantity)
      run.push(token);
    else flush();
  }
  flush();
  if (best.length > 0) return best.map((token) => token.text).join(' ');
  const last = tokens.filter((token) => contentTags.has(token.pos) && !valueWords.has(token.lemma)).at(-1);
  return last?.text ?? 'this';
}
