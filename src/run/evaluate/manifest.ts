import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type AdaemConfig, AdaemConfigSchema } from '../../core/config.js';
import { redactUrl } from '../../core/config-secrets.js';
import {
  type JudgePrompt,
  JudgePromptChoiceSchema,
  judgePromptFor,
} from '../../core/prompts/judge-prompt.js';
import { promptHashes } from '../../core/prompts/templates.js';
import { ProtocolRecordSchema, protocolRecordOf } from '../../core/protocol-preset.js';
import { type JudgeMode, JudgeModeSchema, type Question } from '../../core/question.js';
import { REDACTED, scrubSecrets } from '../../core/scrub-secrets.js';
import { type ValueTheory, ValueTheorySchema } from '../../core/value-theory.js';
import { gitRevision } from '../git-revision.js';
import { packageVersion } from '../package-version.js';

/**
 * Replaces API keys, header values and the credentials and query parameter values of base URLs in
 * a config so it can be stored, exported and rendered.
 */
export function redactConfig(config: AdaemConfig): AdaemConfig {
  const providers: AdaemConfig['providers'] = {};
  for (const [name, provider] of Object.entries(config.providers)) {
    providers[name] = {
      ...provider,
      ...(provider.apiKey === undefined ? {} : { apiKey: REDACTED }),
      ...(provider.headers === undefined
        ? {}
        : { headers: Object.fromEntries(Object.keys(provider.headers).map((key) => [key, REDACTED])) }),
      ...(provider.baseURL === undefined ? {} : { baseURL: redactUrl(provider.baseURL) }),
    };
  }
  return { ...config, providers };
}

/** sha256 (16 hex digits) of the question ids and texts, so two runs can tell they used the same set. */
export function hashQuestions(questions: readonly Question[]): string {
  const hash = createHash('sha256');
  for (const question of questions) hash.update(`${question.id}\u0000${question.text}\u0001`);
  return hash.digest('hex').slice(0, 16);
}

/** What every run manifest records about where it came from: versions, revision, time, command line. */
export const ProvenanceShape = {
  adaemVersion: z.string(),
  gitRevision: z.string(),
  nodeVersion: z.string(),
  createdAt: z.string(),
  argv: z.array(z.string()),
};

/** What every run manifest records of the prompts it sends: the template hashes and the judge's system prompt. */
export const PromptsShape = {
  promptHashes: z.record(z.string(), z.string()),
  /** The judge's system prompt: the setting, the one sent, and why they differ (absent in runs stored before). */
  judgePrompt: JudgePromptChoiceSchema.optional(),
};

/** The prompt fields of a manifest whose judge is configured with `setting` for `theory`. */
export function promptsRecord(setting: JudgePrompt, theory: ValueTheory) {
  const judgePrompt = judgePromptFor(setting, theory);
  return { promptHashes: promptHashes({ judge: judgePrompt.used }), judgePrompt };
}

/** The provenance fields of a manifest written now, by this process. */
export function provenance(): {
  [Key in keyof typeof ProvenanceShape]: z.infer<(typeof ProvenanceShape)[Key]>;
} {
  return {
    adaemVersion: packageVersion(),
    gitRevision: gitRevision(),
    nodeVersion: process.version,
    createdAt: new Date().toISOString(),
    argv: process.argv.slice(2).map((argument) => scrubSecrets(argument)),
  };
}

/** Everything needed to trace and re-run an evaluation; written before the first model call. */
export const EvaluateManifestSchema = z.object({
  kind: z.literal('evaluate'),
  ...ProvenanceShape,
  config: AdaemConfigSchema,
  /** The protocol followed and the settings its preset put in `config` (absent in runs stored before). */
  protocol: ProtocolRecordSchema.optional(),
  theory: ValueTheorySchema,
  ...PromptsShape,
  seed: z.number().int(),
  examinees: z.array(z.string()).min(1),
  judge: z.string(),
  judgeMode: JudgeModeSchema,
  samples: z.number().int().positive(),
  maxErrorRate: z.number(),
  maxCost: z.number().nullable(),
  questions: z.object({ source: z.string(), count: z.number().int(), hash: z.string() }),
  /**
   * Answers recorded elsewhere (`evaluate --responses`): the file, its hash, how many answers, and
   * how they are judged — by key point when in the opinion format, else whole (`view: answer`).
   */
  recorded: z
    .object({ file: z.string(), hash: z.string(), answers: z.number().int(), view: z.literal('answer') })
    .optional(),
});
export type EvaluateManifest = z.infer<typeof EvaluateManifestSchema>;

/** Builds the manifest of an evaluation run (config redacted). */
export function buildEvaluateManifest(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  examinees: string[];
  judge: string;
  judgeMode: JudgeMode;
  samples: number;
  maxErrorRate: number;
  maxCost: number | undefined;
  questions: readonly Question[];
  questionSource: string;
  recorded?: EvaluateManifest['recorded'];
}): EvaluateManifest {
  return {
    kind: 'evaluate',
    ...provenance(),
    // One source of truth: the config records the settings the run uses, as the top level does.
    config: redactConfig({
      ...options.config,
      evaluate: {
        ...options.config.evaluate,
        judgeMode: options.judgeMode,
        samples: options.samples,
        maxErrorRate: options.maxErrorRate,
        maxCost: options.maxCost,
      },
    }),
    protocol: protocolRecordOf(options.config),
    theory: options.theory,
    ...promptsRecord(options.config.evaluate.judgePrompt, options.theory),
    seed: options.config.seed,
    examinees: options.examinees,
    judge: options.judge,
    judgeMode: options.judgeMode,
    samples: options.samples,
    maxErrorRate: options.maxErrorRate,
    maxCost: options.maxCost ?? null,
    questions: {
      source: options.questionSource,
      count: options.questions.length,
      hash: hashQuestions(options.questions),
    },
    ...(options.recorded ? { recorded: options.recorded } : {}),
  };
}
