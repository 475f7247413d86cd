import type { Question } from '../../core/question.js';
import { type QuestionSetQuality, questionSetQuality } from '../../stages/analyze/question-set-quality.js';
import { seededSubset } from '../../stages/analyze/seeded-subset.js';
import { meanCrossSimilarity, meanPairwiseSimilarity } from '../../stages/analyze/set-similarity.js';
import type { SimilarityBackend } from '../../stages/similarity/similarity-backend.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** Lexical measures plus the mean pairwise similarity (lower = more diverse). */
export type QuestionSetMeasures = QuestionSetQuality & { meanSimilarity: number | null };

/** One question set's measures, on the whole set and on a random subset of the common size. */
export interface QuestionSetReport {
  source: string;
  full: QuestionSetMeasures;
  /** At the size of the smaller set (the same as `full` for the smaller one). */
  equalSize?: QuestionSetMeasures;
}

export interface QuestionsResult {
  runId: string;
  sets: QuestionSetReport[];
  /** The common size sets were compared at, when there is another set. */
  comparedAt?: number;
  /** Mean similarity between the run's questions and the other set at the common size (lower = more novel). */
  novelty?: number | null;
  /** The similarity backend (`lexical:…` or `embedding:<model>`). */
  similarity: string;
  /** Similarities are computed on at most this many questions per set (a seeded subset). */
  similaritySample: number;
  seed: number;
}

/** Pairwise similarity is quadratic: above this many questions a seeded subset stands in for the set. */
export const SIMILARITY_SAMPLE = 1000;

const texts = (questions: readonly Question[]) => questions.map((question) => question.text);

/**
 * Count, average length, Self-BLEU, Dist-n and mean pairwise similarity of a run's questions and,
 * with another set, of both at equal question counts (a seeded random subset of the larger) plus the
 * novelty of the run's set against the other, so sizes do not decide the comparison.
 */
export async function analyzeQuestions(
  /** An evaluation run, or any question set with an id (e.g. a generated bank). */
  run: Pick<LoadedEvaluation, 'runId' | 'questions'>,
  options: {
    against?: { source: string; questions: Question[] };
    seed: number;
    similarity: SimilarityBackend;
    signal?: AbortSignal;
  },
): Promise<QuestionsResult> {
  const { similarity, seed } = options;
  const vectorsOf = (questions: readonly Question[]) =>
    similarity.vectors(texts(seededSubset(questions, SIMILARITY_SAMPLE, seed)), options.signal);
  const measure = async (questions: readonly Question[]): Promise<QuestionSetMeasures> => ({
    ...questionSetQuality(texts(questions)),
    meanSimilarity: meanPairwiseSimilarity(await vectorsOf(questions), similarity.similarity),
  });
  const own: QuestionSetReport = { source: `run ${run.runId}`, full: await measure(run.questions) };
  const common = { similarity: similarity.id, similaritySample: SIMILARITY_SAMPLE, seed };
  if (!options.against) return { runId: run.runId, sets: [own], ...common };
  const other: QuestionSetReport = {
    source: options.against.source,
    full: await measure(options.against.questions),
  };
  const size = Math.min(run.questions.length, options.against.questions.length);
  const ownSubset = seededSubset(run.questions, size, seed);
  const otherSubset = seededSubset(options.against.questions, size, seed);
  own.equalSize = await measure(ownSubset);
  other.equalSize = await measure(otherSubset);
  const novelty = meanCrossSimilarity(
    await vectorsOf(ownSubset),
    await vectorsOf(otherSubset),
    similarity.similarity,
  );
  return { runId: run.runId, sets: [own, other], comparedAt: size, novelty, ...common };
}
