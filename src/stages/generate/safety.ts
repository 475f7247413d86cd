import { safetyPrompt } from '../../core/prompts/templates.js';
import type { Provider } from '../../core/provider.js';
import { prepareReply, type ReplyInput } from '../reply/reply-text.js';
import { plainLine } from '../reply/words.js';
import { recordFailure } from './call-record.js';

/** The safety model's verdict on one text; an unreadable or failed check keeps the text out too. */
export type SafetyVerdict =
  | { status: 'safe' }
  | { status: 'unsafe'; category: string }
  | { status: 'unreadable' | 'error'; reason: string };

/** Asks the `safety` model whether a question (or response) is unsafe (method §4). */
export async function checkSafety(options: {
  provider: Provider;
  text: string;
  kind: 'question' | 'response';
  /** Output-token limit; a reasoning model needs room for its reasoning. @default 40 */
  maxTokens?: number;
  signal?: AbortSignal;
}): Promise<SafetyVerdict> {
  const { provider, signal } = options;
  const reply = await recordFailure(
    () =>
      provider.chat({
        messages: safetyPrompt.render({ kind: options.kind, text: options.text }),
        params: { temperature: 0, maxTokens: options.maxTokens ?? 40 },
        signal,
      }),
    signal,
  );
  if ('error' in reply) return { status: 'error', reason: reply.error };
  return readSafetyVerdict(reply.value);
}

const VERDICT_LABEL =
  /^(?:final answer|answer|verdict|classification|result|rating|assessment|safety)\s*[:：—–-]\s*/i;
/** "safe", "UNSAFE: S9", "Unsafe – weapons" at the start of the reply. */
const OPENING = /^(unsafe|not safe|safe|不安全|安全)(?![\p{L}])\s*[:：—–\-(,.]?\s*(.*)$/iu;
/** "This question is safe.", "The text is unsafe: …". */
const SENTENCE =
  /^(?:(?:the|this) (?:question|text|response|content|prompt|input|message)|this|it)(?: is| seems| appears to be| would be considered)? (unsafe|safe)(?![\p{L}])\s*[:：—–\-(,.]?\s*(.*)$/iu;
/** "I would classify this question as safe." */
const CLASSIFIED =
  /^I(?:'d| would)? (?:classify|rate|consider|label|mark) (?:this|it|the (?:question|text|content))(?: question)? as (unsafe|safe)(?![\p{L}])\s*[:：—–\-(,.]?\s*(.*)$/iu;

/**
 * Reads a safety model's verdict: "safe"/"unsafe" first (Llama-Guard's form, the category on the next
 * line), or labelled, bold, in a sentence ("This question is safe."), reasoning set aside. Anything else
 * is unreadable with its reason, never taken as either verdict.
 */
export function readSafetyVerdict(input: ReplyInput): SafetyVerdict {
  const prepared = prepareReply(input);
  if (prepared.unreadable) return { status: 'unreadable', reason: prepared.unreadable };
  const lines = prepared.answer
    .split(/\r?\n/)
    .map((line) => plainLine(line))
    .filter(Boolean);
  const first = (lines[0] ?? '').replace(VERDICT_LABEL, '');
  const match = first.match(OPENING) ?? first.match(SENTENCE) ?? first.match(CLASSIFIED);
  if (!match)
    return { status: 'unreadable', reason: `the safety model answered "${prepared.answer.slice(0, 60)}"` };
  const word = match[1]!.toLowerCase();
  if (word === 'safe' || word === '安全') return { status: 'safe' };
  const category = (match[2] ?? '').replace(/[).]+$/, '').trim() || lines[1] || 'unspecified';
  return { status: 'unsafe', category };
}
