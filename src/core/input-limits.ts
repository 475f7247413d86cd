import { z } from 'zod';

/** Limits on the files adaem reads (questions, seeds, recorded answers), each giving a one-line error. */
export const InputLimitsSchema = z.strictObject({
  /** Largest file read, in bytes. @default 209715200 (200 MB) */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(200 * 1024 * 1024),
  /** Longest line, in characters (a JSONL row with its metadata). @default 1000000 */
  maxLineChars: z.number().int().positive().default(1_000_000),
  /** Longest question or seed text, in characters. @default 20000 */
  maxQuestionChars: z.number().int().positive().default(20_000),
  /** Deepest nesting of objects and arrays in a JSON row. @default 64 */
  maxJsonDepth: z.number().int().positive().default(64),
  /** Read devices, FIFOs and sockets (e.g. a named pipe fed by another program). @default false */
  allowSpecialFiles: z.boolean().default(false),
});
export type InputLimits = z.infer<typeof InputLimitsSchema>;

/** The default limits. */
export const DEFAULT_INPUT_LIMITS: InputLimits = InputLimitsSchema.parse({});

/** How an input file is read: the limits (defaults for those not given) and a signal that stops the read. */
export interface ReadInputOptions {
  limits?: Partial<InputLimits>;
  signal?: AbortSignal;
}
