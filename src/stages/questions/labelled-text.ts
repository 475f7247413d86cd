import { z } from 'zod';

/** A text people labelled with the values it expresses or violates, value id → label. */
export const LabelledTextSchema = z.object({
  id: z.string(),
  text: z.string(),
  model: z.string().optional(),
  question: z.string().optional(),
  labels: z.record(z.string(), z.enum(['expressed', 'violated'])),
});
export type LabelledText = z.infer<typeof LabelledTextSchema>;
