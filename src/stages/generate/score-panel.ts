import type { ScoreWeights } from '../../core/generate-config.js';
import type { JudgePrompt } from '../../core/prompts/judge-prompt.js';
import type { Provider, SamplingParams } from '../../core/provider.js';
import type { JudgeMode, JudgementOutcome, Stance } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { type JudgeAnswer, judgeOpinion } from '../judge/judge-opinion.js';
import { askOpinion } from '../respond/ask-opinion.js';
import type { SimilarityBackend } from '../similarity/similarity-backend.js';
import { type InformativenessTerms, informativeness } from './informativeness.js';
import { exactInformativeness } from './informativeness-exact.js';

/** One panel model's answer to a candidate: its key points with the values the judge read, or why it is not usable. */
export type PanelAnswer =
  | {
      modelId: string;
      status: 'ok';
      stance: Stance | null;
      points: {
        text: string;
        values: string[];
        probabilities?: Record<string, number>;
        /** Values the judge's reply did not label readably for this point: unknown, not "not expressed". */
        missing?: string[];
      }[];
    }
  | { modelId: string; status: 'refusal' | 'unparseable' | 'error' | 'unjudged'; reason: string };

/** S of one question under one panel, with everything it was computed from. */
export interface PanelScore {
  /** Null when the question's own values could not be read or no panel answer was usable. */
  terms: InformativenessTerms | null;
  reason?: string;
  /**
   * Without terms: `infrastructure` when calls failed or replies could not be read, `content` when
   * the question itself is the cause (every usable-looking answer was a refusal).
   */
  failure?: 'infrastructure' | 'content';
  questionValues: string[];
  /**
   * Values some key point or the question left unlabelled (an unreadable per-value reply): unknown,
   * so S is computed over the other values only — as evaluation leaves them out — never as "not expressed".
   */
  unknownValues?: string[];
  answers: PanelAnswer[];
}

/** How a panel is asked and read during generation. */
export interface PanelSettings {
  /** `exact`: S from the judge's P(yes) (judge mode must be `logprob`); `practical`: from labels. @default "practical" */
  variant?: 'practical' | 'exact';
  judgeMode: JudgeMode;
  /** The judge's system prompt (`generate.judgePrompt`, after the theory's fallback). @default "definitions" */
  judgePrompt?: JudgePrompt;
  pointsPerAnswer: number;
  weights: ScoreWeights;
  params: SamplingParams;
}

/** The ids of the values a judgement marked expressed, sorted. */
function valuesOf(outcome: { values: Record<string, boolean> }): string[] {
  return Object.entries(outcome.values)
    .filter(([, expressed]) => expressed)
    .map(([id]) => id)
    .sort();
}

/** One panel model answers the question and the judge reads each of its key points. */
async function answerOne(
  provider: Provider,
  question: string,
  judge: Provider,
  theory: ValueTheory,
  settings: PanelSettings,
  signal: AbortSignal | undefined,
): Promise<PanelAnswer> {
  const modelId = provider.id;
  const answer = await askOpinion({
    provider,
    question: { id: 'candidate', text: question },
    sample: 0,
    points: settings.pointsPerAnswer,
    params: settings.params,
    signal,
  });
  const outcome = answer.outcome;
  if (outcome.status !== 'ok') return { modelId, status: outcome.status, reason: outcome.reason };
  const points = outcome.points.map((point) =>
    point.justification ? `${point.point}: ${point.justification}` : point.point,
  );
  const judged = await judgePoints(points, judge, theory, settings, signal);
  const failed = judged.find((entry) => entry.outcome.status !== 'ok');
  if (failed && failed.outcome.status !== 'ok')
    return { modelId, status: 'unjudged', reason: `a key point was not judged: ${failed.outcome.reason}` };
  return {
    modelId,
    status: 'ok',
    stance: outcome.stance,
    points: points.map((text, index) => {
      const judgement = judged[index]!.outcome;
      if (judgement.status !== 'ok') throw new Error('unreachable: checked above');
      return {
        text,
        values: valuesOf(judgement),
        ...(judgement.probabilities ? { probabilities: judgement.probabilities } : {}),
        ...(judgement.missing?.length ? { missing: judgement.missing } : {}),
      };
    }),
  };
}

/** The judge reads every key point of one answer, all at once. */
function judgePoints(
  points: readonly string[],
  judge: Provider,
  theory: ValueTheory,
  settings: PanelSettings,
  signal: AbortSignal | undefined,
): Promise<JudgeAnswer[]> {
  return Promise.all(
    points.map((text) =>
      judgeOpinion({
        provider: judge,
        theory,
        opinion: text,
        mode: settings.judgeMode,
        prompt: settings.judgePrompt,
        params: { seed: settings.params.seed },
        signal,
      }),
    ),
  );
}

/**
 * Every panel model answers the question once (the opinion prompt), the judge reads each key point
 * and the question itself, and S is computed over the usable answers (method §3). Failed answers
 * are kept with their reason and left out of S, never scored as empty opinions.
 */
export async function scorePanel(options: {
  question: string;
  panel: readonly Provider[];
  judge: Provider;
  theory: ValueTheory;
  similarity: SimilarityBackend;
  settings: PanelSettings;
  signal?: AbortSignal;
}): Promise<PanelScore> {
  const { own, answers } = await judgeQuestionAndAskPanel(options);
  if (own.status !== 'ok')
    return {
      terms: null,
      reason: `the question's own values were not read: ${own.reason}`,
      failure: 'infrastructure',
      questionValues: [],
      answers,
    };
  const usable = answers.filter((answer) => answer.status === 'ok');
  const unknown = unknownValueIds(own, usable);
  const questionValues = valuesOf(own).filter((id) => !unknown.has(id));
  const unknownValues = [...unknown].sort();
  const unknownField = unknownValues.length > 0 ? { unknownValues } : {};
  if (unknown.size >= options.theory.values.length)
    return {
      terms: null,
      reason: 'no value was labelled readably for every key point and the question',
      failure: 'infrastructure',
      questionValues,
      ...unknownField,
      answers,
    };
  if (usable.length === 0)
    return {
      terms: null,
      reason: 'no panel answer was usable',
      // A question every model refuses is a poor question, not a failed call.
      failure: answers.some((answer) => answer.status === 'refusal') ? 'content' : 'infrastructure',
      questionValues,
      answers,
    };
  const terms = await termsOfUsable({ options, usable, own, unknown, questionValues });
  return { terms, questionValues, ...unknownField, answers };
}

type ScorePanelOptions = Parameters<typeof scorePanel>[0];
type UsableAnswer = Extract<PanelAnswer, { status: 'ok' }>;
type ReadJudgement = Extract<JudgementOutcome, { status: 'ok' }>;

/** The judge reads the question itself while every panel model answers it, all at once. */
async function judgeQuestionAndAskPanel(
  options: ScorePanelOptions,
): Promise<{ own: JudgementOutcome; answers: PanelAnswer[] }> {
  const { question, judge, theory, settings, signal } = options;
  const [ownJudged, answers] = await Promise.all([
    judgeOpinion({
      provider: judge,
      theory,
      opinion: question,
      mode: settings.judgeMode,
      prompt: settings.judgePrompt,
      params: { seed: settings.params.seed },
      signal,
    }),
    Promise.all(
      options.panel.map((provider) => answerOne(provider, question, judge, theory, settings, signal)),
    ),
  ]);
  return { own: ownJudged.outcome, answers };
}

/** Values the question's judgement or some key point left unlabelled: unknown, not "not expressed". */
function unknownValueIds(own: ReadJudgement, usable: readonly UsableAnswer[]): Set<string> {
  const unknown = new Set(own.missing ?? []);
  for (const answer of usable)
    for (const point of answer.points) for (const id of point.missing ?? []) unknown.add(id);
  return unknown;
}

/** S and its terms over the usable answers and the known values: from labels, or exact from P(yes). */
async function termsOfUsable(input: {
  options: ScorePanelOptions;
  usable: readonly UsableAnswer[];
  own: ReadJudgement;
  unknown: ReadonlySet<string>;
  questionValues: string[];
}): Promise<InformativenessTerms> {
  const { options, usable, own, unknown, questionValues } = input;
  const vectors = await options.similarity.vectors(
    usable.map((answer) => answer.points.map((point) => point.text).join('\n')),
    options.signal,
  );
  const practical = informativeness(
    usable.map((answer) => ({
      modelId: answer.modelId,
      pointValues: answer.points.map((point) => point.values.filter((id) => !unknown.has(id))),
    })),
    questionValues,
    (i, j) => options.similarity.similarity(vectors[i]!, vectors[j]!),
    options.settings.weights,
  );
  if (options.settings.variant !== 'exact') return practical;
  const probabilities = (found: Record<string, number> | undefined) =>
    options.theory.values.filter((value) => !unknown.has(value.id)).map((value) => found?.[value.id] ?? 0);
  const exact = exactInformativeness(
    usable.map((answer) => answer.points.map((point) => probabilities(point.probabilities))),
    probabilities(own.probabilities),
  );
  return { ...practical, s: exact.s, exact: { gjs: exact.gjs, tv: exact.tv } };
}
