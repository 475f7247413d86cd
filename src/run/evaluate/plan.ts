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
  const points = options.config.evaluate.pointsPerAnswer;
  const priceOf = options.priceOf ?? ((modelId: string) => prices.get(modelId)?.price);
  const opinionInput = options.questions.reduce(
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
  const recorded = options.recordedTexts;
  const plans: PlannedCalls[] = options.examinees.map((modelId) => {
    if (recorded) return { modelId, role: 'examinee', calls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
    const system = estimateTokens(prices.get(modelId)?.systemPrompt ?? '') * options.questions.length;
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
  const opinions =
    recorded?.length ?? options.questions.length * options.examinees.length * options.samples * points;
  // Recorded texts are judged as they are: their own mean length instead of a typical key point.
  const extraTokens = recorded?.length
    ? recorded.reduce((sum, text) => sum + estimateTokens(text), 0) / recorded.length -
      estimateTokens(TYPICAL_POINT)
    : 0;
  const perOpinion = judgeCallsPerOpinion(options.judgeMode, options.theory);
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
  const judgeInputPerCall = estimateTokens(judgeMessages.map((m) => m.content).join('\n'));
  // The judge's system message (instructions and definitions) is the same in every call: a cacheable prefix.
  const judgePrefix = estimateTokens(judgeMessages.find((m) => m.role === 'system')?.content ?? '');
  const judgeOutputPerCall = options.judgeMode === 'batched' ? 8 * options.theory.values.length : 1;
  const calls = opinions * perOpinion;
  const inputTokens = Math.round(calls * (judgeInputPerCall + extraTokens));
  const outputTokens = calls * judgeOutputPerCall;
  plans.push({
    modelId: options.judge,
    role: 'judge',
    calls,
    inputTokens,
    outputTokens,
    costUsd: costOf(priceOf(options.judge), inputTokens, outputTokens),
    judgePrompt,
    prefixTokens: judgePrefix,
  });
  return withExecutionCosts(plans, {
    config: options.config,
    priceOf,
    prefixTokens: (row) =>
      row.role === 'judge' ? judgePrefix : estimateTokens(prices.get(row.modelId)?.systemPrompt ?? ''),
  });
}
