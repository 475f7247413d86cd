import type { ScoreWeights } from '../../core/generate-config.js';
import type { JudgePrompt } from '../../core/prompts/judge-prompt.js';
import type { Provider, SamplingParams } from '../../core/provider.js';
import type { JudgeMode, Stance } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { judgeOpinion } from '../judge/judge-opinion.js';
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

function valuesOf(outcome: { values: Record<string, boolean> }): string[] {
  return Object.entries(outcome.values)
    .filter(([, expressed]) => expressed)
    .map(([id]) => id)
    .sort();
}

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
  const judged = await Promise.all(
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
  const own = ownJudged.outcome;
  if (own.status !== 'ok')
    return {
      terms: null,
      reason: `the question's own values were not read: ${own.reason}`,
      failure: 'infrastructure',
      questionValues: [],
      answers,
    };
  const usable = answers.filter((answer) => answer.status === 'ok');
  const unknown = new Set(own.missing ?? []);
  for (const answer of usable)
    for (const point of answer.points) for (const id of point.missing ?? []) unknown.add(id);
  const known = (ids: readonly string[]) => ids.filter((id) => !unknown.has(id));
  const questionValues = known(valuesOf(own));
  const unknownValues = [...unknown].sort();
  const unknownField = unknownValues.length > 0 ? { unknownValues } : {};
  if (unknown.size >= theory.values.length)
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
  const vectors = await options.similarity.vectors(
    usable.map((answer) => answer.points.map((point) => point.text).join('\n')),
    signal,
  );
  const practical = informativeness(
    usable.map((answer) => ({
      modelId: answer.modelId,
      pointValues: answer.points.map((point) => known(point.values)),
    })),
    questionValues,
    (i, j) => options.similarity.similarity(vectors[i]!, vectors[j]!),
    settings.weights,
  );
  if (settings.variant !== 'exact') return { terms: practical, questionValues, ...unknownField, answers };
  const probabilities = (found: Record<string, number> | undefined) =>
    theory.values.filter((value) => !unknown.has(value.id)).map((value) => found?.[value.id] ?? 0);
  const exact = exactInformativeness(
    usable.map((answer) => answer.points.map((point) => probabilities(point.probabilities))),
    probabilities(own.probabilities),
  );
  return {
    terms: { ...practical, s: exact.s, exact: { gjs: exact.gjs, tv: exact.tv } },
    questionValues,
    ...unknownField,
    answers,
  };
}
