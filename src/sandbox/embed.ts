import { hashString } from './hash.js';

/** Dimensions of sandbox embeddings. */
export const EMBEDDING_DIMENSIONS = 64;

/** A deterministic unit vector from a text: hashed bag of lower-case words, so texts sharing words are close. */
export function embedText(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word.length < 2) continue;
    const hash = hashString(word);
    vector[hash % EMBEDDING_DIMENSIONS]! += hash & 1 ? 1 : -1;
  }
  const norm = Math.hypot(...vector) || 1;
  return vector.map((value) => value / norm);
}
