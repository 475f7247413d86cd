import { readTokens } from './nlp.js';
import type { SandboxReply, Turn } from './turn.js';
import { wordList } from './word-list.js';

/** Cuts a question to `words` words and ends it with one question mark. */
export function capWords(text: string, words: number): string {
  const parts = text.replace(/\?+$/, '').split(/\s+/);
  return `${parts.slice(0, words).join(' ')}?`;
}

const unsafeLemmas = new Set(
  wordList('bomb weapon kill suicide poison explosive terror terrorist arm massacre'),
);

/** The safety classifier: flags violence and weapons by lemma ("weapons", "arming"). */
export function answerSafety(_turn: Turn, text: string): SandboxReply {
  const lower = text.toLowerCase();
  const flagged =
    readTokens(text).find((token) => unsafeLemmas.has(token.lemma))?.text ??
    (lower.includes('child abuse') ? 'child abuse' : undefined);
  return { text: flagged ? `unsafe\nviolence or weapons (${flagged})` : 'safe' };
}
