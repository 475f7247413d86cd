import { splitReasoning } from './split-reasoning.js';

/** A model's reply as the readers take it: the text, and how the provider said generation ended. */
export type ReplyInput = string | { text: string; finishReason?: string; reasoning?: string };

/** Finish reasons that mean the model hit its output-token limit (OpenAI-compatible, Anthropic, llama.cpp). */
const TOKEN_LIMIT = new Set(['length', 'max_tokens', 'max_output_tokens']);

/** The reason every reader gives for a reply cut inside its reasoning. */
export const REASONING_CUT = 'reasoning cut at the token limit (raise maxTokens for this model)';
/** The reason every reader gives for an answer cut before it was complete. */
export const ANSWER_CUT = 'answer cut at the token limit (raise maxTokens for this model)';

/** A reply prepared for reading: its answer text, reasoning set aside, and whether it was cut. */
export interface PreparedReply {
  answer: string;
  reasoning?: string;
  /** The model stopped at its token limit (the answer may be incomplete). */
  truncated: boolean;
  /** Why nothing can be read at all (cut while reasoning, or nothing left after the reasoning). */
  unreadable?: string;
}

/** Splits reasoning off a reply and notes a cut; readers decide whether what is left is complete. */
export function prepareReply(input: ReplyInput): PreparedReply {
  const text = typeof input === 'string' ? input : input.text;
  const finishReason = typeof input === 'string' ? undefined : input.finishReason;
  const parts = splitReasoning(text);
  const truncated = finishReason !== undefined && TOKEN_LIMIT.has(finishReason);
  const base = {
    answer: parts.answer,
    ...(parts.reasoning !== undefined ? { reasoning: parts.reasoning } : {}),
    truncated,
  };
  if (parts.cutInReasoning) return { ...base, unreadable: REASONING_CUT };
  const reasoned = parts.reasoning !== undefined || (typeof input !== 'string' && Boolean(input.reasoning));
  if (parts.answer === '' && truncated) return { ...base, unreadable: reasoned ? REASONING_CUT : ANSWER_CUT };
  if (parts.answer === '' && reasoned) return { ...base, unreadable: 'only reasoning, no answer after it' };
  return base;
}
