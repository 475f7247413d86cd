import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction } from 'wink-nlp';
import type { TextVector } from './text-vector.js';

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** Parts of speech that carry content; function words and punctuation are left out. */
const CONTENT = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X']);

/**
 * The lexical text vector: wink-nlp's small English model tokenises and lemmatises the text; the
 * bag counts the lemmas of content words that are not stop words ("bans" and "banned" → "ban").
 */
export function lexicalVector(text: string): TextVector {
  nlp ??= winkNLP(model, ['sbd', 'pos']);
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  // The lemma helper is typed for model add-ons that the small model does provide.
  const lemmas = tokens.out(its.lemma as unknown as ItsFunction<string>);
  const tags = tokens.out(its.pos);
  const types = tokens.out(its.type);
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const terms = new Map<string, number>();
  for (let index = 0; index < lemmas.length; index++) {
    if (types[index] !== 'word' && types[index] !== 'number') continue;
    if (stops[index] || !CONTENT.has(String(tags[index]))) continue;
    const lemma = String(lemmas[index]).toLowerCase();
    terms.set(lemma, (terms.get(lemma) ?? 0) + 1);
  }
  let sum = 0;
  for (const count of terms.values()) sum += count * count;
  return { kind: 'bag', terms, norm: Math.sqrt(sum) };
}
