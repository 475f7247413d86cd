import type { PromptTemplate } from '../core/prompts/define-prompt.js';
import type { PROMPTS, PromptId } from '../core/prompts/templates.js';
import { valuePrimingPrompt } from '../core/prompts/templates.js';
import type { ChatRequest } from '../core/provider.js';
import { findValue } from '../core/value-theory.js';
import {
  answerExploreFact,
  answerExploreQuestion,
  answerRefine,
  answerReflect,
} from './answer-generation.js';
import { answerSafety, capWords } from './answer-misc.js';
import { answerJudgeBatched, answerJudgeValue, answerOpinion } from './answer-opinion.js';
import type { SandboxModel } from './models.js';
import { recognise } from './recognise.js';
import type { SandboxReply, Turn } from './turn.js';
import { primed, type SandboxWorld } from './world.js';

export type { SandboxReply } from './turn.js';

type VariablesOf<Template> = Template extends PromptTemplate<infer Name> ? Record<Name, string> : never;
type Handlers = {
  [Id in PromptId]: (turn: Turn, variables: VariablesOf<(typeof PROMPTS)[Id]>) => SandboxReply;
};

/** How the simulated model answers each adaem prompt; a new prompt fails to compile until it is here. */
const handlers: Handlers = {
  opinion: (turn, v) => answerOpinion(turn, v.question),
  'judge-value': (turn, v) => answerJudgeValue(turn, v.opinion, v.value_name),
  'judge-batched': (turn, v) => answerJudgeBatched(turn, v.opinion),
  'explore-fact': (turn, v) => answerExploreFact(turn, v.question, v.examples),
  'explore-question': (turn, v) => answerExploreQuestion(turn, v.question, v.examples),
  reflect: (turn, v) => answerReflect(turn, v.question, v.answers),
  refine: (turn, v) => answerRefine(turn, v.question, v.suggestions),
  'statement-to-question': (_, v) => {
    const body = v.statement
      .trim()
      .replace(/[.!]+$/, '')
      .replace(/^we should\s+/i, '');
    return { text: `Question: ${capWords(`Should we ${body.charAt(0).toLowerCase()}${body.slice(1)}`, 25)}` };
  },
  safety: (turn, v) => answerSafety(turn, v.text),
  // A priming message alone, with nothing to answer.
  'value-priming': (turn) => ({
    text: `I am ${turn.model.name}, a simulated model. What would you like to ask?`,
  }),
};

/** Unprimed models share one all-zero bias per theory size (never written to). */
const zeroBias = new Map<number, number[]>();

function answerTemplates(turn: Turn): SandboxReply | undefined {
  const found = recognise(turn.messages);
  if (!found) return undefined;
  return (handlers[found.id] as (turn: Turn, variables: Record<string, string>) => SandboxReply)(
    turn,
    found.variables,
  );
}

/** The plain noise key of each model (no request seed, first sample), built once. */
const plainNoise = new WeakMap<SandboxModel, string>();

/** What tells samples apart: world seed, request seed, sample index and model. */
function noiseOf(world: SandboxWorld, model: SandboxModel, request: ChatRequest): string {
  const seed = request.params?.seed;
  const sample = request.sampleIndex ?? 0;
  if (seed == null && sample === 0) {
    let noise = plainNoise.get(model);
    if (noise === undefined) {
      noise = `${world.seed}||0|${model.name}`;
      plainNoise.set(model, noise);
    }
    return noise;
  }
  return `${world.seed}|${seed ?? ''}|${sample}|${model.name}`;
}

/**
 * Answers one request as the simulated model, recognising every adaem prompt template; a leading
 * system message that is not part of a template (a configured system prompt or a value priming) is
 * set aside, and a priming shifts the model's weights and the values it voices.
 */
export function respond(world: SandboxWorld, model: SandboxModel, request: ChatRequest): SandboxReply {
  let bias = zeroBias.get(model.weights.length);
  if (!bias) {
    bias = model.weights.map(() => 0);
    zeroBias.set(bias.length, bias);
  }
  const turn: Turn = {
    world,
    model,
    weights: model.weights,
    bias,
    messages: request.messages,
    request,
    noise: noiseOf(world, model, request),
  };
  const direct = answerTemplates(turn);
  if (direct) return direct;
  const first = request.messages[0];
  if (first?.role === 'system' && request.messages.length > 1) {
    const priming = valuePrimingPrompt.match([first]);
    const shifted = priming ? primed(world, model.weights, priming.value_name) : {};
    const inner = answerTemplates({ ...turn, ...shifted, messages: request.messages.slice(1) });
    if (inner) return inner;
  }
  const last = request.messages.at(-1)?.content ?? '';
  const value = findValue(world.theory, last.trim());
  return {
    text: value
      ? `${value.name}: ${value.definition}`
      : `I am ${model.name}, a simulated model. I have no specific answer to that.`,
  };
}
