/** A reply's answer with any reasoning set aside. */
export interface ReplyParts {
  /** What the model answered, without reasoning blocks (trimmed). */
  answer: string;
  /** The reasoning the reply carried inline (`<think>…</think>` and alike), when there was any. */
  reasoning?: string;
  /** True when a reasoning block was opened and never closed: the reply was cut while reasoning. */
  cutInReasoning: boolean;
}

// Tag names reasoning models use for their inline reasoning (DeepSeek-R1, Qwen3, QwQ, others).
const TAGS = 'think|thinking|reasoning|thought';
const OPEN = new RegExp(`<(${TAGS})>`, 'i');
const STRAY_CLOSE = new RegExp(`^([\\s\\S]*?)</(?:${TAGS})>`, 'i');

/**
 * Sets aside the reasoning blocks of a reply. A block opened and not closed means the model was cut
 * at its token limit while reasoning (`cutInReasoning`; the answer is what came before it). A closing
 * tag with no opening one (chat templates that put `<think>` in the prompt) closes a block that began
 * at the start of the reply.
 */
export function splitReasoning(text: string): ReplyParts {
  const reasoning: string[] = [];
  let rest = text;
  const stray = rest.match(STRAY_CLOSE);
  if (stray && !OPEN.test(stray[1]!)) {
    reasoning.push(stray[1]!.trim());
    rest = rest.slice(stray[0].length);
  }
  let answer = '';
  for (;;) {
    const open = rest.match(OPEN);
    if (!open) {
      answer += rest;
      break;
    }
    answer += rest.slice(0, open.index);
    const after = rest.slice(open.index! + open[0].length);
    const close = after.match(new RegExp(`</${open[1]}>`, 'i'));
    if (!close) {
      reasoning.push(after.trim());
      return finish(answer, reasoning, true);
    }
    reasoning.push(after.slice(0, close.index).trim());
    rest = after.slice(close.index! + close[0].length);
  }
  return finish(answer, reasoning, false);
}

function finish(answer: string, reasoning: string[], cut: boolean): ReplyParts {
  const kept = reasoning.filter(Boolean);
  return {
    answer: answer.trim(),
    ...(kept.length > 0 ? { reasoning: kept.join('\n\n') } : {}),
    cutInReasoning: cut,
  };
}
