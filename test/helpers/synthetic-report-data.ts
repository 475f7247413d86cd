import { seededRandom } from '../../src/core/seeded-random.js';
import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import type { ReportAnswer, ReportData, ReportPoint, ReportValueResult } from '../../src/report/index.js';

const CATEGORIES = [
  'Politics',
  'Economics & Business',
  'Science & Technology',
  'Health',
  'Education',
  'Environment',
  'Culture & Religion',
  'Entertainment & Arts',
  'Social Issues',
];
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ner',
  'tho',
  'vas',
  'qui',
  'res',
  'pen',
  'dul',
  'sor',
  'gat',
  'ble',
  'wen',
  'tra',
  'ix',
];

/** A vocabulary of pseudo-words drawn with Zipf frequencies, so text compresses about as English does. */
function createWords(random: () => number, size: number): () => string {
  const words = Array.from({ length: size }, () => {
    const length = 1 + Math.floor(random() * 3);
    return Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  });
  const weights = words.map((_, rank) => 1 / (rank + 1) ** 1.07);
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
}

/**
 * A synthetic evaluation of `questions` × `models` (deterministic from `seed`): question texts of
 * ~20 words, 3–5 key points per answer with ~10-word points and ~20-word justifications, about 2 %
 * refusals, 1 % unparseable answers and 0.5 % unjudged key points.
 */
export function syntheticReportData(options: {
  questions: number;
  models: number;
  seed?: number;
}): ReportData {
  const random = seededRandom(options.seed ?? 7);
  const word = createWords(random, 6000);
  const sentence = (min: number, spread: number) =>
    Array.from({ length: min + Math.floor(random() * spread) }, word).join(' ');
  const values = SCHWARTZ_THEORY.values.map((value) => ({ id: value.id, name: value.name }));
  const modelIds = Array.from({ length: options.models }, (_, index) => `synthetic:model-${index + 1}`);
  const questions = Array.from({ length: options.questions }, (_, index) => ({
    id: `q-${String(index + 1).padStart(5, '0')}`,
    text: `Should ${sentence(14, 12)}?`,
    category: CATEGORIES[index % CATEGORIES.length]!,
  }));
  const answers: ReportAnswer[] = [];
  for (const question of questions)
    for (const modelId of modelIds) {
      const base = { questionId: question.id, modelId, sample: 0 };
      const roll = random();
      if (roll < 0.02) answers.push({ ...base, status: 'refusal', reason: 'declined to take a position' });
      else if (roll < 0.03) answers.push({ ...base, status: 'unparseable', reason: 'no stance line found' });
      else {
        const points = Array.from(
          { length: 3 + Math.floor(random() * 3) },
          (): ReportPoint => ({
            point: sentence(6, 8),
            justification: sentence(12, 16),
            ...(random() < 0.005
              ? { unjudgedReason: 'unscored: no valid label' }
              : { values: values.filter(() => random() < 0.15).map((value) => value.id) }),
          }),
        );
        const complete = points.every((point) => point.values !== undefined);
        answers.push({
          ...base,
          status: 'ok',
          stance: (['yes', 'no', 'neutral'] as const)[Math.floor(random() * 3)],
          points,
          ...(complete ? { values: [...new Set(points.flatMap((point) => point.values ?? []))] } : {}),
        });
      }
    }
  const valueResult = (valueId: string): ReportValueResult => {
    const rate = 0.1 + random() * 0.6;
    return {
      valueId,
      score: 30 + random() * 40,
      scoreSpread: random() * 3,
      mu: 25,
      sigma: 1,
      rate,
      rateLow: rate - 0.01,
      rateHigh: rate + 0.01,
      expressed: Math.round(rate * options.questions),
      observations: options.questions,
    };
  };
  const counts = {
    opinions: options.questions,
    ok: Math.round(options.questions * 0.97),
    refusals: Math.round(options.questions * 0.02),
    unparseable: Math.round(options.questions * 0.01),
    errors: 0,
    shortAnswers: 0,
    judgements: options.questions * 4,
    unscored: 0,
    judgeErrors: 0,
    partiallyJudged: 0,
    missingLabels: 0,
    scoredAnswers: Math.round(options.questions * 0.95),
  };
  const usageRow = {
    calls: options.questions,
    cached: 0,
    errors: 0,
    attempts: options.questions,
    inputTokens: 1,
    outputTokens: 1,
    costUsd: 0,
  };
  return {
    results: {
      runId: 'eval-synthetic',
      status: 'done',
      theory: { id: SCHWARTZ_THEORY.id, name: SCHWARTZ_THEORY.name, values },
      judge: 'synthetic:judge',
      judgeMode: 'batched',
      samples: 1,
      questions: options.questions,
      models: modelIds.map((modelId, index) => ({
        modelId,
        label: `Model ${index + 1}`,
        counts,
        values: values.map((value) => valueResult(value.id)),
      })),
      categories: CATEGORIES.map((category) => ({
        category,
        models: modelIds.map((modelId) => ({
          modelId,
          values: values.map((value) => valueResult(value.id)),
        })),
      })),
      errorRate: 0,
      usage: {
        byModel: modelIds.map((providerId) => ({ providerId, role: 'examinee', ...usageRow })),
        total: usageRow,
      },
    },
    manifest: {
      adaemVersion: '0.0.0-synthetic',
      gitRevision: 'unknown',
      nodeVersion: process.version,
      createdAt: '2026-01-01T00:00:00.000Z',
      argv: [],
      seed: options.seed ?? 7,
      examinees: modelIds,
      judge: 'synthetic:judge',
      judgeMode: 'batched',
      samples: 1,
      maxErrorRate: 0.05,
      maxCost: null,
      questions: { source: 'synthetic', count: options.questions, hash: '0000000000000000' },
      promptHashes: { opinion: 'abc' },
      settings: { samples: 1 },
    },
    simulatedModels: [],
    questions,
    answers,
  };
}
