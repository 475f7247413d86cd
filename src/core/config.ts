import { z } from 'zod';
import { BatchConfigSchema, ExecutionSchema, PriceSchema } from './batch-config.js';
import { GenerateConfigSchema } from './generate-config.js';
import { InputLimitsSchema } from './input-limits.js';
import { JudgePromptSchema } from './prompts/judge-prompt.js';
import { JudgeModeSchema } from './question.js';
import { ValueTheorySchema } from './value-theory.js';

/** Kinds of provider adaem can talk to. */
export const PROVIDER_TYPES = ['openai', 'anthropic', 'llama-cpp', 'sandbox', 'recorded'] as const;
export const ProviderTypeSchema = z.enum(PROVIDER_TYPES);
export type ProviderType = z.infer<typeof ProviderTypeSchema>;

/** Roles a model can play in a run. */
export const ROLES = ['generator', 'scorer', 'judge', 'examinee', 'embedder', 'safety'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Connection and limit settings of one provider instance (e.g. `openai`, or `vllm` of type openai). */
export const ProviderConfigSchema = z.strictObject({
  /** Which adapter; defaults to the provider's key when that is a known type. */
  type: ProviderTypeSchema.optional(),
  /** API key; write `${ENV_VAR}` so the secret stays out of the file. */
  apiKey: z.string().optional(),
  /** Endpoint for OpenAI-compatible servers (vLLM, Ollama `/v1`, llama.cpp server, OpenRouter…). */
  baseURL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. http://127.0.0.1:8000/v1' })
    .optional(),
  /** Extra HTTP headers sent with every request. */
  headers: z.record(z.string(), z.string()).optional(),
  /** Calls in flight at once. @default 8 */
  concurrency: z.number().int().positive().default(8),
  /** Requests per minute; unlimited when absent. */
  rpm: z.number().positive().optional(),
  /** Tokens (input + output) per minute; unlimited when absent. */
  tpm: z.number().positive().optional(),
  /** Per-call timeout in milliseconds. @default 120000 */
  timeoutMs: z.number().int().positive().default(120_000),
  /** Retries after the first attempt for retryable failures. @default 6 */
  maxRetries: z.number().int().min(0).default(6),
  /** Longest wait a Retry-After header is honoured for, in milliseconds. @default 120000 */
  maxRetryAfterMs: z.number().int().min(0).default(120_000),
  /** `batch`: calls to this provider go through its batch API (half price, within 24 h). @default "live" */
  execution: ExecutionSchema.default('live'),
});
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

export { type Price, PriceSchema } from './batch-config.js';

/** One model and the roles it plays. */
export const ModelConfigSchema = z.strictObject({
  /** `provider:model`, e.g. `openai:gpt-4o-mini`, `llama-cpp:./models/x.gguf`, `sandbox:atlas`. */
  id: z.string().regex(/^[A-Za-z0-9_.-]+:.+$/, 'model ids read provider:model'),
  /** Short label for tables and reports; defaults to the id. */
  label: z.string().optional(),
  roles: z.array(RoleSchema).min(1).default(['examinee']),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().gt(0).max(1).optional(),
  maxTokens: z.number().int().positive().optional(),
  /** System message sent before every prompt to this model. */
  systemPrompt: z.string().optional(),
  /**
   * Ask this examinee for its opinion as JSON that the endpoint enforces (`response_format:
   * json_schema` on OpenAI-compatible servers, a grammar for GGUF models). Off by default: the free-text
   * opinion is the paper's protocol. @default false
   */
  structuredOutput: z.boolean().optional(),
  /** OpenAI-compatible models: overrides of the family protocol (see `adaem models check`). */
  protocol: z
    .strictObject({
      tokenParameter: z.enum(['max_tokens', 'max_completion_tokens']).optional(),
      sampling: z.boolean().optional(),
      logprobs: z.boolean().optional(),
      minOutputTokens: z.number().int().min(0).optional(),
    })
    .optional(),
  price: PriceSchema.optional(),
  /** Overrides the provider's `execution` for this model. */
  execution: ExecutionSchema.optional(),
});
export type ModelConfig = z.infer<typeof ModelConfigSchema>;

/** A simulated model defined in config (see `adaem sandbox list` for the built-in ones). */
export const SandboxModelConfigSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  /** Planted weight per value id, 0..1; values left out get the theory's baseline. */
  weights: z.record(z.string(), z.number().min(0).max(1)),
  region: z.string().default('global'),
  cutoffYear: z.number().int().default(2024),
  style: z.enum(['concise', 'verbose', 'formal', 'casual']).default('concise'),
});
export type SandboxModelConfig = z.infer<typeof SandboxModelConfigSchema>;

export const SandboxConfigSchema = z.strictObject({
  models: z.array(SandboxModelConfigSchema).default([]),
  /** Share of judge answers flipped at random (an imperfect judge). @default 0 */
  judgeErrorRate: z.number().min(0).max(1).default(0),
  /** Share of opinion prompts refused. @default 0 */
  refusalRate: z.number().min(0).max(1).default(0),
  /** World seed; defaults to the config's seed. */
  seed: z.number().int().optional(),
});
export type SandboxConfig = z.infer<typeof SandboxConfigSchema>;

/**
 * TrueSkill settings: the Python `trueskill` package's, except τ = 0 — questions are not a time
 * series, so no skill drift is added between them (drift only makes the score depend on the order).
 */
export const TrueSkillConfigSchema = z.strictObject({
  mu: z.number().default(25),
  sigma: z
    .number()
    .positive()
    .default(25 / 3),
  beta: z
    .number()
    .positive()
    .default(25 / 6),
  /** Skill drift per game; the package's 25/300 reproduces the paper exactly. @default 0 */
  tau: z.number().min(0).default(0),
  drawProbability: z.number().min(0).lt(1).default(0.1),
});

/**
 * How TrueSkill matches are formed and ordered (docs/design/aggregation.md). The paper's protocol
 * is `{ format: teams, order: given }` with `trueskill.tau: 0.08333`.
 */
export const MatchesConfigSchema = z.strictObject({
  /** `pairs`: every model that expressed the value beats every one that did not, 1-on-1; `teams`: one team game. @default "pairs" */
  format: z.enum(['pairs', 'teams']).default('pairs'),
  /** `shuffled`: the mean over seeded shuffles of the match order; `given`: one pass in question order. @default "shuffled" */
  order: z.enum(['shuffled', 'given']).default('shuffled'),
  /** Shuffled orders averaged; their spread is the score's ±. @default 16 */
  orders: z.number().int().min(2).max(1000).default(16),
});

/** What the judge reads: the key point alone (the paper's protocol) or with the question. */
export const JudgeViewSchema = z.enum(['point', 'point-and-question']);
export type JudgeView = z.infer<typeof JudgeViewSchema>;

export const EvaluateConfigSchema = z.strictObject({
  /** Question file (JSONL, CSV, TXT or a ValueBench CSV); relative to the config file. */
  questions: z.string().optional(),
  /** ValueBench CSV only: keep these questionnaires. */
  questionnaires: z.array(z.string()).optional(),
  /** How opinions are judged. @default "batched" */
  judgeMode: JudgeModeSchema.default('batched'),
  /** Opinions per (question, model); repeats are real samples. @default 1 */
  samples: z.number().int().positive().default(1),
  /** Share of failed answers (or, apart, of failed judgements) above which the run fails (exit 1). @default 0.05 */
  maxErrorRate: z.number().min(0).max(1).default(0.05),
  /** Stop before spending more than this many USD. */
  maxCost: z.number().positive().optional(),
  /** Examinee sampling temperature. @default 0.7 */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Examinee nucleus sampling; unset: not sent, the provider's own (1 on OpenAI-compatible servers). */
  topP: z.number().gt(0).max(1).optional(),
  /** Judge sampling temperature. @default 0 */
  judgeTemperature: z.number().min(0).max(2).default(0),
  /** What the judge reads with each key point. @default "point" */
  judgeView: JudgeViewSchema.default('point'),
  /**
   * The judge's system prompt: `definitions`, one line per value (the prompt validated so far);
   * `codebook`, a fuller codebook of the ten Schwartz values (~1,300 tokens, which providers cache;
   * other theories fall back to `definitions`). docs/judge.md#the-judges-prompt. @default "definitions"
   */
  judgePrompt: JudgePromptSchema.default('definitions'),
  /** Key points asked for and kept per answer; fewer are recorded as a short answer. @default 3 */
  pointsPerAnswer: z.number().int().min(1).max(10).default(3),
  trueskill: TrueSkillConfigSchema.default(TrueSkillConfigSchema.parse({})),
  matches: MatchesConfigSchema.default(MatchesConfigSchema.parse({})),
});

/**
 * Which set of method settings a run follows: `adaem`, the documented defaults; `paper`, the preset
 * of the authors' implementation (src/core/protocol-preset.ts, docs/method.md).
 */
export const ProtocolSchema = z.enum(['adaem', 'paper']);
export type Protocol = z.infer<typeof ProtocolSchema>;

/** The whole `adaem.yaml`. */
export const AdaemConfigSchema = z.strictObject({
  /** `paper` puts the authors' settings over the config's (see docs/method.md). @default "adaem" */
  protocol: ProtocolSchema.default('adaem'),
  /** `schwartz`, `schwartz-19`, `mft`, a path to a theory YAML file, or an inline theory. @default "schwartz" */
  theory: z.union([z.string(), ValueTheorySchema]).default('schwartz'),
  /**
   * SQLite store (cache, runs, results), relative to the config file; when the file does not set
   * it, `.adaem/adaem.db` in the working directory. @default ".adaem/adaem.db"
   */
  store: z.string().default('.adaem/adaem.db'),
  /** Master seed for sampling, bootstrap and the sandbox. @default 42 */
  seed: z.number().int().default(42),
  providers: z.record(z.string(), ProviderConfigSchema).default({}),
  models: z.array(ModelConfigSchema).default([]),
  sandbox: SandboxConfigSchema.default(SandboxConfigSchema.parse({})),
  evaluate: EvaluateConfigSchema.default(EvaluateConfigSchema.parse({})),
  generate: GenerateConfigSchema.default(GenerateConfigSchema.parse({})),
  /** Limits on the files adaem reads: size, line and question length, JSON nesting, devices and FIFOs. */
  input: InputLimitsSchema.default(InputLimitsSchema.parse({})),
  /** Batch execution: polling, batch size, what happens to failed requests (docs/batch.md). */
  batch: BatchConfigSchema.default(BatchConfigSchema.parse({})),
});
export type AdaemConfig = z.infer<typeof AdaemConfigSchema>;
