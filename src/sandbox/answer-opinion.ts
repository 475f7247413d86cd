import { planOpinion, pointText } from './compose-opinion.js';
import { BoundedMemo } from './memo.js';
import type { SandboxModel } from './models.js';
import type { SandboxReply, Turn } from './turn.js';
import { happens } from './world.js';

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

/** The opinion prompt: a stance and three key points carrying the values the model plans to voice. */
export function answerOpinion(turn: Turn, question: string): SandboxReply {
  const { world, model } = turn;
  if (happens(world.refusalRate, 'refuse', turn.noise, question)) {
    return { text: "I'm sorry, but I can't take a personal position on that question." };
  }
  const plan = planOpinion({
    world,
    model,
    weights: turn.weights,
    bias: turn.bias,
    reading: world.reader.readQuestion(question),
    noiseKey: `${turn.noise}|${question}`,
    temperature: turn.request.params?.temperature ?? 0.7,
  });
  if (plan.bewildered) {
    return {
      text: "I'm not sure what this question refers to; it doesn't read as a real issue, so I can't give a position on it.",
    };
  }
  const lines = plan.points.map(
    (values, position) =>
      `${styleNumbering[model.style](position + 1)}${pointText(world, values, plan.key, position)}`,
  );
  return { text: [`${styleLead[model.style]}Stance: ${plan.stance}`, ...lines].join('\n') };
}

/** What a judge model answered per opinion text (it answers the same text the same way). */
const judgeMemos = new WeakMap<
  SandboxModel,
  { values: BoundedMemo<string, boolean[]>; batched: BoundedMemo<string, string> }
>();

function judgeMemo(turn: Turn) {
  let memo = judgeMemos.get(turn.model);
  if (!memo) {
    memo = { values: new BoundedMemo(20_000), batched: new BoundedMemo(20_000) };
    judgeMemos.set(turn.model, memo);
  }
  return memo;
}

function judgedValues(turn: Turn, opinion: string): boolean[] {
  const { world, model } = turn;
  return judgeMemo(turn).values.through(opinion, () =>
    world.reader
      .valuesIn(opinion)
      .map((expressed, index) =>
        happens(world.judgeErrorRate, 'judge-error', world.seed, model.name, opinion, index)
          ? !expressed
          : expressed,
      ),
  );
}

/** Per-value judging: Yes or No, with first-token log-probabilities when asked. */
export function answerJudgeValue(turn: Turn, opinion: string, valueName: string): SandboxReply {
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

/** Batched judging: every value at once as JSON. */
export function answerJudgeBatched(turn: Turn, opinion: string): SandboxReply {
  const text = judgeMemo(turn).batched.through(opinion, () => {
    const judged = judgedValues(turn, opinion);
    const values = Object.fromEntries(
      turn.world.theory.values.map((value, index) => [value.id, judged[index]!]),
    );
    return JSON.stringify({ values });
  });
  return { text };
}
