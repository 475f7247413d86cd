import type { AdaemConfig, Price, Role } from '../../core/config.js';
import { type JudgePromptChoice, judgePromptFor } from '../../core/prompts/judge-prompt.js';
import {
  formatJudgeContext,
  formatPointLines,
  opinionPrompt,
  renderJudgeBatched,
  renderJudgeValue,
} from '../../core/prompts/templates.js';
import type { JudgeMode, Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { judgeCallsPerOpinion } from '../../stages/judge/judge-opinion.js';
import { withExecutionCosts } from '../plan-execution.js';

/** Planned calls, tokens and cost of one model in one role. */
export interface PlannedCalls {
  modelId: string;
  role: Role;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** USD, or null when the config gives no price for the model. */
  costUsd: number | null;
  /** USD through the provider's batch API (see `withExecutionCosts`). */
  batchCostUsd?: number | null;
  /** USD through the batch API with the shared prompt prefix read from the provider's cache. */
  batchCachedCostUsd?: number | null;
  /** Input tokens assumed read from the cache in the batch + cache column. */
  cachedInputTokens?: number;
  /** The judge's row: its system prompt (the setting, the prompt used, a fallback's reason). */
  judgePrompt?: JudgePromptChoice;
  /** The judge's row: estimated tokens of its fixed system prefix, the part a provider can cache. */
  prefixTokens?: number;
}

/** Expected answer length of an opinion, in tokens (the prompt caps it at 250 words). */
const OPINION_OUTPUT_TOKENS = 300;
/** A typical key point ("point: justification"), for sizing judge prompts. */
const TYPICAL_POINT = 'Protecting local jobs: the policy keeps small farms viable and the community together';

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

export function costOf(price: Price | undefined, input: number, output: number): number | null {
  return price ? (input * price.input + output * price.output) / 1_000_000 : null;
}

/**
 * The exact number of calls an evaluation will make per model and role (assuming every answer has
 * the configured number of key points and no cache hits), with a token and cost estimate from the config's prices.
 */
export function planEvaluation(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  questions: readonly Question[];
  examinees: readonly string[];
  judge: string;
  judgeMode: JudgeMode;
  samples: number;
  /** Price of a model (e.g. `engine.priceOf`). @default the config's `models[].price` */
  priceOf?: (modelId: string) => Price | undefined;
  /**
   * Recorded answers (`--responses`): the texts the judge will read, one per key point (or whole
   * answer). The examinees are then not called, and the judge reads exactly these.
   */
  recordedTexts?: readonly string[];
}): PlannedCalls[] {
  const prices = new Map(options.config.models.map((model) => [model.id, model]));
  const priceOf = options.priceOf ?? ((modelId: string) => prices.get(modelId)?.price);
  const systemPromptOf = (modelId: string) => prices.get(modelId)?.systemPrompt ?? '';
  const plans = planExaminees(options, priceOf, systemPromptOf);
  const judge = planJudge(options, priceOf);
  plans.push(judge.row);
  return withExecutionCosts(plans, {
    config: options.config,
    priceOf,
    prefixTokens: (row) =>
      row.role === 'judge' ? judge.prefixTokens : estimateTokens(systemPromptOf(row.modelId)),
  });
}

type EvaluationPlanOptions = Parameters<typeof planEvaluation>[0];

/** Estimated input tokens of one opinion prompt for every question, summed. */
function opinionInputTokens(questions: readonly Question[], points: number): number {
  return questions.reduce(
    (sum, question) =>
      sum +
      estimateTokens(
        opinionPrompt
          .render({ question: question.text, point_lines: formatPointLines(points) })
          .map((m) => m.content)
          .join('\n'),
      ),
    0,
  );
}

/** One row per examinee: a call per question and sample (none when the answers are recorded). */
function planExaminees(
  options: EvaluationPlanOptions,
  priceOf: (modelId: string) => Price | undefined,
  systemPromptOf: (modelId: string) => string,
): PlannedCalls[] {
  const opinionInput = opinionInputTokens(options.questions, options.config.evaluate.pointsPerAnswer);
  return options.examinees.map((modelId) => {
    if (options.recordedTexts) {
      return { modelId, role: 'examinee', calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    }
    const system = estimateTokens(systemPromptOf(modelId)) * options.questions.length;
    const inputTokens = (opinionInput + system) * options.samples;
    const calls = options.questions.length * options.samples;
    const outputTokens = calls * OPINION_OUTPUT_TOKENS;
    return {
      modelId,
      role: 'examinee',
      calls,
      inputTokens,
      outputTokens,
      costUsd: costOf(priceOf(modelId), inputTokens, outputTokens),
    };
  });
}

/** Tokens a recorded text adds to a judge call over a typical key point (0 without recorded texts). */
function recordedExtraTokens(recorded: readonly string[] | undefined): number {
  // Recorded texts are judged as they are: their own mean length instead of a typical key point.
  return recorded?.length
    ? recorded.reduce((sum, text) => sum + estimateTokens(text), 0) / recorded.length -
        estimateTokens(TYPICAL_POINT)
    : 0;
}

/** The judge's prompt as it will be sent, with its estimated tokens per call and of its cacheable prefix. */
function sizeJudgeCall(options: EvaluationPlanOptions): {
  judgePrompt: JudgePromptChoice;
  inputPerCall: number;
  prefixTokens: number;
} {
  // The prompt the judge will be sent (`evaluate.judgePrompt`, after its fallback), sized as sent.
  const judgePrompt = judgePromptFor(options.config.evaluate.judgePrompt, options.theory);
  const call = {
    theory: options.theory,
    prompt: judgePrompt.used,
    context: formatJudgeContext(
      options.config.evaluate.judgeView === 'point-and-question' ? options.questions[0]?.text : undefined,
    ),
    opinion: TYPICAL_POINT,
  };
  const judgeMessages =
    options.judgeMode === 'batched'
      ? renderJudgeBatched(call)
      : renderJudgeValue({ ...call, valueName: options.theory.values[0]!.name });
  return {
    judgePrompt,
    inputPerCall: estimateTokens(judgeMessages.map((m) => m.content).join('\n')),
    // The judge's system message (instructions and definitions) is the same in every call: a cacheable prefix.
    prefixTokens: estimateTokens(judgeMessages.find((m) => m.role === 'system')?.content ?? ''),
  };
}

/** The judge's row: its calls per key point (or recorded text) and mode, and their tokens and cost. */
function planJudge(
  options: EvaluationPlanOptions,
  priceOf: (modelId: string) => Price | undefined,
): { row: PlannedCalls; prefixTokens: number } {
  const recorded = options.recordedTexts;
  const opinions =
    recorded?.length ??
    options.questions.length *
      options.examinees.length *
      options.samples *
      options.config.evaluate.pointsPerAnswer;
  const extraTokens = recordedExtraTokens(recorded);
  const perOpinion = judgeCallsPerOpinion(options.judgeMode, options.theory);
  const { judgePrompt, inputPerCall, prefixTokens } = sizeJudgeCall(options);
  const judgeOutputPerCall = options.judgeMode === 'batched' ? 8 * options.theory.values.length : 1;
  const calls = opinions * perOpinion;
  const inputTokens = Math.round(calls * (inputPerCall + extraTokens));
  const outputTokens = calls * judgeOutputPerCall;
  const row: PlannedCalls = {
    modelId: options.judge,
    role: 'judge',
    calls,
    inputTokens,
    outputTokens,
    costUsd: costOf(priceOf(options.judge), inputTokens, outputTokens),
    judgePrompt,
    prefixTokens,
  };
  return { row, prefixTokens };
}
