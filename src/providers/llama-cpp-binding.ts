import { ConfigError } from '../core/errors.js';

/**
 * The part of node-llama-cpp's API adaem uses. node-llama-cpp is an optional peer (~690 MB of
 * platform binaries), so its own type declarations are not there when adaem is built or type-checked.
 */
export type Token = number;

export interface LlamaGrammar {
  readonly grammar?: string;
}

export interface LlamaGrammarEvaluationState {
  readonly grammar?: LlamaGrammar;
}

export interface LlamaTokenOutput {
  token: Token;
  confidence: number;
  probabilities?: Map<Token, number>;
}

export interface LlamaContextSequence {
  clearHistory(): Promise<void>;
  evaluateWithMetadata(
    tokens: Token[],
    metadata: { probabilities: boolean; confidence: true },
    options: {
      temperature: number;
      topP?: number;
      seed: number;
      grammarEvaluationState?: LlamaGrammarEvaluationState;
    },
  ): AsyncIterable<LlamaTokenOutput>;
}

export interface LlamaModel {
  readonly trainContextSize: number;
  tokenize(text: string): Token[];
  detokenize(tokens: readonly Token[]): string;
  isEogToken(token: Token): boolean;
  createContext(options: {
    threads: number;
    contextSize: number;
  }): Promise<{ getSequence(): LlamaContextSequence }>;
  dispose(): Promise<void>;
}

export interface Llama {
  loadModel(options: { modelPath: string }): Promise<LlamaModel>;
  createGrammarForJsonSchema(schema: Record<string, unknown>): Promise<LlamaGrammar>;
}

export interface NodeLlamaCpp {
  getLlama(options: { gpu: false; build: 'never' }): Promise<Llama>;
  LlamaGrammarEvaluationState: new (options: {
    model: LlamaModel;
    grammar: LlamaGrammar;
  }) => LlamaGrammarEvaluationState;
}

/** The npm name, kept in a variable so neither tsc nor the bundler needs the package. */
const PACKAGE = 'node-llama-cpp';

/** Imports node-llama-cpp, or explains how to install it (a ConfigError naming the model). */
export async function importNodeLlamaCpp(modelId: string): Promise<NodeLlamaCpp> {
  try {
    const library: NodeLlamaCpp = await import(PACKAGE);
    return library;
  } catch (error) {
    throw new ConfigError(`model ${modelId} needs node-llama-cpp: run npm i node-llama-cpp@3.21.1`, {
      cause: error,
    });
  }
}
