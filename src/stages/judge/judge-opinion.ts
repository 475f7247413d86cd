import { z } from 'zod';
import type { JudgeView } from '../../core/config.js';
import { ConfigError, failureReason } from '../../core/errors.js';
import type { JudgePrompt } from '../../core/prompts/judge-prompt.js';
import { formatJudgeContext, renderJudgeBatched, renderJudgeValue } from '../../core/prompts/templates.js';
import type { ChatResult, Provider, SamplingParams } from '../../core/provider.js';
import type { JudgeMode, JudgementOutcome, Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { parseBatchedJudgement, probabilityOfYes, readYesNo } from './parse-judgement.js';

/** The judge's reading of one key point, with the raw text(s) and the number of calls it took. */
export interface JudgeAnswer {
  outcome: JudgementOutcome;
  raw: string | null;
  calls: number;
}

/** Judge calls per key point: one per value for `per-value` and `logprob`, one for `batched`. */
export function judgeCallsPerOpinion(mode: JudgeMode, theory: ValueTheory): number {
  return mode === 'batched' ? 1 : theory.values.length;
}

/** JSON schema of a batched judgement: `{ values: { <id>: boolean, … } }` with every id required. */
export function batchedJudgementSchema(theory: ValueTheory) {
  const shape = Object.fromEntries(theory.values.map((value) => [value.id, z.boolean()]));
  return z.strictObject({ values: z.strictObject(shape) });
}

const schemaCache = new WeakMap<ValueTheory, Record<string, unknown>>();

/** The JSON schema a structured-output judge is asked to follow, built once per theory. */
function jsonSchemaOf(theory: ValueTheory): Record<string, unknown> {
  let cached = schemaCache.get(theory);
  if (!cached) {
    cached = z.toJSONSchema(batchedJudgementSchema(theory));
    schemaCache.set(theory, cached);
  }
  return cached;
}

type JudgeOptions = {
  provider: Provider;
  theory: ValueTheory;
  /** The question the key point answers; the judge sees it only with view `point-and-question`. */
  question?: Question;
  /** What the judge reads: the key point alone (the paper's protocol) or with the question. @default "point" */
  view?: JudgeView;
  /** The key point, "point: justification". */
  opinion: string;
  mode: JudgeMode;
  /**
   * The judge's system prompt (`evaluate.judgePrompt`, `generate.judgePrompt`); `codebook` falls back
   * to `definitions` for theories without one. @default "definitions"
   */
  prompt?: JudgePrompt;
  params?: SamplingParams;
  signal?: AbortSignal;
};

function contextOf(options: JudgeOptions): string {
  return formatJudgeContext(options.view === 'point-and-question' ? options.question?.text : undefined);
}

/** What every judge call of one key point shares: theory, prompt setting, context and text. */
function callOf(options: JudgeOptions) {
  return {
    theory: options.theory,
    prompt: options.prompt ?? 'definitions',
    context: contextOf(options),
    opinion: options.opinion,
  };
}

async function judgePerValue(options: JudgeOptions, logprob: boolean): Promise<JudgeAnswer> {
  const { theory } = options;
  const call = callOf(options);
  const results: ChatResult[] = await Promise.all(
    theory.values.map((value) =>
      options.provider.chat({
        messages: renderJudgeValue({ ...call, valueName: value.name }),
        params: { temperature: 0, ...options.params, ...(logprob ? { maxTokens: 1 } : {}) },
        ...(logprob ? { topLogprobs: 5 } : {}),
        signal: options.signal,
      }),
    ),
  );
  const values: Record<string, boolean> = {};
  const probabilities: Record<string, number> = {};
  const missing: string[] = [];
  const raw = results.map((result, index) => `${theory.values[index]!.id}=${result.text}`).join('\n');
  // Every valid label is kept; a value whose reply is unreadable is listed as missing.
  for (const [index, result] of results.entries()) {
    const id = theory.values[index]!.id;
    if (logprob) {
      const probability = probabilityOfYes(result.logprobs?.[0]?.top ?? []);
      if (probability === undefined) missing.push(id);
      else {
        probabilities[id] = probability;
        values[id] = probability >= 0.5;
      }
    } else {
      const answer = readYesNo(result);
      if (!answer.ok) missing.push(id);
      else values[id] = answer.value;
    }
  }
  if (missing.length === theory.values.length) {
    const what = logprob ? 'no Yes/No in the log-probabilities' : 'no judge answer is Yes or No';
    return { outcome: { status: 'unscored', reason: what, raw }, raw, calls: results.length };
  }
  return {
    outcome: {
      status: 'ok',
      values,
      ...(logprob ? { probabilities } : {}),
      ...(missing.length > 0 ? { missing } : {}),
    },
    raw,
    calls: results.length,
  };
}

async function judgeBatched(options: JudgeOptions): Promise<JudgeAnswer> {
  const { theory } = options;
  const result = await options.provider.chat({
    messages: renderJudgeBatched(callOf(options)),
    params: { temperature: 0, ...options.params },
    jsonSchema: { name: 'value_judgement', schema: jsonSchemaOf(theory) },
    signal: options.signal,
  });
  const parsed = parseBatchedJudgement(result, theory);
  if (!parsed.ok)
    return {
      outcome: { status: 'unscored', reason: parsed.reason, raw: result.text },
      raw: result.text,
      calls: 1,
    };
  return {
    outcome: { status: 'ok', values: parsed.values, ...(parsed.missing ? { missing: parsed.missing } : {}) },
    raw: result.text,
    calls: 1,
  };
}

/**
 * Asks the judge which values one key point reflects, in the given mode. Provider failures become
 * `error` records and unreadable answers `unscored` ones; cancellation is rethrown.
 */
export async function judgeOpinion(options: JudgeOptions): Promise<JudgeAnswer> {
  if (options.mode === 'logprob' && !options.provider.capabilities.logprobs) {
    throw new ConfigError(
      `judge ${options.provider.id} cannot give log-probabilities; use --judge-mode batched or per-value`,
    );
  }
  try {
    if (options.mode === 'batched') return await judgeBatched(options);
    return await judgePerValue(options, options.mode === 'logprob');
  } catch (error) {
    return {
      outcome: { status: 'error', reason: failureReason(error, options.signal) },
      raw: null,
      calls: 0,
    };
  }
}
