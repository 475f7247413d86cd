import { z } from 'zod';
import { type AdaemConfig, AdaemConfigSchema } from '../../core/config.js';
import { ProtocolRecordSchema, protocolRecordOf } from '../../core/protocol-preset.js';
import type { Question } from '../../core/question.js';
import { type ValueTheory, ValueTheorySchema } from '../../core/value-theory.js';
import {
  hashQuestions,
  PromptsShape,
  ProvenanceShape,
  promptsRecord,
  provenance,
  redactConfig,
} from '../evaluate/manifest.js';

/** Everything needed to trace and re-run a question search; written before the first model call. */
export const GenerateManifestSchema = z.object({
  kind: z.literal('generate'),
  ...ProvenanceShape,
  /** The config after defaults, keys redacted; `config.generate` holds every hyper-parameter. */
  config: AdaemConfigSchema,
  /** The protocol followed and the settings its preset put in `config` (absent in runs stored before). */
  protocol: ProtocolRecordSchema.optional(),
  theory: ValueTheorySchema,
  ...PromptsShape,
  seed: z.number().int(),
  /** P1: cheap explorers and scorers (role `generator`). */
  explorers: z.array(z.string()).min(1),
  /** P2: the final scorers (role `scorer`). */
  scorers: z.array(z.string()).min(1),
  judge: z.string(),
  safety: z.string().nullable(),
  /** The similarity backend used for dedup and R_OD (`lexical:…` or `embedding:<model>`). */
  similarity: z.string(),
  /** The S variant asked for, the one used, and why they differ. */
  score: z.object({
    requested: z.enum(['practical', 'exact']),
    used: z.enum(['practical', 'exact']),
    fallback: z.string().nullable(),
  }),
  budget: z.number().int().positive(),
  maxCost: z.number().nullable(),
  seeds: z.object({ source: z.string(), count: z.number().int(), hash: z.string() }),
  /** The earlier generation run this one extends (its bank is kept out of this one). */
  extends: z.string().nullable(),
});
export type GenerateManifest = z.infer<typeof GenerateManifestSchema>;

/** Builds the manifest of a generation run (config redacted). */
export function buildGenerateManifest(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  explorers: string[];
  scorers: string[];
  judge: string;
  safety: string | undefined;
  similarity: string;
  score: GenerateManifest['score'];
  budget: number;
  maxCost: number | undefined;
  seeds: readonly Question[];
  seedSource: string;
  extendsRun: string | undefined;
}): GenerateManifest {
  return {
    kind: 'generate',
    ...provenance(),
    // One source of truth: the config records the budget and cap the run uses, as the top level does.
    config: redactConfig({
      ...options.config,
      generate: { ...options.config.generate, budget: options.budget, maxCost: options.maxCost },
    }),
    protocol: protocolRecordOf(options.config),
    theory: options.theory,
    ...promptsRecord(options.config.generate.judgePrompt, options.theory),
    seed: options.config.seed,
    explorers: options.explorers,
    scorers: options.scorers,
    judge: options.judge,
    safety: options.safety ?? null,
    similarity: options.similarity,
    score: options.score,
    budget: options.budget,
    maxCost: options.maxCost ?? null,
    seeds: { source: options.seedSource, count: options.seeds.length, hash: hashQuestions(options.seeds) },
    extends: options.extendsRun ?? null,
  };
}
