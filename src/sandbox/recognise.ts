import { PROMPTS, type PromptId } from '../core/prompts/templates.js';
import type { ChatMessage } from '../core/provider.js';
import { BoundedMemo } from './memo.js';
import { couldMatch } from './template-guard.js';

/** Which adaem template rendered a conversation, with the variables it was rendered from. */
export interface Recognised {
  id: PromptId;
  variables: Record<string, string>;
}

interface Seen {
  roles: ChatMessage['role'][];
  contents: string[];
  found: Recognised | undefined;
}

// Keyed on the last message, checked against the others: panels send one question to many
// models and judges see the same key point many times, so most conversations repeat.
const seen = new BoundedMemo<string, Seen>(4_096);
// The messages of the conversation recognised last, so repeats of a long system message share one copy.
let previous: string[] = [];

function search(messages: readonly ChatMessage[]): Recognised | undefined {
  for (const id of Object.keys(PROMPTS) as PromptId[]) {
    if (!couldMatch(PROMPTS[id], messages)) continue;
    const variables = PROMPTS[id].match(messages);
    if (variables) return { id, variables };
  }
  return undefined;
}

function same(entry: Seen, messages: readonly ChatMessage[]): boolean {
  if (entry.contents.length !== messages.length) return false;
  for (let index = 0; index < messages.length; index++) {
    if (entry.roles[index] !== messages[index]!.role || entry.contents[index] !== messages[index]!.content)
      return false;
  }
  return true;
}

/**
 * The first adaem template (in `PROMPTS` order) that `messages` match, as the templates' own
 * `match` decides; remembered for conversations seen recently.
 */
export function recognise(messages: readonly ChatMessage[]): Recognised | undefined {
  const last = messages.at(-1)?.content;
  if (last === undefined) return search(messages);
  const entry = seen.get(last);
  if (entry && same(entry, messages)) return entry.found;
  const contents = messages.map((message, index) =>
    previous[index] === message.content ? previous[index]! : message.content,
  );
  previous = contents;
  const found = search(messages);
  seen.set(last, { roles: messages.map((message) => message.role), contents, found });
  return found;
}
