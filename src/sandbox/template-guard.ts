import type { PromptTemplate } from '../core/prompts/define-prompt.js';
import type { ChatMessage } from '../core/provider.js';

interface Shape {
  role: ChatMessage['role'];
  /** The template text before its first placeholder (all of it when there is none). */
  head: string;
  /** The template text after its last placeholder. */
  tail: string;
  fixed: boolean;
}

const shapes = new WeakMap<PromptTemplate, Shape[]>();

function shapeOf(template: PromptTemplate): Shape[] {
  let shape = shapes.get(template);
  if (!shape) {
    shape = template.messages.map((message) => {
      const first = message.text.indexOf('{{');
      const last = message.text.lastIndexOf('}}');
      return first < 0
        ? { role: message.role, head: message.text, tail: '', fixed: true }
        : {
            role: message.role,
            head: message.text.slice(0, first),
            tail: message.text.slice(last + 2),
            fixed: false,
          };
    });
    shapes.set(template, shape);
  }
  return shape;
}

/**
 * Whether `messages` could have been rendered from `template`: same count and roles, each text
 * starting and ending with the template's fixed text. A cheap necessary condition checked before
 * the template's own (regular-expression) match, so most templates are ruled out without it.
 */
export function couldMatch(template: PromptTemplate, messages: readonly ChatMessage[]): boolean {
  const shape = shapeOf(template);
  if (shape.length !== messages.length) return false;
  for (let index = 0; index < shape.length; index++) {
    const { role, head, tail, fixed } = shape[index]!;
    const { role: actual, content } = messages[index]!;
    if (role !== actual) return false;
    if (fixed ? content !== head : !content.startsWith(head) || !content.endsWith(tail)) return false;
    if (content.length < head.length + tail.length) return false;
  }
  return true;
}
