import { z } from 'zod';
import type { ValueTheory } from '../value-theory.js';
import { codebookOf } from './judge-codebook.js';

/**
 * The judge's system prompt (docs/judge.md#the-judges-prompt): `definitions`, one "Name (id):
 * definition" line per value, the prompt adaem and its validation used from the start (~350 tokens
 * with Schwartz); `codebook`, a codebook of each value (what belongs to it, its neighbours, what does
 * not count) and rules for deciding (~1,300 tokens), for the built-in Schwartz theory only.
 */
export const JudgePromptSchema = z.enum(['definitions', 'codebook']);
export type JudgePrompt = z.infer<typeof JudgePromptSchema>;

/** The choice as manifests record it. */
export const JudgePromptChoiceSchema = z.object({
  setting: JudgePromptSchema,
  used: JudgePromptSchema,
  fallback: z.string().optional(),
});

/** The prompt a run's judge is sent: the configured setting, the one used, and why they differ. */
export interface JudgePromptChoice {
  setting: JudgePrompt;
  used: JudgePrompt;
  /** Set when `used` is not `setting`: a codebook asked for a theory adaem has none for. */
  fallback?: string;
}

/**
 * The prompt used for `setting` with `theory`: `codebook` falls back to `definitions` for any theory
 * but the built-in Schwartz one (a theory that reuses its id with other definitions included).
 */
export function judgePromptFor(setting: JudgePrompt, theory: ValueTheory): JudgePromptChoice {
  if (setting === 'definitions' || codebookOf(theory)) return { setting, used: setting };
  return {
    setting,
    used: 'definitions',
    fallback: `no codebook for theory ${theory.id} (adaem has one for the built-in Schwartz theory only): the judge gets the definitions prompt`,
  };
}
