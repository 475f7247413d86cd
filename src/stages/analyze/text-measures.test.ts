import { describe, expect, it } from 'vitest';
import { distinctN } from './distinct-n.js';
import { questionSetQuality } from './question-set-quality.js';
import { seededFolds, seededSubset } from './seeded-subset.js';
import { selfBleu, sentenceBleu } from './self-bleu.js';
import { tokenizeWords } from './tokenize-words.js';

const words = (text: string) => tokenizeWords(text);

describe('text measures of a question set', () => {
  it('tokenises lower-case words and keeps inner apostrophes', () => {
    expect(tokenizeWords("Should Japan's cities—or not—ban cars? Don't.")).toEqual([
      'should',
      "japan's",
      'cities',
      'or',
      'not',
      'ban',
      'cars',
      "don't",
    ]);
  });

  it('computes sentence BLEU-4 by hand: clipped counts and no brevity penalty at equal length', () => {
    // 1-grams 5/6 ("the" clipped to 1), 2-grams 3/5, 3-grams 2/4, 4-grams 1/3 → (1/12)^(1/4).
    const bleu = sentenceBleu(words('the cat sat on the mat'), [words('the cat sat on a mat')]);
    expect(bleu).toBeCloseTo((1 / 12) ** 0.25, 12);
  });

  it('smooths zero matches with ε = 0.1 and applies the brevity penalty', () => {
    // 3/4, 1/3, 0 → 0.1/2, 0 → 0.1/1; c = 4, r = 5 → BP = e^(1 − 5/4).
    const bleu = sentenceBleu(words('a b c d'), [words('a b x d e')]);
    expect(bleu).toBeCloseTo(Math.exp(-0.25) * (0.75 * (1 / 3) * 0.05 * 0.1) ** 0.25, 12);
  });

  it('gives the same Self-BLEU as sentence BLEU of each text against all the others', () => {
    const texts = [
      'should japan fine citizens who break minor rules',
      'should france fine citizens who break minor rules even if it costs freedom',
      'should brazil admit more climate refugees',
      'should brazil admit more climate refugees even if it means less wealth',
      'is helping others important',
      'should japan fine citizens who break minor rules',
    ].map(words);
    const direct =
      (100 *
        texts.reduce(
          (sum, text, index) =>
            sum +
            sentenceBleu(
              text,
              texts.filter((_, other) => other !== index),
            ),
          0,
        )) /
      texts.length;
    expect(selfBleu(texts)).toBeCloseTo(direct, 10);
    expect(selfBleu([words('the cat sat on the mat'), words('the cat sat on a mat')])).toBeCloseTo(
      100 * (1 / 12) ** 0.25,
      10,
    );
  });

  it('counts distinct n-grams over all n-grams', () => {
    expect(distinctN([words('a b a b')], 1)).toBe(0.5);
    expect(distinctN([words('a b a b')], 2)).toBeCloseTo(2 / 3, 12);
    expect(distinctN([words('a')], 2)).toBeNull();
  });

  it('summarises a set: count, mean words, Self-BLEU and Dist-n; a repeated set scores as less diverse', () => {
    const varied = ['Is freedom worth risk?', 'Should cities ban cars downtown?', 'Can tradition guide law?'];
    const quality = questionSetQuality(varied);
    expect(quality.count).toBe(3);
    expect(quality.averageWords).toBeCloseTo(13 / 3, 12);
    const repeated = questionSetQuality([...varied, ...varied]);
    expect(repeated.selfBleu!).toBeGreaterThan(quality.selfBleu!);
    expect(repeated.distinct2!).toBeLessThan(quality.distinct2!);
    expect(questionSetQuality(['one question'])).toMatchObject({ count: 1, selfBleu: null });
  });

  it('draws reproducible subsets and folds that partition the items', () => {
    const items = [...Array(23).keys()];
    expect(seededSubset(items, 5, 7)).toEqual(seededSubset(items, 5, 7));
    expect(seededSubset(items, 5, 7)).not.toEqual(seededSubset(items, 5, 8));
    const folds = seededFolds(items, 5, 3);
    expect(folds.map((fold) => fold.length).sort()).toEqual([4, 4, 5, 5, 5]);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(items);
  });
});
