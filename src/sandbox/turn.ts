import type { ChatMessage, ChatRequest, TokenLogprob } from '../core/provider.js';
import type { SandboxModel } from './models.js';
import type { SandboxWorld } from './world.js';

/** What the simulated model says: the text and, when asked, first-token log-probabilities. */
export interface SandboxReply {
  text: string;
  logprobs?: TokenLogprob[];
}

/** One request as a simulated model sees it. */
export interface Turn {
  world: SandboxWorld;
  model: SandboxModel;
  /** The model's weights, after any priming. */
  weights: number[];
  /** Priming bias per value (zeros when unprimed). */
  bias: number[];
  messages: ChatMessage[];
  request: ChatRequest;
  /** Distinguishes samples: seed, request seed, sample index and model. */
  noise: string;
}
