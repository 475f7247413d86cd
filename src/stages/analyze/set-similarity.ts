/** Mean similarity over every pair within one set; null under 2 items. */
export function meanPairwiseSimilarity<V>(
  vectors: readonly V[],
  similarity: (a: V, b: V) => number,
): number | null {
  if (vectors.length < 2) return null;
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < vectors.length; a++) {
    for (let b = a + 1; b < vectors.length; b++) {
      sum += similarity(vectors[a]!, vectors[b]!);
      pairs++;
    }
  }
  return sum / pairs;
}

/** Mean similarity over every pair across two sets (lower = the first set is more novel against the second); null when one is empty. */
export function meanCrossSimilarity<V>(
  first: readonly V[],
  second: readonly V[],
  similarity: (a: V, b: V) => number,
): number | null {
  if (first.length === 0 || second.length === 0) return null;
  let sum = 0;
  for (const a of first) for (const b of second) sum += similarity(a, b);
  return sum / (first.length * second.length);
}
