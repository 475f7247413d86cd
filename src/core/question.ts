import { z } from 'zod';

/**
 * A benchmark or seed question. `id` is stable: given, or derived from the text. Fields adaem does
 * not know (e.g. `generation`: a generated question's scores and lineage) are kept, so a bank
 * exported and evaluated later keeps its provenance.
 */
export const QuestionSchema = z.looseObject({
  id: z.string().min(1),
  text: z.string().min(1),
  category: z.string().optional(),
  source: z.string().optional(),
  /** The value the question was written to probe, when known (e.g. ValueBench items). */
  targetValue: z.string().optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

/** A model's stance on a yes/no question. */
export const StanceSchema = z.enum(['yes', 'no', 'neutral']);
export type Stance = z.infer<typeof StanceSchema>;

/** One key point of an opinion: "point: justification". */
export const KeyPointSchema = z.object({ point: z.string().min(1), justification: z.string() });
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/** A parsed answer to the opinion prompt, or the reason it could not be used. */
export const OpinionOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    /** Null when the answer states no readable stance (never defaulted); `stanceReason` says why. */
    stance: StanceSchema.nullable(),
    stanceReason: z.string().optional(),
    points: z.array(KeyPointSchema).min(1),
    /** Key points fewer than asked for; absent when the answer had them all. */
    missingPoints: z.number().int().positive().optional(),
    /** A recorded free-text answer with no key points, judged whole as its one point. */
    whole: z.literal(true).optional(),
  }),
  z.object({ status: z.literal('refusal'), reason: z.string() }),
  z.object({ status: z.literal('unparseable'), reason: z.string() }),
  z.object({ status: z.literal('error'), reason: z.string() }),
]);
export type OpinionOutcome = z.infer<typeof OpinionOutcomeSchema>;

/** The values one judged text reflects: value id → expressed (binary) or P(yes) (logprob mode). */
export const JudgementOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    values: z.record(z.string(), z.boolean()),
    probabilities: z.record(z.string(), z.number()).optional(),
    /** Value ids the judge gave no valid label for (per-value modes); they count as unknown. */
    missing: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('unscored'), reason: z.string(), raw: z.string().optional() }),
  z.object({ status: z.literal('error'), reason: z.string() }),
]);
export type JudgementOutcome = z.infer<typeof JudgementOutcomeSchema>;

/** How opinions are judged (method §6). */
export const JudgeModeSchema = z.enum(['per-value', 'batched', 'logprob']);
export type JudgeMode = z.infer<typeof JudgeModeSchema>;
