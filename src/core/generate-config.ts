import { z } from 'zod';
import { JudgePromptSchema } from './prompts/judge-prompt.js';
import { JudgeModeSchema } from './question.js';

/** Weights of the four terms of the informativeness score S (method §3). */
export const ScoreWeightsSchema = z.strictObject({
  /** Value conformity R_VC. @default 1 */
  vc: z.number().default(1),
  /** Value diversity R_VD. @default 1 */
  vd: z.number().default(1),
  /** Opinion diversity R_OD. @default 1 */
  od: z.number().default(1),
  /** Disentanglement R_Dis; the paper's Eq. 1 adds it, its appendix subtracts ½. @default 0.5 */
  dis: z.number().default(0.5),
});
export type ScoreWeights = z.infer<typeof ScoreWeightsSchema>;

/**
 * Every hyper-parameter of the question search (`adaem generate`, method §2–4), with the paper's
 * defaults; the run manifest records them after defaults.
 */
export const GenerateConfigSchema = z.strictObject({
  /** Seed topics (the bandit's arms): `builtin` (the theory's pool), `builtin:schwartz`, `builtin:mft`, or a seed file. @default "builtin" */
  seeds: z.string().default('builtin'),
  /** Keep only seeds of these categories. */
  seedCategories: z.array(z.string()).optional(),
  /** Use at most this many seeds (a seeded, category-balanced choice). */
  seedLimit: z.number().int().positive().optional(),
  /**
   * Tries to score a seed under P1 before its arm is excluded (with the reason, never started at
   * Q = 0); a resumed run tries an excluded seed again. @default 3
   */
  seedAttempts: z.number().int().min(1).max(10).default(3),
  /** B: arm pulls. @default 1500 */
  budget: z.number().int().positive().default(1500),
  /** How an arm is chosen per pull: `ucb` (the method) or `uniform` (a baseline for ablations). @default "ucb" */
  armChoice: z.enum(['ucb', 'uniform']).default('ucb'),
  /**
   * Pulls run at once. 1 is the method's one-pull-at-a-time search; with k > 1 each batch of k arms
   * is chosen from the same state (an arm chosen once counts as pulled for the next choice), the k
   * pulls run together, and the batch is committed as one, so a run stays reproducible and resumable.
   * Worth it against real APIs, where a pull waits on dozens of calls in a row. @default 1
   */
  parallelPulls: z.number().int().min(1).max(64).default(1),
  /** N2: exploration rounds per pull. @default 3 */
  rounds: z.number().int().positive().default(3),
  /** N_shot: best questions of the arm shown to the explorer. @default 5 */
  shots: z.number().int().min(0).default(5),
  /** c: weight of the UCB exploration bonus, c·σ·sqrt(2 ln B / C). @default 1 */
  exploration: z.number().min(0).default(1),
  /**
   * σ, the unit of the bonus and of τ: `seed-spread`, the standard deviation of the seeds' S under
   * P1 (so the search behaves alike whatever the score's scale: practical, exact, other weights);
   * `raw`, 1 — Algorithm 1 as printed. @default "seed-spread"
   */
  scale: z.enum(['seed-spread', 'raw']).default('seed-spread'),
  /**
   * Seeds (a seeded choice) also scored by P2, so that P2 rewards are put on the P1 scale the arms
   * start from: r' = m₁ + (r − m₂)·s₁/s₂ with the means and standard deviations of those seeds' S
   * under each panel. 0: rewards are used as they are. @default 20
   */
  calibrationSeeds: z.number().int().min(0).default(20),
  /** ε: a candidate whose mean top-k similarity to the questions so far exceeds this is a duplicate. @default 0.85 */
  dedupThreshold: z.number().min(0).max(1).default(0.85),
  /** k of that mean. @default 3 */
  dedupTopK: z.number().int().positive().default(3),
  /**
   * ε with the lexical backend (lemma-bag cosine), where unrelated questions score near 0, a
   * paraphrase 0.6–1 and the same question with a new place or cost 0.4–0.9: the threshold with the
   * most right verdicts on test/fixtures/dedup-pairs.json. `dedupThreshold` (the paper's embedding ε)
   * applies with embeddings. @default 0.75
   */
  dedupThresholdLexical: z.number().min(0).max(1).default(0.75),
  /**
   * Fail the run (exit 1) when more than this share of the model calls that reached a model failed
   * (after retries); failed calls are recorded and never scored, but a run built on few answers is
   * not a result. @default 0.05
   */
  maxErrorRate: z.number().min(0).max(1).default(0.05),
  /** k with the lexical backend: the nearest question alone (a mean over k dilutes one close match). @default 1 */
  dedupTopKLexical: z.number().int().positive().default(1),
  /** τ: a refinement is kept only when it raises S (under P1) by more than this many σ (see `scale`). @default 0.5 */
  refineGain: z.number().default(0.5),
  /** Refinement rounds per candidate at most. @default 3 */
  refineDepth: z.number().int().min(0).default(3),
  /**
   * What the reflection prompt shows: `full`, what the paper's Listing 7 gives (the general question,
   * the background fact, each model's stance, key points and their values, the score); `answers`,
   * only the question, the models' key points and the score (an ablation). @default "full"
   */
  reflectionContext: z.enum(['full', 'answers']).default('full'),
  /** Sampling temperature of every generation-side call (exploration, reflection, panel answers). @default 1 */
  temperature: z.number().min(0).max(2).default(1),
  /** Nucleus sampling of those calls. @default 0.95 */
  topP: z.number().gt(0).max(1).default(0.95),
  weights: ScoreWeightsSchema.default(ScoreWeightsSchema.parse({})),
  /**
   * `practical`: S from binary value labels (method §3); `exact`: the Eq. 1 objective from the
   * judge's P(yes) per value (needs a judge with log-probabilities; else the practical score is
   * used and the fallback recorded). @default "practical"
   */
  score: z.enum(['practical', 'exact']).default('practical'),
  /** How the judge labels key points during generation. @default "batched" */
  judgeMode: JudgeModeSchema.default('batched'),
  /** The judge's system prompt during generation, as `evaluate.judgePrompt`. @default "definitions" */
  judgePrompt: JudgePromptSchema.default('definitions'),
  /** Key points asked of each panel model. @default 3 */
  pointsPerAnswer: z.number().int().min(1).max(10).default(3),
  /** `auto`: embeddings when a model has role `embedder`, else lexical. @default "auto" */
  similarity: z.enum(['auto', 'lexical', 'embedding']).default('auto'),
  /** Stop before spending more than this many USD (resumable). */
  maxCost: z.number().positive().optional(),
});
export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;
