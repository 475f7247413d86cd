import { cosine, type TextVector } from '../similarity/text-vector.js';

/** What the dedup check says about one candidate. */
export interface DedupVerdict {
  duplicate: boolean;
  /** Mean of its top-k similarities to the pool. */
  similarity: number;
  /** Id of the most similar question in the pool, when any. */
  nearestId?: string;
}

/**
 * Every question the search has produced so far, for the dedup rule of method §4: a candidate is a
 * duplicate when the mean of its top-k similarities to the pool exceeds ε. Lemma bags are indexed
 * by term, so only questions sharing a word are compared (a bag shares no word → similarity 0).
 */
export class QuestionPool {
  private readonly entries: { id: string; vector: TextVector }[] = [];
  private readonly byTerm = new Map<string, number[]>();

  constructor(
    private readonly threshold: number,
    private readonly topK: number,
  ) {}

  get size(): number {
    return this.entries.length;
  }

  add(id: string, vector: TextVector): void {
    const index = this.entries.length;
    this.entries.push({ id, vector });
    if (vector.kind !== 'bag') return;
    for (const term of vector.terms.keys()) {
      const list = this.byTerm.get(term);
      if (list) list.push(index);
      else this.byTerm.set(term, [index]);
    }
  }

  /** Similarities to the pool members worth comparing (for bags: those sharing a term). */
  private similarities(vector: TextVector): { index: number; similarity: number }[] {
    if (vector.kind === 'dense')
      return this.entries.map((entry, index) => ({ index, similarity: cosine(vector, entry.vector) }));
    const candidates = new Set<number>();
    for (const term of vector.terms.keys())
      for (const index of this.byTerm.get(term) ?? []) candidates.add(index);
    return [...candidates].map((index) => ({
      index,
      similarity: cosine(vector, this.entries[index]!.vector),
    }));
  }

  /**
   * Duplicate when the mean of the top-k similarities (pool members not compared count as 0)
   * exceeds ε, or when one pool member has the same content words (similarity ≥ 0.999).
   */
  check(vector: TextVector): DedupVerdict {
    const found = this.similarities(vector);
    if (found.length === 0) return { duplicate: false, similarity: 0 };
    const top = found
      .map((entry) => entry.similarity)
      .sort((a, b) => b - a)
      .slice(0, this.topK);
    const similarity = top.reduce((sum, value) => sum + value, 0) / Math.min(this.entries.length, this.topK);
    const nearest = found.reduce((best, entry) => (entry.similarity > best.similarity ? entry : best));
    return {
      duplicate: similarity > this.threshold || nearest.similarity >= 0.999,
      similarity,
      nearestId: this.entries[nearest.index]!.id,
    };
  }
}
