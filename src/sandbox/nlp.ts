import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import { BoundedMemo } from './memo.js';

/** One token as the sandbox reads it. */
export interface ReadToken {
  /** As written. */
  text: string;
  /** Lower-case lemma ("bans" → "ban", "legalised" → "legalize"). */
  lemma: string;
  /** Universal part-of-speech tag (NOUN, PROPN, VERB, AUX, NUM, …). */
  pos: string;
  /** Neither in the English model's vocabulary nor built from known words (made-up words, rare names). */
  unknown: boolean;
  /** Starts with a capital letter (names, and the first word). */
  capitalised: boolean;
  /** A number, year, amount or share ("42", "2030", "million", "percent"). */
  quantity: boolean;
}

interface Reader {
  tokens(text: string): ReadToken[];
  known(word: string): boolean;
}

let reader: Reader | undefined;

/** Loads the English model now (once per process), so that the first question read does not pay for it. */
export function loadReader(): void {
  reader ??= createReader();
}

/**
 * Tokens, lemmas, part-of-speech and quantity entities from wink-nlp's small English model
 * (loaded once, lazily; about 0.2 ms per question).
 */
export function readTokens(text: string): ReadToken[] {
  reader ??= createReader();
  return reader.tokens(text);
}

const quantityWords = new Set([
  'hundred',
  'thousand',
  'million',
  'billion',
  'percent',
  'half',
  'twice',
  'dozen',
]);

const suffixes = ['s', 'es', 'ing', 'ed', 'er', 'ers', 'ism', 'ist', 'ists', 'ation', 'ity', 'ly'];

/**
 * Whether an out-of-vocabulary word is still plausible English: a known word plus a common suffix,
 * or two known words run together ("homeschooling", "sunbeds"). Made-up words ("quux") are not.
 */
export function plausibleWord(word: string): boolean {
  reader ??= createReader();
  const lower = word.toLowerCase().replace(/[^a-z]/g, '');
  const known = reader.known.bind(reader);
  if (lower.length < 3) return false;
  if (known(lower)) return true;
  for (const suffix of suffixes) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= 3 && known(lower.slice(0, -suffix.length)))
      return true;
  }
  for (let cut = 3; cut <= lower.length - 3; cut++) {
    const tail = lower.slice(cut);
    if (
      known(lower.slice(0, cut)) &&
      (known(tail) || suffixes.some((s) => tail.endsWith(s) && known(tail.slice(0, -s.length))))
    )
      return true;
  }
  return false;
}

function hasDigit(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function createReader(): Reader {
  // Part-of-speech only: lemmas need the tags. Sentence splitting is left out (the tagger does not
  // use it and nothing here asks for sentences; it cost a fifth of a reading); entities, negation
  // and sentiment would more than double the cost of reading a question.
  const nlp = winkNLP(model, ['pos']);
  const its = nlp.its;
  // Words missing from the model's vocabulary get ids after its last entry, in order of first sight.
  const firstUnknownId = nlp.readDoc('qxzvbwkjtpl').tokens().out(its.uniqueId)[0] as number;
  const knownMemo = new Map<string, boolean>();
  // Whether a word outside the vocabulary is gibberish depends on the word alone.
  const strangeMemo = new BoundedMemo<string, boolean>(20_000);
  const strange = (word: string) => strangeMemo.through(word, () => !plausibleWord(word));
  return {
    known(word) {
      let known = knownMemo.get(word);
      if (known === undefined) {
        known = (nlp.readDoc(word).tokens().out(its.uniqueId)[0] as number) < firstUnknownId;
        knownMemo.set(word, known);
      }
      return known;
    },
    tokens(text) {
      const tokens = nlp.readDoc(text).tokens();
      const values = tokens.out();
      // The lemma helper is typed for model add-ons that the small model does provide.
      const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
      const tags = tokens.out(its.pos);
      const ids = tokens.out(its.uniqueId) as unknown as number[];
      const types = tokens.out(its.type);
      return values.map((value, index) => {
        const digit = hasDigit(value);
        const first = value.charCodeAt(0);
        return {
          text: value,
          lemma: String(lemmas[index] ?? value).toLowerCase(),
          pos: String(tags[index]),
          unknown: types[index] === 'word' && ids[index]! >= firstUnknownId && !digit && strange(value),
          capitalised: first >= 65 && first <= 90,
          quantity: types[index] === 'number' || digit || quantityWords.has(value.toLowerCase()),
        };
      });
    },
  };
}
