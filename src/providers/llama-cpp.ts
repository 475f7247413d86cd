import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ProviderConfig } from '../core/config.js';
import { CancelledError, ConfigError, ProviderError } from '../core/errors.js';
import type { ChatMessage, ChatRequest, ChatResult, Provider, TokenLogprob } from '../core/provider.js';
import {
  importNodeLlamaCpp,
  type Llama,
  type LlamaContextSequence,
  type LlamaGrammar,
  type LlamaGrammarEvaluationState,
  type LlamaModel,
  type LlamaTokenOutput,
  type NodeLlamaCpp,
  type Token,
} from './llama-cpp-binding.js';

/** Plain chat layout for models whose file has no chat template of its own. */
function formatPrompt(messages: readonly ChatMessage[]): string {
  return `${messages.map((message) => `<|${message.role}|>\n${message.content}\n`).join('')}<|assistant|>\n`;
}

interface Loaded {
  library: NodeLlamaCpp;
  llama: Llama;
  model: LlamaModel;
  sequence: LlamaContextSequence;
}

/** Loads the model once: the library, one CPU context with one thread, and its one sequence. */
async function loadModel(id: string, path: string): Promise<Loaded> {
  const library = await importNodeLlamaCpp(id);
  const llama = await library.getLlama({ gpu: false, build: 'never' });
  const model = await llama.loadModel({ modelPath: path });
  const context = await model.createContext({
    threads: 1,
    contextSize: Math.min(4096, model.trainContextSize),
  });
  return { library, llama, model, sequence: context.getSequence() };
}

/** The grammar state that keeps sampling inside a request's JSON schema; grammars built once per schema. */
async function grammarStateOf(
  loaded: Loaded,
  grammars: Map<string, Promise<LlamaGrammar>>,
  request: ChatRequest,
): Promise<LlamaGrammarEvaluationState | undefined> {
  if (!request.jsonSchema) return undefined;
  const { library, llama, model } = loaded;
  const key = JSON.stringify(request.jsonSchema.schema);
  let grammar = grammars.get(key);
  if (!grammar) {
    // The schema is validated again with zod by the caller; the grammar only shapes sampling.
    grammar = llama.createGrammarForJsonSchema(request.jsonSchema.schema);
    grammars.set(key, grammar);
  }
  return new library.LlamaGrammarEvaluationState({ model, grammar: await grammar });
}

/** A generated token's log-probability with the request's top alternatives. */
function logprobOf(
  model: LlamaModel,
  output: LlamaTokenOutput,
  probabilities: Map<Token, number>,
  topLogprobs: number | undefined,
): TokenLogprob {
  const top = [...probabilities.entries()].slice(0, topLogprobs).map(([token, probability]) => ({
    token: model.detokenize([token]),
    logprob: Math.log(probability),
  }));
  return { token: model.detokenize([output.token]), logprob: Math.log(output.confidence), top };
}

/** One reply of a loaded model: the sequence cleared, the prompt evaluated, tokens sampled to the end. */
async function generateReply(
  loaded: Loaded,
  grammars: Map<string, Promise<LlamaGrammar>>,
  request: ChatRequest,
  modelPath: string,
): Promise<ChatResult> {
  const { model, sequence } = loaded;
  const params = request.params ?? {};
  const grammarState = await grammarStateOf(loaded, grammars, request);
  await sequence.clearHistory();
  const promptTokens = model.tokenize(formatPrompt(request.messages));
  const maxTokens = params.maxTokens ?? 256;
  const wantLogprobs = (request.topLogprobs ?? 0) > 0;
  const generated: Token[] = [];
  const logprobs: TokenLogprob[] = [];
  const iterator = sequence.evaluateWithMetadata(
    promptTokens,
    { probabilities: wantLogprobs, confidence: true },
    {
      temperature: params.temperature ?? 0,
      topP: params.topP,
      seed: params.seed ?? 0,
      grammarEvaluationState: grammarState,
    },
  );
  for await (const output of iterator) {
    if (request.signal?.aborted) throw new CancelledError();
    if (model.isEogToken(output.token)) break;
    generated.push(output.token);
    if (wantLogprobs && output.probabilities instanceof Map)
      logprobs.push(logprobOf(model, output, output.probabilities, request.topLogprobs));
    if (generated.length >= maxTokens) break;
    if (grammarState && isCompleteJson(model.detokenize(generated))) break;
  }
  return {
    text: model.detokenize(generated),
    usage: { inputTokens: promptTokens.length, outputTokens: generated.length },
    model: modelPath,
    finishReason: generated.length >= maxTokens ? 'length' : 'stop',
    ...(wantLogprobs ? { logprobs } : {}),
  };
}

/**
 * A local GGUF model through node-llama-cpp (an optional peer dependency): one CPU context with
 * one thread and one sequence, calls served one at a time; JSON-schema grammars and log-probabilities.
 */
export function createLlamaCppProvider(options: {
  id: string;
  modelPath: string;
  providerConfig: ProviderConfig;
  configDir: string;
}): Provider {
  const path = resolve(options.configDir, options.modelPath);
  if (!existsSync(path)) throw new ConfigError(`model ${options.id}: GGUF file not found: ${path}`);
  let loading: Promise<Loaded> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const grammars = new Map<string, Promise<LlamaGrammar>>();
  const generate = async (request: ChatRequest): Promise<ChatResult> => {
    loading ??= loadModel(options.id, path);
    return generateReply(await loading, grammars, request, options.modelPath);
  };

  return {
    id: options.id,
    capabilities: { chat: true, embeddings: false, logprobs: true, jsonSchema: true },
    chat(request) {
      const next = queue.then(() =>
        generate(request).catch((error: unknown) => {
          if (error instanceof ConfigError || error instanceof CancelledError) throw error;
          const reason = error instanceof Error ? error.message : String(error);
          throw new ProviderError(`${options.id}: ${reason}`, {
            providerId: options.id,
            isRetryable: false,
            cause: error,
          });
        }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      if (!loading) return;
      const loaded = await loading.catch(() => undefined);
      await loaded?.model.dispose();
    },
  };
}

function isCompleteJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
