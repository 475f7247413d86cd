/** A text as a similarity backend sees it: a bag of lemmas (lexical) or an embedding (dense). */
export type TextVector =
  | { kind: 'bag'; terms: Map<string, number>; norm: number }
  | { kind: 'dense'; values: Float64Array; norm: number };

/** Cosine similarity of two vectors of the same kind, in [0, 1] for bags (and usually for embeddings). */
export function cosine(a: TextVector, b: TextVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  if (a.kind === 'bag' && b.kind === 'bag') {
    const [small, large] = a.terms.size <= b.terms.size ? [a.terms, b.terms] : [b.terms, a.terms];
    let dot = 0;
    for (const [term, count] of small) {
      const other = large.get(term);
      if (other !== undefined) dot += count * other;
    }
    return dot / (a.norm * b.norm);
  }
  if (a.kind === 'dense' && b.kind === 'dense') {
    if (a.values.length !== b.values.length)
      throw new Error(`embeddings of different sizes (${a.values.length} and ${b.values.length})`);
    let dot = 0;
    for (let index = 0; index < a.values.length; index++) dot += a.values[index]! * b.values[index]!;
    return dot / (a.norm * b.norm);
  }
  throw new Error('cannot compare a lexical vector with an embedding');
}

/** A dense vector with its norm. */
export function denseVector(values: readonly number[]): TextVector {
  const array = Float64Array.from(values);
  let sum = 0;
  for (const value of array) sum += value * value;
  return { kind: 'dense', values: array, norm: Math.sqrt(sum) };
}
