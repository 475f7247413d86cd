// bench:analyze — how long the analyses take at the paper's scale (12,310 questions, 10 models).
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { computeValueScores, type ValueVectorRecord } from '../src/stages/aggregate/value-scores.js';
import { cronbachAlpha } from '../src/stages/analyze/cronbach-alpha.js';
import { intraclassCorrelations } from '../src/stages/analyze/icc.js';
import { questionSetQuality } from '../src/stages/analyze/question-set-quality.js';
import { seededFolds, seededSubset } from '../src/stages/analyze/seeded-subset.js';
import { meanPairwiseSimilarity } from '../src/stages/analyze/set-similarity.js';
import { lexicalSimilarity } from '../src/stages/similarity/similarity-backend.js';

const time = async <T>(work: () => T | Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
};

const questions = sandboxQuestions({ count: 12_310, kind: 'tradeoff', seed: 3 });
const texts = questions.map((question) => question.text);
const [quality, qualityMs] = await time(() => questionSetQuality(texts));
const backend = lexicalSimilarity();
const sample = seededSubset(texts, 1000, 1);
const [vectors, vectorMs] = await time(() => backend.vectors(sample));
const [similarity, pairsMs] = await time(() => meanPairwiseSimilarity(vectors, backend.similarity));

// Synthetic observations: 10 models × 12,310 questions, each value expressed with a model-specific rate.
const valueIds = SCHWARTZ_THEORY.values.map((value) => value.id);
const modelIds = Array.from({ length: 10 }, (_, index) => `m${index}`);
let state = 12345;
const random = () => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state / 2147483648;
};
const records: ValueVectorRecord[] = questions.flatMap((question) =>
  modelIds.map((modelId, m) => ({
    questionId: question.id,
    modelId,
    values: Object.fromEntries(valueIds.map((id, v) => [id, random() < 0.1 + 0.08 * ((m + v) % 10)])),
  })),
);
const folds = seededFolds(
  questions.map((question) => question.id),
  5,
  42,
);
const [perFold, foldsMs] = await time(() =>
  folds.map((fold) => {
    const ids = new Set(fold);
    const result = computeValueScores({
      records: records.filter((record) => ids.has(record.questionId)),
      modelIds,
      valueIds,
    });
    return result.models.flatMap((model) => valueIds.map((id) => model.values[id]!.rate!));
  }),
);
const cases = perFold[0]!.map((_, index) => perFold.map((fold) => fold[index]!));
const [alpha, alphaMs] = await time(() => cronbachAlpha(cases));
const [, iccMs] = await time(() => intraclassCorrelations(cases));

const figures = {
  questions: texts.length,
  'Self-BLEU + Dist-n + length (ms)': Math.round(qualityMs),
  'Self-BLEU': quality.selfBleu?.toFixed(2),
  'Dist-2': quality.distinct2?.toFixed(3),
  'lexical vectors, 1,000 questions (ms)': Math.round(vectorMs),
  'mean pairwise similarity, 499,500 pairs (ms)': Math.round(pairsMs),
  'mean similarity': similarity?.toFixed(3),
  're-aggregate 5 folds, 10 models, TrueSkill 16 orders (ms)': Math.round(foldsMs),
  "Cronbach's α over 100 cells (ms)": alphaMs.toFixed(2),
  alpha: alpha.toFixed(3),
  'six ICC forms with intervals (ms)': iccMs.toFixed(2),
  'heap used (MB)': Math.round(process.memoryUsage().heapUsed / 1e6),
};
for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(58)} ${value}`);
