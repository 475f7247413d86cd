import { formatReflectionTopic, refinePrompt, reflectPrompt } from '../../core/prompts/templates.js';
import type { Provider, SamplingParams } from '../../core/provider.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { prepareReply } from '../reply/reply-text.js';
import { recordFailure } from './call-record.js';
import { parseQuestionReply } from './parse-reply.js';
import type { PanelAnswer } from './score-panel.js';

/** What one reflection + refinement gave: a rewritten question and the suggestions behind it, or why not. */
export type Refinement =
  | { status: 'ok'; question: string; suggestions: string }
  | { status: 'unparseable' | 'error'; reason: string; raw: string | null };

/**
 * The answers block of the reflection prompt: each panel model's stance, key points and their values;
 * with `context: answers`, the key points alone.
 */
export function formatAnswers(
  answers: readonly PanelAnswer[],
  theory: ValueTheory,
  context: 'full' | 'answers' = 'full',
): string {
  const names = new Map(theory.values.map((value) => [value.id, value.name]));
  const blocks: string[] = [];
  let number = 0;
  for (const answer of answers) {
    if (answer.status !== 'ok') continue;
    number++;
    const lines = answer.points.map((point) => {
      if (context === 'answers') return `  - ${point.text}`;
      const values = point.values.map((id) => names.get(id) ?? id).join(', ') || 'none';
      return `  - ${point.text} [values: ${values}]`;
    });
    const heading =
      context === 'answers'
        ? `Model ${number}:`
        : `Model ${number} (stance: ${answer.stance ?? 'none stated'}):`;
    blocks.push([heading, ...lines].join('\n'));
  }
  return blocks.length === 0 ? '(no usable answers)' : blocks.join('\n');
}

/**
 * Reflection then refinement in one conversation (method §4): the model sees the general question and
 * the background fact the candidate grew from, each panel model's stance, key points and their
 * values, and the score (the reward), suggests how to make models differ more in values, then rewrites the question
 * without adding background or length.
 */
export async function refine(options: {
  provider: Provider;
  question: string;
  /** The general (seed) question the candidate grew from. */
  generalQuestion?: string;
  /** The background fact the exploration found. */
  fact?: string;
  answers: readonly PanelAnswer[];
  theory: ValueTheory;
  score: number;
  /** `full`: Listing 7's context; `answers`: only the question, the key points and the score. @default "full" */
  context?: 'full' | 'answers';
  params: SamplingParams;
  sampleIndex: number;
  signal?: AbortSignal;
}): Promise<Refinement> {
  const { provider, params, sampleIndex, signal } = options;
  const context = options.context ?? 'full';
  const variables = {
    topic: context === 'full' ? formatReflectionTopic(options.generalQuestion, options.fact) : '',
    question: options.question,
    answers: formatAnswers(options.answers, options.theory, context),
    score: options.score.toFixed(2),
  };
  const reflected = await recordFailure(
    () => provider.chat({ messages: reflectPrompt.render(variables), params, sampleIndex, signal }),
    signal,
  );
  if ('error' in reflected) return { status: 'error', reason: reflected.error, raw: null };
  // Reflection's reasoning stays out of the refinement conversation; a cut reflection ends here.
  const reflection = prepareReply(reflected.value);
  if (reflection.unreadable)
    return { status: 'unparseable', reason: reflection.unreadable, raw: reflected.value.text };
  const suggestions = reflection.answer;
  const rewritten = await recordFailure(
    () =>
      provider.chat({
        messages: refinePrompt.render({ ...variables, suggestions }),
        params,
        sampleIndex,
        signal,
      }),
    signal,
  );
  if ('error' in rewritten) return { status: 'error', reason: rewritten.error, raw: suggestions };
  const parsed = parseQuestionReply(rewritten.value);
  if (!parsed.ok) return { status: 'unparseable', reason: parsed.reason, raw: rewritten.value.text };
  return { status: 'ok', question: parsed.question, suggestions };
}
