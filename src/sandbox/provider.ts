import type { AdaemConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { ChatRequest, ChatResult, EmbedRequest, EmbedResult, Provider } from '../core/provider.js';
import type { ValueTheory } from '../core/value-theory.js';
import { embedText } from './embed.js';
import { respond } from './respond.js';
import { createWorld, type SandboxWorld } from './world.js';

/** Bumped whenever the simulation changes how it answers, so cached sandbox replies are not replayed. */
export const SANDBOX_REVISION = 6;

const worlds = new WeakMap<AdaemConfig, Map<ValueTheory, SandboxWorld>>();

/** The world of a config and theory, built once and shared by all its sandbox models. */
export function worldFor(config: AdaemConfig, theory: ValueTheory): SandboxWorld {
  let byTheory = worlds.get(config);
  if (!byTheory) {
    byTheory = new Map();
    worlds.set(config, byTheory);
  }
  let world = byTheory.get(theory);
  if (!world) {
    world = createWorld({ theory, sandbox: config.sandbox, seed: config.seed });
    byTheory.set(theory, world);
  }
  return world;
}

function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * A simulated model (`sandbox:<name>`) answering in-process; `judge` and `embedder` are accepted as
 * names for a model that only judges or only embeds (every sandbox model can do both).
 */
export function createSandboxProvider(options: {
  model: string;
  config: AdaemConfig;
  theory: ValueTheory;
}): Provider {
  const world = worldFor(options.config, options.theory);
  const model =
    world.models.get(options.model) ??
    (options.model === 'judge' || options.model === 'embedder'
      ? world.models.values().next().value
      : undefined);
  if (!model) {
    throw new ConfigError(
      `unknown sandbox model "${options.model}"; known: ${[...world.models.keys()].join(', ')}, judge, embedder`,
      { code: 'unknown-model' },
    );
  }
  const id = `sandbox:${options.model}`;
  return {
    id,
    capabilities: { chat: true, embeddings: true, logprobs: true, jsonSchema: true },
    async chat(request: ChatRequest): Promise<ChatResult> {
      const reply = respond(world, model, request);
      const input = request.messages.reduce((sum, message) => sum + countTokens(message.content), 0);
      return {
        text: reply.text,
        usage: { inputTokens: input, outputTokens: countTokens(reply.text) },
        model: id,
        finishReason: 'stop',
        ...(reply.logprobs ? { logprobs: reply.logprobs } : {}),
      };
    },
    async embed(request: EmbedRequest): Promise<EmbedResult> {
      return {
        vectors: request.texts.map(embedText),
        usage: {
          inputTokens: request.texts.reduce((sum, text) => sum + countTokens(text), 0),
          outputTokens: 0,
        },
      };
    },
  };
}
