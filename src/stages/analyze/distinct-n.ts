import { nGrams } from './tokenize-words.js';

/**
 * Dist-n (Li et al. 2016): distinct n-grams over all n-grams of a whole set of tokenised texts;
 * null when the set has no n-gram. Depends on the set's size, so compare sets of equal size.
 */
export function distinctN(texts: readonly (readonly string[])[], n: number): number | null {
  const distinct = new Set<string>();
  let total = 0;
  for (const tokens of texts) {
    for (const gram of nGrams(tokens, n)) {
      distinct.add(gram);
      total++;
    }
  }
  return total === 0 ? null : distinct.size / total;
}
