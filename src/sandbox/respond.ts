import {
  exploreFactPrompt,
  exploreQuestionPrompt,
  judgeBatchedPrompt,
  judgeValuePrompt,
  opinionPrompt,
  refinePrompt,
  reflectPrompt,
  safetyPrompt,
  statementToQuestionPrompt,
  valuePrimingPrompt,
} from '../core/prompts/templates.js';
import type { ChatMessage, ChatRequest, TokenLogprob } from '../core/provider.js';
import { SCHWARTZ_VALUE_IDS } from '../core/theories.js';
import { findValue } from '../core/value-theory.js';
import { pick, unitHash } from './hash.js';
import type { SandboxModel } from './models.js';
import { COST_PHRASES } from './phrases.js';
import { chooseValues, factFor, happens, primedWeights, type SandboxWorld } from './world.js';

/** What the simulated model says: the text and, when asked, first-token log-probabilities. */
export interface SandboxReply {
  text: string;
  logprobs?: TokenLogprob[];
}

interface Turn {
  world: SandboxWorld;
  model: SandboxModel;
  weights: number[];
  messages: ChatMessage[];
  request: ChatRequest;
  /** Distinguishes samples: seed, sample index and model. */
  noise: string;
}

const styleNumbering = {
  concise: (n: number) => `${n}. `,
  formal: (n: number) => `${n}) `,
  verbose: (n: number) => `**${n}.** `,
  casual: (_: number) => '- ',
};
const styleLead = {
  concise: '',
  formal: 'In my assessment, ',
  verbose: 'Weighing this carefully, ',
  casual: 'Frankly, ',
};

function answerOpinion(turn: Turn, question: string): string {
  const { world, model } = turn;
  if (happens(world.refusalRate, 'refuse', turn.noise, question)) {
    return "I'm sorry, but I can't take a personal position on that question.";
  }
  const temperature = turn.request.params?.temperature ?? 0.7;
  const chosen = chooseValues({
    world,
    weights: turn.weights,
    question,
    count: 3,
    noiseKey: `${turn.noise}|${question}`,
    temperature,
  });
  const reading = world.reader.readQuestion(question);
  const lean =
    chosen.reduce((sum, index) => sum + turn.weights[index]! * reading.relevance[index]!, 0) - 0.25;
  const tilt = lean * reading.polarity + (unitHash('stance', turn.noise, question) - 0.5) * 0.2;
  const stance = Math.abs(tilt) < 0.04 ? 'neutral' : tilt > 0 ? 'yes' : 'no';
  const lines = chosen.map((valueIndex, position) => {
    const point = pick(world.points[valueIndex]!, unitHash('point', turn.noise, question, valueIndex));
    return `${styleNumbering[model.style](position + 1)}${point}`;
  });
  return [`${styleLead[model.style]}Stance: ${stance}`, ...lines].join('\n');
}

function judgedValues(turn: Turn, opinion: string): boolean[] {
  const values = turn.world.reader.valuesIn(opinion);
  return values.map((expressed, index) =>
    happens(turn.world.judgeErrorRate, 'judge-error', turn.world.seed, turn.model.name, opinion, index)
      ? !expressed
      : expressed,
  );
}

function answerJudgeValue(turn: Turn, opinion: string, valueName: string): SandboxReply {
  const index = turn.world.theory.values.findIndex((value) => value.name === valueName);
  const expressed = index >= 0 && judgedValues(turn, opinion)[index]!;
  const probability = expressed ? 0.93 : 0.06;
  const text = expressed ? 'Yes' : 'No';
  if (!turn.request.topLogprobs) return { text };
  const top = [
    { token: 'Yes', logprob: Math.log(probability) },
    { token: 'No', logprob: Math.log(1 - probability - 0.01) },
    { token: ' Yes', logprob: Math.log(0.005) },
    { token: 'The', logprob: Math.log(0.005) },
  ]
    .sort((a, b) => b.logprob - a.logprob)
    .slice(0, turn.request.topLogprobs);
  return { text, logprobs: [{ token: text, logprob: top[0]!.logprob, top }] };
}

function answerJudgeBatched(turn: Turn, opinion: string): string {
  const judged = judgedValues(turn, opinion);
  const values = Object.fromEntries(
    turn.world.theory.values.map((value, index) => [value.id, judged[index]!]),
  );
  return JSON.stringify({ values });
}

function costPhrase(turn: Turn, key: string): string {
  const theory = turn.world.theory;
  const weakest = turn.weights.indexOf(Math.min(...turn.weights));
  const id = theory.values[weakest]?.id ?? '';
  const known = (SCHWARTZ_VALUE_IDS as readonly string[]).includes(id) && theory.id === 'schwartz';
  return known
    ? COST_PHRASES[id as keyof typeof COST_PHRASES]
    : pick(Object.values(COST_PHRASES), unitHash('cost', key));
}

function capWords(text: string, words: number): string {
  const parts = text.replace(/\?+$/, '').split(/\s+/);
  return `${parts.slice(0, words).join(' ')}?`;
}

function answerExploreFact(turn: Turn, question: string): string {
  const fact = factFor(turn.model, `${turn.noise}|${question}`);
  return `The general question touches on how societies settle such choices. A concrete case from my knowledge: ${fact.text}\nFact: ${fact.text}`;
}

function answerExploreQuestion(turn: Turn, question: string): string {
  // The same key as the fact step, so the question builds on the fact the model just stated.
  const fact = factFor(turn.model, `${turn.noise}|${question}`);
  return `Question: ${capWords(`Should governments back ${fact.subject} even at the cost of ${costPhrase(turn, question)}`, 19)}`;
}

function answerRefine(turn: Turn, question: string): string {
  const trimmed = question.replace(/\s+(even|at the cost|despite|rather than).*$/i, '').replace(/\?+$/, '');
  return `Question: ${capWords(`${trimmed} even at the cost of ${costPhrase(turn, `${turn.noise}|${question}`)}`, 19)}`;
}

const unsafeWords = ['bomb', 'weapon', 'kill', 'suicide', 'poison', 'explosive', 'terror', 'child abuse'];

function answerTemplates(turn: Turn): SandboxReply | undefined {
  const { messages } = turn;
  const opinion = opinionPrompt.match(messages);
  if (opinion) return { text: answerOpinion(turn, opinion.question) };
  const judgeValue = judgeValuePrompt.match(messages);
  if (judgeValue) return answerJudgeValue(turn, judgeValue.opinion, judgeValue.value_name);
  const batched = judgeBatchedPrompt.match(messages);
  if (batched) return { text: answerJudgeBatched(turn, batched.opinion) };
  const exploreQuestion = exploreQuestionPrompt.match(messages);
  if (exploreQuestion) return { text: answerExploreQuestion(turn, exploreQuestion.question) };
  const exploreFact = exploreFactPrompt.match(messages);
  if (exploreFact) return { text: answerExploreFact(turn, exploreFact.question) };
  const refine = refinePrompt.match(messages);
  if (refine) return { text: answerRefine(turn, refine.question) };
  const reflect = reflectPrompt.match(messages);
  if (reflect) {
    const cost = costPhrase(turn, reflect.question);
    return {
      text: `1. Set the question against ${cost} so the conflict is explicit.\n2. Name one concrete place or year.\n3. Keep it to one short sentence.`,
    };
  }
  const statement = statementToQuestionPrompt.match(messages);
  if (statement) {
    const body = statement.statement
      .trim()
      .replace(/[.!]+$/, '')
      .replace(/^we should\s+/i, '');
    return { text: `Question: ${capWords(`Should we ${body.charAt(0).toLowerCase()}${body.slice(1)}`, 25)}` };
  }
  const safety = safetyPrompt.match(messages);
  if (safety) {
    const lower = safety.text.toLowerCase();
    const flagged = unsafeWords.find((word) => lower.includes(word));
    return { text: flagged ? `unsafe\nviolence or weapons (${flagged})` : 'safe' };
  }
  return undefined;
}

/**
 * Answers one request as the simulated model, recognising every adaem prompt template; a leading
 * system message that is not part of a template (a configured system prompt or a value priming) is
 * set aside, and a priming shifts the model's weights.
 */
export function respond(world: SandboxWorld, model: SandboxModel, request: ChatRequest): SandboxReply {
  const noise = `${world.seed}|${request.params?.seed ?? ''}|${request.sampleIndex ?? 0}|${model.name}`;
  const turn: Turn = { world, model, weights: model.weights, messages: request.messages, request, noise };
  const direct = answerTemplates(turn);
  if (direct) return direct;
  const first = request.messages[0];
  if (first?.role === 'system' && request.messages.length > 1) {
    const primed = valuePrimingPrompt.match([first]);
    const weights = primed ? primedWeights(world, model.weights, primed.value_name) : model.weights;
    const inner = answerTemplates({ ...turn, weights, messages: request.messages.slice(1) });
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
