import { z } from 'zod';
import { ConfigError, failureReason } from '../../core/errors.js';
import { formatPointLines, opinionPrompt } from '../../core/prompts/templates.js';
import type { Provider, SamplingParams, TokenUsage } from '../../core/provider.js';
import type { OpinionOutcome, Question } from '../../core/question.js';
import { parseOpinion } from './parse-opinion.js';

const OpinionJsonSchema = z.strictObject({
  stance: z.enum(['yes', 'no', 'neutral']),
  key_points: z.array(z.strictObject({ point: z.string(), why: z.string() })),
});
let opinionSchema: Record<string, unknown> | undefined;

/** The JSON schema of an opinion asked for as structured output (read by the JSON opinion reader). */
export function opinionJsonSchema(): Record<string, unknown> {
  opinionSchema ??= z.toJSONSchema(OpinionJsonSchema);
  return opinionSchema;
}

/** One examinee answer: the parsed outcome (or why it failed) and the raw text. */
export interface OpinionAnswer {
  outcome: OpinionOutcome;
  raw: string | null;
  usage?: TokenUsage;
}

/** Asks a model the opinion prompt for one question and sample; provider failures become records. */
export async function askOpinion(options: {
  provider: Provider;
  question: Question;
  sample: number;
  systemPrompt?: string;
  /** Ask for the opinion as JSON the endpoint enforces (needs `capabilities.jsonSchema`). @default false */
  structuredOutput?: boolean;
  /** Key points asked for and kept. @default 3 */
  points?: number;
  params?: SamplingParams;
  signal?: AbortSignal;
}): Promise<OpinionAnswer> {
  const points = options.points ?? 3;
  const messages = opinionPrompt.render({
    question: options.question.text,
    point_lines: formatPointLines(points),
  });
  if (options.systemPrompt) messages.unshift({ role: 'system', content: options.systemPrompt });
  if (options.structuredOutput && !options.provider.capabilities.jsonSchema)
    throw new ConfigError(
      `${options.provider.id}: structuredOutput needs an endpoint that enforces a JSON schema (an OpenAI-compatible server or a GGUF model); remove it for this model`,
    );
  try {
    const result = await options.provider.chat({
      messages,
      ...(options.structuredOutput ? { jsonSchema: { name: 'opinion', schema: opinionJsonSchema() } } : {}),
      params: options.params,
      sampleIndex: options.sample,
      signal: options.signal,
    });
    // The stored text keeps reasoning returned apart, in a block the readers set aside again.
    const raw = result.reasoning ? `<think>\n${result.reasoning}\n</think>\n\n${result.text}` : result.text;
    return { outcome: parseOpinion(result, { points }), raw, usage: result.usage };
  } catch (error) {
    // Cancellation and what the user must fix (a refused API key) stop the run instead of becoming records.
    return { outcome: { status: 'error', reason: failureReason(error, options.signal) }, raw: null };
  }
}
