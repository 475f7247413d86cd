import { cosine, type TextVector } from '../similarity/text-vector.js';

/**
 * The dedup rule (ε, k) for a similarity backend: the lexical one has its own calibrated rule, since
 * lemma-bag cosines do not live on the scale of the paper's embedding ε.
 */
export function dedupRule(
  settings: {
    dedupThreshold: number;
    dedupTopK: number;
    dedupThresholdLexical: number;
    dedupTopKLexical: number;
  },
  backendId: string,
): { threshold: number; topK: number } {
  return backendId.startsWith('lexical')
    ? { threshold: settings.dedupThresholdLexical, topK: settings.dedupTopKLexical }
    : { threshold: settings.dedupThreshold, topK: settings.dedupTopK };
}

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

  /** The vector a member was added with, by id. */
  vectorOf(id: string): TextVector | undefined {
    return this.entries.find((entry) => entry.id === id)?.vector;
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

  /** Similarities to the pool members worth comparing (for bags: those sharing a term), with their ids. */
  similarities(vector: TextVector): { id: string; similarity: number }[] {
    if (vector.kind === 'dense')
      return this.entries.map((entry) => ({ id: entry.id, similarity: cosine(vector, entry.vector) }));
    const candidates = new Set<number>();
    for (const term of vector.terms.keys())
      for (const index of this.byTerm.get(term) ?? []) candidates.add(index);
    return [...candidates].map((index) => ({
      id: this.entries[index]!.id,
      similarity: cosine(vector, this.entries[index]!.vector),
    }));
  }

  /**
   * Duplicate when the mean of the top-k similarities (pool members not compared count as 0)
   * exceeds ε, or when one pool member has the same content words (similarity ≥ 0.999). Members in
   * `ignore` (a question's own earlier versions) are left out.
   */
  check(vector: TextVector, ignore?: ReadonlySet<string>): DedupVerdict {
    return verdictOf(this.similarities(vector), this.size, this.threshold, this.topK, ignore);
  }

  /** A pool that sees this one and keeps its own additions apart (one pull among several run at once). */
  overlay(): PoolOverlay {
    return new PoolOverlay(this, new QuestionPool(this.threshold, this.topK), this.threshold, this.topK);
  }
}

/** The base pool plus questions added since, checked as one pool; additions go to `local` only. */
export class PoolOverlay {
  constructor(
    private readonly base: QuestionPool,
    readonly local: QuestionPool,
    private readonly threshold: number,
    private readonly topK: number,
  ) {}

  add(id: string, vector: TextVector): void {
    this.local.add(id, vector);
  }

  check(vector: TextVector, ignore?: ReadonlySet<string>): DedupVerdict {
    const found = [...this.base.similarities(vector), ...this.local.similarities(vector)];
    return verdictOf(found, this.base.size + this.local.size, this.threshold, this.topK, ignore);
  }
}

/** The dedup verdict from the similarities found in a pool of `size` (pool members in `ignore` left out). */
function verdictOf(
  all: readonly { id: string; similarity: number }[],
  size: number,
  threshold: number,
  topK: number,
  ignore?: ReadonlySet<string>,
): DedupVerdict {
  const found = ignore ? all.filter((entry) => !ignore.has(entry.id)) : all;
  if (ignore) size -= all.length - found.length;
  if (found.length === 0) return { duplicate: false, similarity: 0 };
  const top = found
    .map((entry) => entry.similarity)
    .sort((a, b) => b - a)
    .slice(0, topK);
  const similarity = top.reduce((sum, value) => sum + value, 0) / Math.min(size, topK);
  const nearest = found.reduce((best, entry) => (entry.similarity > best.similarity ? entry : best));
  return {
    duplicate: similarity > threshold || nearest.similarity >= 0.999,
    similarity,
    nearestId: nearest.id,
  };
}
