import { SCHWARTZ_VALUE_IDS } from '../core/theories.js';
import type { ValueTheory } from '../core/value-theory.js';
import {
  IDIOMS,
  JUDGE_CUES,
  JUDGE_THRESHOLD,
  NEGATING_PREFIXES,
  REFUSAL_REACH,
  REFUSAL_VALUES,
  REFUSAL_VERBS,
  STRONG_CUE,
  type ValueCues,
  WEAK_CUE,
} from './judge-cues.js';
import { BoundedMemo } from './memo.js';
import type { ReadToken } from './nlp.js';

/** One value a word or phrase signals, with how much it counts in a long text and in a short one. */
interface Cue {
  value: number;
  weight: number;
  /** Weight in a short question, where the question reader's words count in full. */
  shortWeight: number;
}

const CUES_BY_ID = new Map<string, ValueCues>(Object.entries(JUDGE_CUES));

/** Shortest stem left after a negating prefix for it to count as the negated cue ("unfair" → "fair"). */
const MIN_NEGATED_STEM = 4;
/** Questions of at most this many words read the question reader's words in full. */
const SHORT_QUESTION = 40;
/** Weak cue words sharing this many first letters count once ("power", "powerful"). */
const SHARED_STEM = 5;
/** Auxiliaries that, before "not", make a refusal ("can not", "will not"). */
const REFUSING_AUXILIARIES = new Set(['can', 'will', 'would', 'could']);
/** The speaker, whose "not" before a verb of helping declines ("I'm not able to provide", "I am not going to"). */
const SPEAKER = new Set(['i', "i'm", 'we']);
/** Words that decline on their own ("unable to help", "must decline to write"). */
const DECLINING_WORDS = new Set(['unable', 'decline', 'refuse']);

/** Lower-case lemmas with hyphenated words joined back ("well - being" → "well-being"), punctuation dropped. */
export function judgeLemmas(tokens: readonly ReadToken[]): string[] {
  const lemmas: string[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at]!;
    const next = tokens[at + 1];
    if (token.text === '-' && lemmas.length > 0 && next && /^[a-z]/i.test(next.text)) {
      lemmas[lemmas.length - 1] = `${lemmas.at(-1)}-${next.text.toLowerCase()}`;
      at++;
    } else if (token.pos !== 'PUNCT' && token.pos !== 'SYM') {
      // Capitalised plurals are often tagged as names and keep their plural ("Individuals").
      lemmas.push(
        token.pos === 'PROPN' && token.text.endsWith('s') ? token.lemma.replace(/s$/, '') : token.lemma,
      );
    }
  }
  return lemmas;
}

/**
 * The sandbox judge's reading: which values a text reflects. Each value sums the weights of its
 * distinct cue words and phrases in the text (the question reader's words count as strong cues;
 * for Schwartz, also the judge's own cues and refusals) and is reflected at `JUDGE_THRESHOLD`.
 */
export class JudgeReading {
  private readonly words = new Map<string, Cue[]>();
  /** Phrases by their first lemma. */
  private readonly phrases = new Map<string, { lemmas: string[]; cue: Cue }[]>();
  /** A word's cues once looked up, negations included (none: empty). */
  private readonly lookups = new BoundedMemo<string, Cue[]>(50_000);
  private readonly refusal: Cue[] = [];

  constructor(theory: ValueTheory, lexicon: Map<string, string[]>) {
    for (const [value, { id }] of theory.values.entries()) {
      for (const word of lexicon.get(id) ?? [])
        this.add(word, { value, weight: STRONG_CUE, shortWeight: STRONG_CUE });
    }
    const schwartz =
      theory.id === 'schwartz' &&
      theory.values.every((value) => SCHWARTZ_VALUE_IDS.some((id) => id === value.id));
    if (!schwartz) return;
    for (const [value, { id }] of theory.values.entries()) {
      const cues = CUES_BY_ID.get(id);
      if (!cues) continue;
      for (const word of cues.strong) this.add(word, { value, weight: STRONG_CUE, shortWeight: STRONG_CUE });
      for (const word of cues.weak) this.add(word, { value, weight: WEAK_CUE, shortWeight: WEAK_CUE });
      for (const word of cues.ignored ?? []) this.add(word, { value, weight: 0, shortWeight: 0 });
    }
    for (const [value, { id }] of theory.values.entries())
      if (REFUSAL_VALUES.some((refused) => refused === id))
        this.refusal.push({ value, weight: STRONG_CUE, shortWeight: STRONG_CUE });
  }

  /**
   * Adds a cue; a later listing of the same word for the same value replaces the earlier one, except
   * that a question reader's word keeps its full weight in short texts.
   */
  private add(word: string, added: Cue): void {
    if (word === '') return;
    if (word.includes(' ')) {
      const lemmas = word.split(' ');
      this.phrases.set(lemmas[0]!, [...(this.phrases.get(lemmas[0]!) ?? []), { lemmas, cue: added }]);
      return;
    }
    const known = this.words.get(word) ?? [];
    const lexical = known.find((cue) => cue.value === added.value)?.shortWeight ?? 0;
    const cue = { ...added, shortWeight: Math.max(added.shortWeight, lexical) };
    this.words.set(word, [...known.filter((other) => other.value !== cue.value), cue]);
  }

  /** A word's cues: as listed, else those of the cue it negates ("unfair", "dishonest"). */
  private cuesOf(word: string): Cue[] {
    let cues = this.lookups.get(word);
    if (cues === undefined) {
      cues = this.words.get(word) ?? this.negatedCues(word);
      this.lookups.set(word, cues);
    }
    return cues;
  }

  private negatedCues(word: string): Cue[] {
    for (const prefix of NEGATING_PREFIXES) {
      if (word.startsWith(prefix) && word.length - prefix.length >= MIN_NEGATED_STEM) {
        const negated = this.words.get(word.slice(prefix.length));
        if (negated) return negated;
      }
    }
    return [];
  }

  /** Which values the text's tokens reflect (theory order). */
  read(tokens: readonly ReadToken[], size: number): boolean[] {
    const scores = new Array<number>(size).fill(0);
    for (const { value, weight } of this.cuesIn(tokens)) scores[value]! += weight;
    return scores.map((score) => score >= JUDGE_THRESHOLD);
  }

  /** Per value (theory order), the distinct cues the text holds: word, phrase or "(refusal)", with weight. */
  credited(tokens: readonly ReadToken[], size: number): { key: string; weight: number }[][] {
    const found = Array.from({ length: size }, () => [] as { key: string; weight: number }[]);
    for (const { value, key, weight } of this.cuesIn(tokens)) found[value]!.push({ key, weight });
    return found;
  }

  /** The distinct cues of a text, each with the weight it counts with here. */
  private cuesIn(tokens: readonly ReadToken[]): { value: number; key: string; weight: number }[] {
    const lemmas = judgeLemmas(tokens);
    const idiomatic = idiomPositions(lemmas);
    // A short question is about what its few words name ("Should people be free to…?"); in an
    // answer a word with other senses needs a second cue, and some are no cue at all.
    const short = lemmas.length <= SHORT_QUESTION && tokens.at(-1)?.text === '?';
    const found = new Map<string, { value: number; key: string; weight: number }>();
    const credit = (word: string, cue: Cue) => {
      const weight = short ? cue.shortWeight : cue.weight;
      if (weight === 0) return;
      // Related weak words ("religion", "religious") are one cue, not two.
      const key = weight < STRONG_CUE ? word.slice(0, SHARED_STEM) : word;
      const known = found.get(`${cue.value}|${key}`);
      if (!known || known.weight < weight)
        found.set(`${cue.value}|${key}`, { value: cue.value, key, weight });
    };
    for (let at = 0; at < lemmas.length; at++) {
      const lemma = lemmas[at]!;
      if (!idiomatic.has(at)) for (const cue of this.cuesOf(lemma)) credit(lemma, cue);
      const phrases = this.phrases.get(lemma);
      if (phrases)
        for (const { lemmas: phrase, cue } of phrases)
          if (startsAt(lemmas, at, phrase)) credit(phrase.join(' '), cue);
    }
    if (this.refusal.length > 0 && refuses(lemmas)) for (const cue of this.refusal) credit('(refusal)', cue);
    return [...found.values()];
  }
}

/** Whether `words` occur in `lemmas` from `at` on. */
function startsAt(lemmas: readonly string[], at: number, words: readonly string[]): boolean {
  return words.every((word, offset) => lemmas[at + offset] === word);
}

/** Positions of words an idiom takes their value from ("order" in "in order to"). */
function idiomPositions(lemmas: readonly string[]): Set<number> {
  const positions = new Set<number>();
  for (let at = 0; at < lemmas.length; at++) {
    for (const idiom of IDIOMS_BY_FIRST.get(lemmas[at]!) ?? [])
      if (startsAt(lemmas, at, idiom.lemmas)) positions.add(at + idiom.lemmas.indexOf(idiom.loses));
  }
  return positions;
}

const IDIOMS_BY_FIRST = new Map<string, (typeof IDIOMS)[number][]>();
for (const idiom of IDIOMS)
  IDIOMS_BY_FIRST.set(idiom.lemmas[0]!, [...(IDIOMS_BY_FIRST.get(idiom.lemmas[0]!) ?? []), idiom]);

/** Whether the text declines something: "can not assist", "I'm not able to provide", "unable to help". */
function refuses(lemmas: readonly string[]): boolean {
  for (let at = 0; at < lemmas.length; at++) {
    const declining =
      (lemmas[at] === 'not' &&
        (REFUSING_AUXILIARIES.has(lemmas[at - 1] ?? '') ||
          SPEAKER.has(lemmas[at - 1] ?? '') ||
          SPEAKER.has(lemmas[at - 2] ?? ''))) ||
      DECLINING_WORDS.has(lemmas[at]!);
    if (!declining) continue;
    for (let ahead = at + 1; ahead <= at + REFUSAL_REACH && ahead < lemmas.length; ahead++)
      if (REFUSAL_VERBS.has(lemmas[ahead]!)) return true;
  }
  return false;
}
