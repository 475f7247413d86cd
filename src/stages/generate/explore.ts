import { exploreFactPrompt, exploreQuestionPrompt } from '../../core/prompts/templates.js';
import type { Provider, SamplingParams } from '../../core/provider.js';
import { prepareReply } from '../reply/reply-text.js';
import { recordFailure } from './call-record.js';
import { parseFactReply, parseQuestionReply } from './parse-reply.js';

/** A question shown to the explorer, with the score it reached. */
export interface ShownExample {
  text: string;
  score: number;
}

/** What one exploration gave: a new question and the fact it builds on, or why not. */
export type Exploration =
  | { status: 'ok'; question: string; fact: string; raw: string }
  | { status: 'unparseable' | 'error'; reason: string; raw: string | null };

/** The examples block of the exploration prompt: one "- question (score S)" line each. */
export function formatExamples(examples: readonly ShownExample[]): string {
  if (examples.length === 0) return '(none yet)';
  return examples.map((example) => `- ${example.text} (score ${example.score.toFixed(2)})`).join('\n');
}

/**
 * Exploration with one panel model (method §4), two steps in one conversation: a specific fact
 * related to the general question and not used by the shown questions, then a new specific yes/no
 * question built on it. `sampleIndex` keeps repeated explorations of one arm apart in the cache.
 */
export async function explore(options: {
  provider: Provider;
  generalQuestion: string;
  examples: readonly ShownExample[];
  params: SamplingParams;
  sampleIndex: number;
  signal?: AbortSignal;
}): Promise<Exploration> {
  const { provider, params, sampleIndex, signal } = options;
  const variables = { question: options.generalQuestion, examples: formatExamples(options.examples) };
  const fact = await recordFailure(
    () => provider.chat({ messages: exploreFactPrompt.render(variables), params, sampleIndex, signal }),
    signal,
  );
  if ('error' in fact) return { status: 'error', reason: fact.error, raw: null };
  // The fact step's reasoning is the model's own; only its answer goes back into the conversation.
  const factParts = prepareReply(fact.value);
  if (factParts.unreadable)
    return { status: 'unparseable', reason: factParts.unreadable, raw: fact.value.text };
  const factReply = factParts.answer;
  const asked = await recordFailure(
    () =>
      provider.chat({
        messages: exploreQuestionPrompt.render({ ...variables, fact_reply: factReply }),
        params,
        sampleIndex,
        signal,
      }),
    signal,
  );
  if ('error' in asked) return { status: 'error', reason: asked.error, raw: factReply };
  const raw = `${factReply}\n---\n${asked.value.text}`;
  const parsed = parseQuestionReply(asked.value);
  if (!parsed.ok) return { status: 'unparseable', reason: parsed.reason, raw };
  return { status: 'ok', question: parsed.question, fact: parseFactReply(factReply), raw };
}
