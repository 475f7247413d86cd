import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GenerateConfigSchema } from '../../core/generate-config.js';
import { lexicalVector } from '../similarity/lexical.js';
import { lexicalSimilarity } from '../similarity/similarity-backend.js';
import { denseVector } from '../similarity/text-vector.js';
import { dedupRule, QuestionPool } from './dedup.js';

describe('dedup pool', () => {
  it('rejects a candidate whose mean top-3 similarity passes ε, and keeps one that is only near one question', () => {
    const pool = new QuestionPool(0.85, 3);
    const texts = [
      'Should the city ban cars from the old town?',
      'Should the city ban private cars from the old town centre?',
      'Should the city ban cars from the historic old town?',
      'Should schools teach religion to young children?',
    ];
    for (const [index, text] of texts.entries()) pool.add(`q${index}`, lexicalVector(text));
    const near = pool.check(lexicalVector('Should cities ban cars from old towns?'));
    expect(near.duplicate).toBe(true);
    expect(near.similarity).toBeGreaterThan(0.85);
    expect(near.nearestId).toBe('q0');
    const related = pool.check(lexicalVector('Should schools teach religion to teenagers?'));
    // close to one pool member only: its top-3 mean stays low
    expect(related.similarity).toBeLessThan(0.5);
    expect(related.duplicate).toBe(false);
    expect(pool.check(lexicalVector('Is nuclear power worth its risks?'))).toEqual({
      duplicate: false,
      similarity: 0,
    });
  });

  it('always rejects the same content words, even far from the rest of the pool', () => {
    const pool = new QuestionPool(0.85, 3);
    for (const [index, text] of [
      'Should zoos be closed?',
      'Is fasting healthy?',
      'Should voting be compulsory?',
    ].entries())
      pool.add(`q${index}`, lexicalVector(text));
    const copy = pool.check(lexicalVector('Should voting be compulsory?'));
    expect(copy.duplicate).toBe(true);
    expect(copy.nearestId).toBe('q2');
  });

  it('compares embeddings with every pool member, averaging over the pool when it is smaller than k', () => {
    const pool = new QuestionPool(0.85, 3);
    pool.add('a', denseVector([1, 0]));
    expect(pool.check(denseVector([0.8, 0.6])).similarity).toBeCloseTo(0.8, 12);
    pool.add('b', denseVector([0, 1]));
    expect(pool.check(denseVector([0.6, 0.8])).similarity).toBeCloseTo((0.6 + 0.8) / 2, 12);
    expect(pool.size).toBe(2);
  });
});

describe('the lexical dedup rule, on paraphrase pairs and variants written for it', () => {
  const fixture = JSON.parse(
    readFileSync(new URL('../../../test/fixtures/dedup-pairs.json', import.meta.url), 'utf8'),
  ) as {
    groups: { pool: string[]; nearCopy: string; paraphrase: string; variant: string; distinct: string }[];
  };
  const settings = GenerateConfigSchema.parse({});
  const kinds = ['nearCopy', 'paraphrase', 'variant', 'distinct'] as const;

  async function verdicts(rule: { threshold: number; topK: number }) {
    const similarity = lexicalSimilarity();
    const found = { nearCopy: 0, paraphrase: 0, variant: 0, distinct: 0 };
    for (const group of fixture.groups) {
      const pool = new QuestionPool(rule.threshold, rule.topK);
      const vectors = await similarity.vectors(group.pool);
      for (const [index, vector] of vectors.entries()) pool.add(`q${index}`, vector);
      for (const kind of kinds) {
        const [vector] = await similarity.vectors([group[kind]]);
        if (pool.check(vector!).duplicate) found[kind]++;
      }
    }
    return found;
  }
  /** Right verdicts: copies and paraphrases rejected, variants and different questions kept. */
  const right = (found: Record<(typeof kinds)[number], number>) =>
    found.nearCopy + found.paraphrase + 2 * fixture.groups.length - found.variant - found.distinct;

  it('catches every near copy, most paraphrases, and keeps most variants and every different question', async () => {
    const groups = fixture.groups.length;
    const found = await verdicts(dedupRule(settings, 'lexical:wink-lemma-cosine'));
    expect(found.nearCopy).toBe(groups);
    expect(found.distinct).toBe(0);
    // Lemma bags cannot tell a reworded question from one with a new place or cost: 3 of 12 each way.
    expect(found.paraphrase).toBeGreaterThanOrEqual(groups - 3);
    expect(found.variant).toBeLessThanOrEqual(3);
  });

  it('uses the threshold on the nearest question with the most right verdicts on the fixture', async () => {
    const byThreshold = new Map<number, number>();
    for (let step = 6; step <= 19; step++) {
      const threshold = step / 20;
      byThreshold.set(threshold, right(await verdicts({ threshold, topK: 1 })));
    }
    const best = Math.max(...byThreshold.values());
    expect(byThreshold.get(settings.dedupThresholdLexical)).toBe(best);
    // The earlier ε 0.5 caught every paraphrase but rejected 11 of the 12 variants.
    expect(await verdicts({ threshold: 0.5, topK: 1 })).toMatchObject({ paraphrase: 12, variant: 11 });
    expect(byThreshold.get(0.5)).toBeLessThan(best);
  });

  it('the paper’s embedding ε on lexical cosines lets most duplicates through', async () => {
    const groups = fixture.groups.length;
    const embeddingRule = dedupRule(settings, 'embedding:m');
    expect(embeddingRule).toEqual({ threshold: 0.85, topK: 3 });
    const loose = await verdicts(embeddingRule);
    // (it catches only copies with exactly the same content words).
    expect(loose.nearCopy + loose.paraphrase).toBeLessThan(groups);
  });
});
