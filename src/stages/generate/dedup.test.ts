import { describe, expect, it } from 'vitest';
import { lexicalVector } from '../similarity/lexical.js';
import { denseVector } from '../similarity/text-vector.js';
import { QuestionPool } from './dedup.js';

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
