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

/** The longest text every one of `texts` starts with (`fromEnd`: ends with). */
function commonAffix(texts: readonly string[], fromEnd: boolean): string {
  const first = texts[0] ?? '';
  let length = 0;
  while (
    length < first.length &&
    texts.every((text) =>
      fromEnd
        ? text.length > length && text[text.length - 1 - length] === first[first.length - 1 - length]
        : text[length] === first[length],
    )
  )
    length++;
  return fromEnd ? first.slice(first.length - length) : first.slice(0, length);
}

/** One message shape all variants share: their common fixed start and end around one placeholder. */
function sharedShape(variants: readonly PromptTemplate[], index: number): TemplateMessage {
  const texts = variants.map((variant) => variant.messages[index]!.text);
  const role = variants[0]!.messages[index]!.role;
  if (texts.every((text) => text === texts[0])) return { role, text: texts[0]! };
  const heads = texts.map((text) => (text.includes('{{') ? text.slice(0, text.indexOf('{{')) : text));
  const tails = texts.map((text) => (text.includes('}}') ? text.slice(text.lastIndexOf('}}') + 2) : text));
  return { role, text: `${commonAffix(heads, false)}{{variant}}${commonAffix(tails, true)}` };
}

/**
 * One prompt id sent in several wordings (the judge's `definitions` and `codebook` prompts): renders
 * the `render` variant, matches messages rendered from any variant. Its `messages` are the shape the
 * variants share (same roles; each text's common fixed start and end around a `{{variant}}` mark), for
 * quick rejection; its hash covers every variant. A run records the hash of the variant it sent.
 */
export function definePromptFamily<
  Name extends string,
  Optional extends Name,
  Variant extends string,
>(options: {
  id: string;
  variants: Record<Variant, PromptTemplate<Name, Optional>>;
  render: NoInfer<Variant>;
}): PromptTemplate<Name, Optional> & { variants: Record<Variant, PromptTemplate<Name, Optional>> } {
  const all: PromptTemplate<Name, Optional>[] = Object.values(options.variants);
  const length = all[0]!.messages.length;
  if (all.some((variant) => variant.id !== options.id || variant.messages.length !== length))
    throw new Error(`prompt family ${options.id}: every variant needs its id and ${length} messages`);
  const messages = Array.from({ length }, (_, index) => sharedShape(all, index));
  return {
    id: options.id,
    hash: createHash('sha256')
      .update(JSON.stringify([options.id, all.map((variant) => variant.hash)]))
      .digest('hex')
      .slice(0, 16),
    messages,
    variants: options.variants,
    render: (variables) => options.variants[options.render].render(variables),
    match(rendered) {
      for (const variant of all) {
        const found = variant.match(rendered);
        if (found) return found;
      }
      return undefined;
    },
  };
}
