import { safetyPrompt } from '../../core/prompts/templates.js';
import type { Provider } from '../../core/provider.js';
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
  signal?: AbortSignal;
}): Promise<SafetyVerdict> {
  const { provider, signal } = options;
  const reply = await recordFailure(
    () =>
      provider.chat({
        messages: safetyPrompt.render({ kind: options.kind, text: options.text }),
        params: { temperature: 0, maxTokens: 40 },
        signal,
      }),
    signal,
  );
  if ('error' in reply) return { status: 'error', reason: reply.error };
  const lines = reply.value.text
    .split(/\r?\n/)
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean);
  const first = lines[0]?.replace(/[^a-z]/g, '') ?? '';
  if (first === 'safe') return { status: 'safe' };
  if (first === 'unsafe') return { status: 'unsafe', category: lines[1] ?? 'unspecified' };
  return { status: 'unreadable', reason: `the safety model answered "${reply.value.text.slice(0, 60)}"` };
}
