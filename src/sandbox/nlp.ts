import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItemEntity, type ItsFunction } from 'wink-nlp';

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
  /** Part of a date, number, money or percentage entity. */
  quantity: boolean;
}

interface Reader {
  tokens(text: string): ReadToken[];
  known(word: string): boolean;
}

let reader: Reader | undefined;

/**
 * Tokens, lemmas, part-of-speech and quantity entities from wink-nlp's small English model
 * (loaded once, lazily; about 0.2 ms per question).
 */
export function readTokens(text: string): ReadToken[] {
  reader ??= createReader();
  return reader.tokens(text);
}

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

function createReader(): Reader {
  const nlp = winkNLP(model);
  const its = nlp.its;
  // Words missing from the model's vocabulary get ids after its last entry, in order of first sight.
  const firstUnknownId = nlp.readDoc('qxzvbwkjtpl').tokens().out(its.uniqueId)[0] as number;
  const knownMemo = new Map<string, boolean>();
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
      const doc = nlp.readDoc(text);
      const tokens = doc.tokens();
      const values = tokens.out();
      // The lemma helper is typed for model add-ons that the small model does provide.
      const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
      const tags = tokens.out(its.pos);
      const ids = tokens.out(its.uniqueId) as unknown as number[];
      const types = tokens.out(its.type);
      const quantities = new Set<number>();
      doc.entities().each((entity: ItemEntity) => {
        const [start, end] = entity.out(its.span) as unknown as [number, number];
        for (let index = start; index <= end; index++) quantities.add(index);
      });
      return values.map((value, index) => ({
        text: value,
        lemma: String(lemmas[index] ?? value).toLowerCase(),
        pos: String(tags[index]),
        unknown:
          types[index] === 'word' &&
          ids[index]! >= firstUnknownId &&
          !/[0-9]/.test(value) &&
          !plausibleWord(value),
        capitalised: /^[A-Z]/.test(value),
        quantity: quantities.has(index) || types[index] === 'number',
      }));
    },
  };
}
