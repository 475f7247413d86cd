import type { Question } from '../../core/question.js';
import { type QuestionSetQuality, questionSetQuality } from '../../stages/analyze/question-set-quality.js';
import { seededSubset } from '../../stages/analyze/seeded-subset.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** One question set's measures, on the whole set and on a random subset of the common size. */
export interface QuestionSetReport {
  source: string;
  full: QuestionSetQuality;
  /** At the size of the smaller set (the same as `full` for the smaller one). */
  equalSize?: QuestionSetQuality;
}

export interface QuestionsResult {
  runId: string;
  sets: QuestionSetReport[];
  /** The common size sets were compared at, when there is another set. */
  comparedAt?: number;
  seed: number;
  /** Measures that need a similarity backend, which this build does not have yet. */
  notComputed: string[];
}

const texts = (questions: readonly Question[]) => questions.map((question) => question.text);

/**
 * Count, average length, Self-BLEU and Dist-n of a run's questions and, with another set, of both
 * at equal question counts (a seeded random subset of the larger), so sizes do not decide the comparison.
 */
export function analyzeQuestions(
  run: LoadedEvaluation,
  options: { against?: { source: string; questions: Question[] }; seed: number },
): QuestionsResult {
  const own: QuestionSetReport = {
    source: `run ${run.runId}`,
    full: questionSetQuality(texts(run.questions)),
  };
  const notComputed = ['mean pairwise similarity', 'novelty'];
  if (!options.against) return { runId: run.runId, sets: [own], seed: options.seed, notComputed };
  const other: QuestionSetReport = {
    source: options.against.source,
    full: questionSetQuality(texts(options.against.questions)),
  };
  const size = Math.min(run.questions.length, options.against.questions.length);
  own.equalSize = questionSetQuality(texts(seededSubset(run.questions, size, options.seed)));
  other.equalSize = questionSetQuality(texts(seededSubset(options.against.questions, size, options.seed)));
  return { runId: run.runId, sets: [own, other], comparedAt: size, seed: options.seed, notComputed };
}
