import type { ValueTheory } from '../core/value-theory.js';
import type { ActionFrame } from './frames.js';
import { hashString } from './hash.js';
import { JudgeReading } from './judge-reading.js';
import { wordsFor } from './lexicon.js';
import { BoundedMemo } from './memo.js';
import { loadReader, type ReadToken, readTokens } from './nlp.js';
import { PRACTICE_BY_KEY, type Practice } from './practices.js';
import {
  actionIn,
  actorOf,
  clamp,
  coherenceOf,
  concretenessOf,
  contentTags,
  deonticWords,
  judgementWords,
  selfFocusOf,
  startsAt,
  stuffingOf,
  topicOf,
  tradeoffStart,
  vagueNouns,
} from './question-signals.js';
import { TOPICS_BY_FIRST } from './topics.js';

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

/** How much each signal adds to a value's relevance (clamped to 0..1 at the end). */
const RELEVANCE = Object.freeze({
  /** Per word of the value the question names… */
  perNamedWord: 0.6,
  /** …counting at most this many words per value. */
  namedWordsCounted: 2,
  /** Per known subject that brings the value into play. */
  perSubject: 0.45,
  /** When the asked action's frame serves or costs the value. */
  perFramedValue: 0.3,
  /** Per unlisted content word whose hash lands on the value (an association). */
  perAssociation: 0.05,
  /** Shorter lemmas than this carry no association. */
  associationMinLetters: 4,
});

/** What makes a question contested, 0..1 (combined as independent chances). */
const CONTEST = Object.freeze({
  /** A policy action with what it serves and costs. */
  action: 0.6,
  /** A verdict on a concrete subject ("Is X wrong?"). */
  verdict: 0.4,
  /** Weight of how far apart the values it names lie (its subjects' values count in full). */
  namedSpread: 0.7,
  /** Values within this many steps on the circle do not contest each other. */
  agreeingSteps: 2,
});

/** Served and costed values this many steps apart (neighbours) are a debate of tension 0. */
const TENSION_NEIGHBOUR_STEPS = 1;

/** Specificity lost, as a share, on a question wholly about the asker (times `SELF_FOCUS`). */
const SPECIFICITY = Object.freeze({ selfFocusPenalty: 0.85 });

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
    const relevance = counts.map(
      (count) => RELEVANCE.perNamedWord * Math.min(RELEVANCE.namedWordsCounted, count),
    );
    // Subject knowledge and the asked action (Schwartz only; other theories rely on their words).
    const subjects = this.subjectsIn(lemmas, relevance);
    const action = actionIn(lemmas);
    const side = this.frameSides(action.frame, relevance);
    this.addAssociations(tokens, relevance);

    const content = tokens.filter((token) => contentTags.has(token.pos) && !token.quantity);
    const coherence = coherenceOf(tokens, content, action.at);
    const names = tokens
      .filter((token) => token.pos === 'PROPN' && !token.unknown)
      .map((token) => token.text);
    const namedIndices: number[] = [];
    for (let index = 0; index < named.length; index++) if (named[index]) namedIndices.push(index);
    const concrete = this.concreteNouns(content);
    // A verdict on a concrete subject ("Is X wrong?") is contested; "Is it good to be kind?" is not.
    const judgement =
      lemmas.some((lemma) => judgementWords.has(lemma)) && (concrete > 0 || subjects.known > 0) ? 1 : 0;
    const contest = this.contestOf({
      framed: action.frame !== undefined,
      judgement,
      evoked: [...subjects.evoked],
      named: namedIndices,
    });
    const specificity =
      coherence *
      (1 - SPECIFICITY.selfFocusPenalty * selfFocusOf(lemmas)) *
      stuffingOf(namedIndices.length) *
      concretenessOf({
        framed: action.frame !== undefined,
        known: subjects.known,
        judgement,
        deontic: deonticWords.has(lemmas[0] ?? '') ? 1 : 0,
        concrete,
        actor: actorOf(names, lemmas),
        quantity: tokens.some((token) => token.quantity) ? 1 : 0,
        contest,
      });
    const stake = subjects.practice ? this.stakeOf(subjects.practice) : undefined;
    const debate = this.debateOf(stake?.side ?? side, tokens, lemmas);
    return {
      relevance: relevance.map((value) => clamp(value)),
      named,
      polarity: action.frame?.polarity ?? 1,
      specificity,
      coherence,
      contest,
      side,
      topic: topicOf(tokens, this.wordValue),
      ...(subjects.subject ? { subject: subjects.subject } : {}),
      ...(stake ? { stake } : {}),
      ...(debate ? { debate } : {}),
      ...(action.lemma ? { action: action.lemma } : {}),
      names,
      words: tokens.length,
    };
  }

  /** How many of the `content` words are concrete nouns: not vague, not value words, known. */
  private concreteNouns(content: ReadToken[]): number {
    return content.filter(
      (token) =>
        token.pos === 'NOUN' &&
        !vagueNouns.has(token.lemma) &&
        !this.wordValue.has(token.lemma) &&
        !token.unknown,
    ).length;
  }

  /**
   * The subjects the question names that the models know: every one-, two- and three-word lemma run,
   * looked up by first lemma, shortest first (the same matches in the same order as looking up each
   * run). Adds the values each brings into play to `relevance`.
   */
  private subjectsIn(
    lemmas: string[],
    relevance: number[],
  ): { evoked: Set<number>; known: number; subject?: string; practice?: Practice } {
    const evoked = new Set<number>();
    let known = 0;
    let subject: string | undefined;
    let practice: Practice | undefined;
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
          relevance[index]! += RELEVANCE.perSubject;
        }
      }
    }
    return { evoked, known, ...(subject ? { subject } : {}), ...(practice ? { practice } : {}) };
  }

  /** Side per value of the asked action's frame (+1 served, -1 costed); adds what it puts at stake to `relevance`. */
  private frameSides(frame: ActionFrame | undefined, relevance: number[]): number[] {
    const side = new Array<number>(this.size).fill(0);
    for (const [ids, sign] of [
      [frame?.serves ?? [], 1],
      [frame?.costs ?? [], -1],
    ] as const) {
      for (const id of ids) {
        const index = this.indexOf(id);
        if (index === undefined) continue;
        side[index] = sign;
        relevance[index]! += RELEVANCE.perFramedValue;
      }
    }
    return side;
  }

  /** Words nobody listed still pull a little towards some value, as associations do. */
  private addAssociations(tokens: ReadToken[], relevance: number[]): void {
    for (const token of tokens) {
      if (
        !contentTags.has(token.pos) ||
        token.lemma.length < RELEVANCE.associationMinLetters ||
        this.wordValue.has(token.lemma)
      )
        continue;
      relevance[hashString(token.lemma) % this.size]! += RELEVANCE.perAssociation;
    }
  }

  /** How contested the question is, 0..1: a policy action, a verdict, and values far apart on the circle. */
  private contestOf(signals: {
    framed: boolean;
    judgement: number;
    evoked: number[];
    named: number[];
  }): number {
    return (
      1 -
      (1 - (signals.framed ? CONTEST.action : 0)) *
        (1 - CONTEST.verdict * signals.judgement) *
        (1 - this.spread(signals.evoked)) *
        (1 - CONTEST.namedSpread * this.spread(signals.named))
    );
  }

  /** How far apart on the circle the widest pair of `indices` lies, 0..1 (values within two steps: 0). */
  private spread(indices: number[]): number {
    let widest = 0;
    for (const a of indices) for (const b of indices) widest = Math.max(widest, this.distance(a, b));
    return clamp((widest - CONTEST.agreeingSteps) / (this.size / 2 - CONTEST.agreeingSteps));
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
    return {
      side,
      tension: clamp((widest - TENSION_NEIGHBOUR_STEPS) / (this.size / 2 - TENSION_NEIGHBOUR_STEPS)),
    };
  }

  /** Steps between two values on the theory's circle (or list). */
  distance(a: number, b: number): number {
    const gap = Math.abs(a - b);
    return Math.min(gap, this.size - gap);
  }
}
