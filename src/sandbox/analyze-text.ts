import type { ValueTheory } from '../core/value-theory.js';
import { hashString } from './hash.js';
import { POLARITY_FLIPPERS, stemsFor, TRADEOFF_MARKERS } from './lexicon.js';

/** What the sandbox reads from a question: value relevance, direction and how specific it is. */
export interface QuestionReading {
  /** Relevance per value (theory order), 0..1. */
  relevance: number[];
  /** -1 when the question asks to limit or ban something, else +1. */
  polarity: 1 | -1;
  /** 0 for a generic question, up to 1 for a specific trade-off. */
  specificity: number;
}

/** Reads texts against a theory's lexicon; results are memoised by text. */
export class TextReader {
  private readonly singleStems: { stem: string; value: number }[] = [];
  private readonly phraseStems: { stem: string; value: number }[] = [];
  private readonly questionMemo = new Map<string, QuestionReading>();
  private readonly valuesMemo = new Map<string, boolean[]>();
  private readonly tokenMemo = new Map<string, number>();
  readonly size: number;

  constructor(theory: ValueTheory) {
    this.size = theory.values.length;
    const stems = stemsFor(theory);
    for (const [index, value] of theory.values.entries()) {
      for (const stem of stems.get(value.id) ?? []) {
        (stem.includes(' ') ? this.phraseStems : this.singleStems).push({ stem, value: index });
      }
    }
    this.singleStems.sort((a, b) => b.stem.length - a.stem.length);
  }

  /** The value a single lower-case token signals (longest matching stem), or -1. */
  valueOfToken(token: string): number {
    const memo = this.tokenMemo.get(token);
    if (memo !== undefined) return memo;
    const found = this.singleStems.find((entry) => token.startsWith(entry.stem));
    const value = found ? found.value : -1;
    if (this.tokenMemo.size < 200_000) this.tokenMemo.set(token, value);
    return value;
  }

  private counts(text: string): { counts: number[]; tokens: string[]; lower: string } {
    const lower = text.toLowerCase();
    const tokens = lower.split(/[^a-z0-9’'-]+/).filter(Boolean);
    const counts = new Array<number>(this.size).fill(0);
    for (const token of tokens) {
      const value = this.valueOfToken(token);
      if (value >= 0) counts[value]!++;
    }
    for (const entry of this.phraseStems) if (lower.includes(entry.stem)) counts[entry.value]!++;
    return { counts, tokens, lower };
  }

  /** Which values a text reflects: the values whose stems it contains. */
  valuesIn(text: string): boolean[] {
    const memo = this.valuesMemo.get(text);
    if (memo) return memo;
    const values = this.counts(text).counts.map((count) => count > 0);
    if (this.valuesMemo.size > 100_000) this.valuesMemo.clear();
    this.valuesMemo.set(text, values);
    return values;
  }

  /** Reads a question: lexicon hits plus a small seeded share for words no lexicon knows. */
  readQuestion(text: string): QuestionReading {
    const memo = this.questionMemo.get(text);
    if (memo) return memo;
    const { counts, tokens, lower } = this.counts(text);
    const relevance = counts.map((count) => Math.min(1, count * 0.6));
    for (const token of tokens) {
      if (token.length < 4 || this.valueOfToken(token) >= 0) continue;
      const hash = hashString(token);
      relevance[hash % this.size]! += 0.04;
    }
    const polarity = tokens.some((token) => POLARITY_FLIPPERS.includes(token)) ? -1 : 1;
    const tradeoff = TRADEOFF_MARKERS.some((marker) => lower.includes(marker)) ? 1 : 0;
    const properNoun = /\s[A-Z][a-z]+/.test(text.slice(1)) ? 1 : 0;
    const number = /\d/.test(text) ? 1 : 0;
    const distinct = counts.filter((count) => count > 0).length >= 2 ? 1 : 0;
    const long = tokens.length >= 12 ? 1 : 0;
    const specificity = Math.min(
      1,
      0.4 * tradeoff + 0.25 * properNoun + 0.15 * number + 0.25 * distinct + 0.1 * long,
    );
    const reading: QuestionReading = {
      relevance: relevance.map((value) => Math.min(1, value)),
      polarity,
      specificity,
    };
    if (this.questionMemo.size > 50_000) this.questionMemo.clear();
    this.questionMemo.set(text, reading);
    return reading;
  }
}
