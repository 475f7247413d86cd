import { ConfigError, failureReason } from '../../core/errors.js';
import { statementToQuestionPrompt } from '../../core/prompts/templates.js';
import type { Provider, SamplingParams } from '../../core/provider.js';
import type { Question } from '../../core/question.js';
import { parseQuestionReply } from './parse-question-reply.js';
import type { ToucheConclusion } from './parse-touche.js';
import { tidySeedText } from './seed-text.js';

/** The `source` of seeds made from Touché23-ValueEval conclusions. */
export const TOUCHE_SOURCE = 'touche23';

/** A conclusion that gave no seed: the model failed or its reply held no usable question. */
export interface ConversionFailure {
  argumentId: string;
  conclusion: string;
  model: string;
  reason: string;
}

/** A generator model by id. */
export interface Generator {
  id: string;
  provider: Provider;
}

/** A short, deterministic rewrite: the reply is one line. */
const PARAMS: SamplingParams = { temperature: 0, maxTokens: 256 };

/**
 * Turns Touché conclusions into yes/no seed questions with the statement-to-question prompt,
 * spreading them round-robin over the generators. A conclusion already ending in "?" is kept as
 * it is, without a call. Failed calls and unusable replies are returned as failures, never
 * dropped; cancellation and user-fixable errors (a refused key) stop the conversion.
 */
export async function conclusionsToSeeds(options: {
  conclusions: readonly ToucheConclusion[];
  generators: readonly Generator[];
  /** Conversions in flight; providers keep their own limits too. @default 8 */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ seeds: Question[]; failures: ConversionFailure[]; keptAsIs: number }> {
  const { conclusions, generators } = options;
  if (generators.length === 0) throw new ConfigError('no generator model to turn conclusions into questions');
  const results: (Question | ConversionFailure)[] = new Array(conclusions.length);
  let keptAsIs = 0;
  let done = 0;
  let next = 0;
  const convert = async (index: number): Promise<Question | ConversionFailure> => {
    const item = conclusions[index]!;
    const seed = (text: string): Question => ({
      id: `touche-${item.argumentId}`,
      text: tidySeedText(text),
      source: TOUCHE_SOURCE,
    });
    if (item.conclusion.trim().endsWith('?')) {
      keptAsIs++;
      return seed(item.conclusion);
    }
    const generator = generators[index % generators.length]!;
    const failure = (reason: string): ConversionFailure => ({
      argumentId: item.argumentId,
      conclusion: item.conclusion,
      model: generator.id,
      reason,
    });
    try {
      const result = await generator.provider.chat({
        messages: statementToQuestionPrompt.render({ statement: item.conclusion }),
        params: PARAMS,
        signal: options.signal,
      });
      const parsed = parseQuestionReply(result);
      return parsed.status === 'ok' ? seed(parsed.question) : failure(parsed.reason);
    } catch (error) {
      return failure(failureReason(error, options.signal));
    }
  };
  const worker = async (): Promise<void> => {
    while (next < conclusions.length) {
      const index = next++;
      results[index] = await convert(index);
      options.onProgress?.(++done, conclusions.length);
    }
  };
  const lanes = Math.max(1, Math.min(options.concurrency ?? 8, conclusions.length));
  await Promise.all(Array.from({ length: lanes }, worker));
  const seeds = results.filter((result): result is Question => 'text' in result);
  const failures = results.filter((result): result is ConversionFailure => 'reason' in result);
  return { seeds, failures, keptAsIs };
}
