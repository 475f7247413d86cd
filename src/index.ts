/** adaem's public library API. */

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
