import { ACTION_FRAMES, type ActionFrame } from './frames.js';
import type { ReadToken } from './nlp.js';
import { objectSense } from './object-sense.js';
import { wordList } from './word-list.js';

// The signals the question reader (`analyze-text.ts`) takes from a question's tokens, with the
// coefficients that weigh them: readability, focus on the asker, actors, stuffing, concreteness.

const selfWords = new Set(wordList('i me my myself mine'));
const youWords = new Set(wordList('you your yourself'));
const valuingWords = new Set(wordList('important importance valuable worthwhile'));
const actorWords = new Set(
  wordList(
    'government state country nation city council school university company employer parent court parliament hospital society authority ministry region province union platform police',
  ),
);
export const vagueNouns = new Set(
  wordList(
    'people person thing way world life lot time idea other others one everyone anyone something anything everything kind part sort matter fact case question',
  ),
);
export const judgementWords = new Set(
  wordList(
    'good bad wrong right acceptable unacceptable justified justifiable moral immoral ethical unethical irrational necessary worth harmful beneficial better worse responsible scam legitimate excessive',
  ),
);
const questionWords = new Set(
  wordList('what which who whom whose when where why how do does did can could would will'),
);
export const deonticWords = new Set(wordList('should must ought'));
export const contentTags = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV']);

/** How readable a question is: its share of made-up words and whether it has a predicate. */
const COHERENCE = Object.freeze({
  /** Strangeness of an unknown capitalised word (maybe a name the model has not heard of)… */
  unknownCapitalised: 0.5,
  /** …and of an unknown lower-case word (gibberish). */
  unknownLowerCase: 1,
  /** Share of strange content words read without loss. */
  toleratedUnknownShare: 0.2,
  /** Coherence lost per unit of strange share above the tolerated one. */
  lossPerUnknownShare: 2.5,
  /** Factor for a question with no predicate (no opening auxiliary or wh-word, no known verb). */
  withoutPredicate: 0.4,
});

/** How far a question leans on the asker ("me", "you", "important"): 1 reads as wholly generic. */
const SELF_FOCUS = Object.freeze({
  /** Names the asker ("I", "my"). */
  self: 1,
  /** Addresses the reader ("you"). */
  you: 0.7,
  /** Asks what is "important" or "valuable". */
  valuing: 0.5,
});

/** How strongly a question names who acts: a place, a name or an institution, or only "we". */
const ACTOR = Object.freeze({ named: 1, we: 0.5 });

/** A question that names many values is read as stuffed: less specific. */
const STUFFING = Object.freeze({
  /** Values a question may name without penalty. */
  toleratedValues: 3,
  /** Specificity factor lost per value named beyond those. */
  lossPerValue: 0.15,
  /** The factor never drops below this. */
  floor: 0.3,
});

/** What each sign of concreteness adds (the sum is clamped to 0..1). */
const CONCRETENESS = Object.freeze({
  /** Every question starts here. */
  base: 0.1,
  /** Asks for a policy action. */
  action: 0.25,
  /** Names a subject the models know. */
  knownSubject: 0.15,
  /** Asks for a verdict or opens with "should", "must" or "ought". */
  verdictOrDeontic: 0.1,
  /** Per concrete noun… */
  perConcreteNoun: 0.05,
  /** …counting at most this many. */
  concreteNounsCounted: 2,
  /** Names who acts (times `ACTOR`). */
  actor: 0.15,
  /** Names a quantity. */
  quantity: 0.1,
  /** Times how contested it is. */
  contest: 0.35,
});

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
export function tradeoffStart(lemmas: readonly string[]): number {
  for (let at = 0; at < lemmas.length; at++) {
    for (const opener of TRADEOFF_OPENERS) {
      if (opener.every((word, offset) => lemmas[at + offset] === word)) return at;
    }
  }
  return -1;
}

/** `value` held within `low`..`high`. */
export function clamp(value: number, low = 0, high = 1): number {
  return Math.min(high, Math.max(low, value));
}

/** The first policy action the question asks for: its frame, its lemma and where it stands (-1: none). */
export function actionIn(lemmas: readonly string[]): { frame?: ActionFrame; lemma?: string; at: number } {
  for (const [at, lemma] of lemmas.entries()) {
    const frame = ACTION_FRAMES.get(lemma);
    if (frame) return { frame, lemma, at };
  }
  return { at: -1 };
}

/**
 * How readable the question is, 0..1: few made-up words among its `content` words, a predicate (it
 * opens with an auxiliary, modal or wh-word, or has a verb the model knows), and a policy verb with a
 * sensible object ("legalise authority" and "restrict own beliefs" do not read).
 */
export function coherenceOf(tokens: ReadToken[], content: ReadToken[], actionAt: number): number {
  // Unknown capitalised words may be names the model has not heard of; unknown lower-case words are gibberish.
  const strangeness = content.reduce(
    (sum, t) =>
      sum + (t.unknown ? (t.capitalised ? COHERENCE.unknownCapitalised : COHERENCE.unknownLowerCase) : 0),
    0,
  );
  const unknownShare = content.length === 0 ? 1 : strangeness / content.length;
  const opener = tokens[0];
  const predicate =
    (opener !== undefined && (opener.pos === 'AUX' || questionWords.has(opener.lemma))) ||
    tokens.some((token) => token.pos === 'VERB' && !token.unknown);
  return (
    clamp(1 - COHERENCE.lossPerUnknownShare * Math.max(0, unknownShare - COHERENCE.toleratedUnknownShare)) *
    (predicate ? 1 : COHERENCE.withoutPredicate) *
    (actionAt >= 0 && tokens[actionAt]!.pos === 'VERB' ? objectSense(tokens, actionAt) : 1)
  );
}

/** How far the question is about the asker rather than the world, 0..1. */
export function selfFocusOf(lemmas: readonly string[]): number {
  return Math.max(
    lemmas.some((lemma) => selfWords.has(lemma)) ? SELF_FOCUS.self : 0,
    lemmas.some((lemma) => youWords.has(lemma)) ? SELF_FOCUS.you : 0,
    lemmas.some((lemma) => valuingWords.has(lemma)) ? SELF_FOCUS.valuing : 0,
  );
}

/** Whether the question names who acts: `names` (places, named actors) or an institution, else "we". */
export function actorOf(names: readonly string[], lemmas: readonly string[]): number {
  return names.length > 0 || lemmas.some((lemma) => actorWords.has(lemma))
    ? ACTOR.named
    : lemmas.includes('we')
      ? ACTOR.we
      : 0;
}

/** The specificity factor of a question that names `namedValues` values (1 up to the tolerated number). */
export function stuffingOf(namedValues: number): number {
  return clamp(
    1 - STUFFING.lossPerValue * Math.max(0, namedValues - STUFFING.toleratedValues),
    STUFFING.floor,
  );
}

/** How concrete the question is, 0..1, from its signs (`judgement`, `deontic`, `actor`, `quantity`: 0..1). */
export function concretenessOf(signs: {
  framed: boolean;
  known: number;
  judgement: number;
  deontic: number;
  concrete: number;
  actor: number;
  quantity: number;
  contest: number;
}): number {
  return clamp(
    CONCRETENESS.base +
      (signs.framed ? CONCRETENESS.action : 0) +
      (signs.known > 0 ? CONCRETENESS.knownSubject : 0) +
      CONCRETENESS.verdictOrDeontic * Math.max(signs.judgement, signs.deontic) +
      CONCRETENESS.perConcreteNoun * Math.min(CONCRETENESS.concreteNounsCounted, signs.concrete) +
      CONCRETENESS.actor * signs.actor +
      CONCRETENESS.quantity * signs.quantity +
      CONCRETENESS.contest * signs.contest,
  );
}

/** Whether `words` occur in `lemmas` from `start` on. */
export function startsAt(lemmas: string[], start: number, words: string[]): boolean {
  if (start + words.length > lemmas.length) return false;
  for (let offset = 1; offset < words.length; offset++)
    if (lemmas[start + offset] !== words[offset]) return false;
  return true;
}

/** The question's subject: its longest run of nouns and adjectives ending in a noun, else its last content word. */
export function topicOf(tokens: ReadToken[], valueWords: Map<string, number>): string {
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
