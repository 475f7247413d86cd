// bench:sandbox — how fast the simulated panel answers, in-process and over HTTP.
import { AdaemConfigSchema } from '../src/core/config.js';
import { formatDefinitions, judgeBatchedPrompt, opinionPrompt } from '../src/core/prompts/templates.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { createSandboxProvider } from '../src/sandbox/provider.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { startSandboxServer } from '../src/sandbox/server.js';
import { pool } from './helpers/figures.js';

const config = AdaemConfigSchema.parse({});
const questions = sandboxQuestions({ count: 20_000, kind: 'tradeoff', seed: 5 }).map(
  (question) => question.text,
);
const atlas = createSandboxProvider({ model: 'atlas', config, theory: SCHWARTZ_THEORY });
const judge = createSandboxProvider({ model: 'judge', config, theory: SCHWARTZ_THEORY });

let started = performance.now();
const opinions: string[] = [];
for (const [index, question] of questions.entries()) {
  opinions.push(
    (await atlas.chat({ messages: opinionPrompt.render({ question }), sampleIndex: index })).text,
  );
}
const opinionRate = questions.length / ((performance.now() - started) / 1000);

const shared = {
  theory_name: SCHWARTZ_THEORY.name,
  definitions: formatDefinitions(SCHWARTZ_THEORY),
  value_ids: SCHWARTZ_THEORY.values.map((value) => value.id).join(', '),
};
const points = opinions.flatMap((text) => text.split('\n').slice(1));
started = performance.now();
for (const point of points) {
  await judge.chat({
    messages: judgeBatchedPrompt.render({
      ...shared,
      opinion: point,
    }),
  });
}
const judgeRate = points.length / ((performance.now() - started) / 1000);

const server = await startSandboxServer({ config, theory: SCHWARTZ_THEORY });
const requests = 20_000;
started = performance.now();
await pool(requests, 64, async (index) => {
  const response = await fetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'atlas', messages: opinionPrompt.render({ question: questions[index]! }) }),
  });
  await response.json();
});
const httpRate = requests / ((performance.now() - started) / 1000);
await server.close();

const paperOpinions = 12_310 * 16;
const paperJudge = paperOpinions * 3;
console.log('adaem bench:sandbox — simulated models (in this process unless noted)');
console.log(`opinion prompts:        ${opinionRate.toFixed(0)} answers/s`);
console.log(`batched judge prompts:  ${judgeRate.toFixed(0)} answers/s`);
console.log(
  `HTTP server:            ${httpRate.toFixed(0)} requests/s at concurrency 64 (client in the same process)`,
);
console.log(
  `paper scale (12,310 questions × 16 models, batched judge): ${(paperOpinions / opinionRate + paperJudge / judgeRate).toFixed(1)} s of simulation for ${paperOpinions} opinions + ${paperJudge} judge calls`,
);
