/** adaem's public library API. */

export { type LoadedConfig, loadConfig } from './config/load-config.js';
export type { AdaemConfig, ModelConfig, ProviderConfig, Role } from './core/config.js';
export { AdaemConfigSchema } from './core/config.js';
export { AdaemError, CancelledError, ConfigError, ProviderError, StoreError } from './core/errors.js';
export { PROMPTS, promptHashes } from './core/prompts/templates.js';
export type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  EmbedRequest,
  EmbedResult,
  Provider,
  ProviderCapabilities,
  TokenLogprob,
  TokenUsage,
} from './core/provider.js';
export type { JudgeMode, Question, Stance } from './core/question.js';
export { BUILT_IN_THEORIES, MFT_THEORY, SCHWARTZ_THEORY } from './core/theories.js';
export type { ValueDefinition, ValueTheory } from './core/value-theory.js';
export { createAnthropicProvider } from './providers/anthropic.js';
export { createEngine, type Engine, type EngineOptions, type UsageReport } from './providers/engine.js';
export { createLlamaCppProvider } from './providers/llama-cpp.js';
export { createOpenAIProvider } from './providers/openai.js';
export type { EvaluateResults, ModelCounts, ModelResult, ValueResult } from './run/collect-results.js';
export type { EvaluateProgress } from './run/evaluate.js';
export { type EvaluateOptions, evaluate } from './run/evaluate-library.js';
export { sandboxModels } from './sandbox/models.js';
export { createSandboxProvider } from './sandbox/provider.js';
export { sandboxQuestions } from './sandbox/questions.js';
export { type SandboxFaults, type SandboxServer, startSandboxServer } from './sandbox/server.js';
export { matchQuality, rateTwoTeams, winProbability } from './stages/aggregate/trueskill.js';
export { computeValueScores } from './stages/aggregate/value-scores.js';
export { pearson, spearman } from './stages/analyze/correlation.js';
export { type CorrelationEstimate, correlate } from './stages/analyze/correlation-interval.js';
export { cronbachAlpha } from './stages/analyze/cronbach-alpha.js';
export { type IccEstimate, type IccForm, intraclassCorrelations } from './stages/analyze/icc.js';
export { InsufficientDataError } from './stages/analyze/insufficient-data.js';
export { type PairedTest, pairedTTest } from './stages/analyze/paired-t-test.js';
export { profileInformativeness } from './stages/analyze/profile-informativeness.js';
export { questionSetQuality } from './stages/analyze/question-set-quality.js';
export { judgeOpinion } from './stages/judge/judge-opinion.js';
export { loadQuestions } from './stages/questions/load-questions.js';
export { parseOpinion } from './stages/respond/parse-opinion.js';
export { BUILTIN_SEED_POOLS } from './stages/seeds/builtin-pools.js';
export { SEED_CATEGORIES } from './stages/seeds/categories.js';
export { type LoadSeedsOptions, loadSeeds, type SeedSpec } from './stages/seeds/load-seeds.js';
export { openStore, type Store } from './store/index.js';
