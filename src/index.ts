/** adaem's public library API. */

export { type LoadedConfig, loadConfig } from './config/load-config.js';
export type { AdaemConfig, ModelConfig, Protocol, ProviderConfig, Role } from './core/config.js';
export { AdaemConfigSchema } from './core/config.js';
export { AdaemError, CancelledError, ConfigError, ProviderError, StoreError } from './core/errors.js';
export { PROMPTS, promptHashes } from './core/prompts/templates.js';
export {
  applyProtocol,
  PAPER_PRESET,
  type PresetSetting,
  type ProtocolRecord,
  type SetAside,
} from './core/protocol-preset.js';
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
export type {
  JudgeMode,
  JudgementOutcome,
  KeyPoint,
  OpinionOutcome,
  Question,
  Stance,
} from './core/question.js';
export { BUILT_IN_THEORIES, MFT_THEORY, SCHWARTZ_THEORY } from './core/theories.js';
export { SCHWARTZ_19_THEORY } from './core/theories-schwartz-19.js';
export type { ValueDefinition, ValueTheory } from './core/value-theory.js';
export { createAnthropicProvider } from './providers/anthropic.js';
export { createEngine, type Engine, type EngineOptions, type UsageReport } from './providers/engine.js';
export { createLlamaCppProvider } from './providers/llama-cpp.js';
export { createOpenAIProvider } from './providers/openai.js';
export { type RenderedReport, type RenderReportOptions, renderReport } from './report/render-report.js';
export type { ReportData } from './report/report-data.js';
export { type AgreementResult, analyzeAgreement } from './run/analyses/agreement.js';
export { type CompareResult, compareRuns } from './run/analyses/compare-runs.js';
export { analyzeInformativeness, type InformativenessResult } from './run/analyses/informativeness.js';
export {
  type JudgeValidityOptions,
  type JudgeValidityResult,
  runJudgeValidation,
} from './run/analyses/judge-validity.js';
export type { LoadedEvaluation } from './run/analyses/load-evaluation.js';
export { analyzeQuestions } from './run/analyses/question-quality.js';
export { analyzeReliability, type ReliabilityResult } from './run/analyses/reliability.js';
export type {
  EvaluateResults,
  ModelCounts,
  ModelResult,
  ValueResult,
} from './run/evaluate/collect-results.js';
export type { EvaluateProgress } from './run/evaluate/evaluate.js';
export type { GeneratedQuestion, GenerationResults } from './run/generate/collect-generation.js';
export { bankOf } from './run/generate/collect-generation.js';
export type { GenerateProgress, GenerateSummary } from './run/generate/generate.js';
export { type EvaluateOptions, evaluate } from './run/library/evaluate.js';
export { type GenerateOptions, generate } from './run/library/generate.js';
export { readEvaluation, readGeneration, readReportData, readResults } from './run/library/read-runs.js';
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
export { type JudgeAgreement, judgeAgreement } from './stages/analyze/judge-agreement.js';
export { type PairedTest, pairedTTest } from './stages/analyze/paired-t-test.js';
export { profileInformativeness } from './stages/analyze/profile-informativeness.js';
export { questionSetQuality } from './stages/analyze/question-set-quality.js';
export { type JudgeAnswer, judgeOpinion } from './stages/judge/judge-opinion.js';
export { loadQuestions } from './stages/questions/load-questions.js';
export { type LabelledText, readLabelled } from './stages/questions/read-labelled.js';
export { type RecordedAnswers, readRecorded } from './stages/questions/read-recorded.js';
export { parseOpinion } from './stages/respond/parse-opinion.js';
export { BUILTIN_SEED_POOLS } from './stages/seeds/builtin-pools.js';
export { SEED_CATEGORIES } from './stages/seeds/categories.js';
export { type LoadSeedsOptions, loadSeeds, type SeedSpec } from './stages/seeds/load-seeds.js';
export {
  embeddingSimilarity,
  lexicalSimilarity,
  type SimilarityBackend,
} from './stages/similarity/similarity-backend.js';
export { openStore, type Store } from './store/index.js';
