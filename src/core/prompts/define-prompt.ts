import { createHash } from 'node:crypto';
import type { ChatMessage } from '../provider.js';

/** One message of a template; `{{name}}` marks a variable. */
export interface TemplateMessage {
  role: ChatMessage['role'];
  text: string;
}

/** A prompt template: renders variables into messages, recognises its own rendered messages, has a hash. */
export interface PromptTemplate<Name extends string = string, Optional extends Name = never> {
  readonly id: string;
  /** sha256 of the template text and its `hashAlso` (first 16 hex digits); recorded in run manifests. */
  readonly hash: string;
  readonly messages: readonly TemplateMessage[];
  /** Variables with a default may be left out. */
  render(
    variables: Record<Exclude<Name, Optional>, string> & Partial<Record<Optional, string>>,
  ): ChatMessage[];
  /** The variables, when `messages` were rendered from this template (trailing extra messages not allowed). */
  match(messages: readonly ChatMessage[]): Record<Name, string> | undefined;
}

const placeholder = /\{\{([a-z_]+)\}\}/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compile(text: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const found of text.matchAll(placeholder)) {
    source += escapeRegExp(text.slice(last, found.index));
    source += '([\\s\\S]*?)';
    names.push(found[1]!);
    last = found.index + found[0].length;
  }
  source += escapeRegExp(text.slice(last));
  return { pattern: new RegExp(`^${source}$`), names };
}

/** Builds a prompt template from messages with `{{variable}}` placeholders (some with defaults). */
export function definePrompt<Name extends string, Optional extends Name = never>(options: {
  id: string;
  messages: TemplateMessage[];
  defaults?: Record<Optional, string>;
  /** Fixed text the template's variables are filled from (the judge's codebooks); part of the hash. */
  hashAlso?: unknown;
}): PromptTemplate<Name, Optional> {
  const defaults: Record<string, string> = options.defaults ?? {};
  const compiled = options.messages.map((message) => compile(message.text));
  const hash = createHash('sha256')
    .update(
      JSON.stringify(
        options.hashAlso === undefined
          ? [options.id, options.messages]
          : [options.id, options.messages, options.hashAlso],
      ),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    id: options.id,
    hash,
    messages: options.messages,
    render(variables) {
      return options.messages.map((message) => ({
        role: message.role,
        content: message.text.replace(placeholder, (_, name: string) => {
          const value = (variables as Record<string, string | undefined>)[name] ?? defaults[name];
          if (value === undefined) throw new Error(`prompt ${options.id}: missing variable ${name}`);
          return value;
        }),
      }));
    },
    match(messages) {
      if (messages.length !== options.messages.length) return undefined;
      const variables: Record<string, string> = {};
      for (const [index, message] of messages.entries()) {
        const template = options.messages[index]!;
        if (template.role !== message.role) return undefined;
        const { pattern, names } = compiled[index]!;
        const found = pattern.exec(message.content);
        if (!found) return undefined;
        for (const [position, name] of names.entries()) {
          const value = found[position + 1]!;
          if (name in variables && variables[name] !== value) return undefined;
          variables[name] = value;
        }
      }
      return variables as Record<Name, string>;
    },
  };
}
