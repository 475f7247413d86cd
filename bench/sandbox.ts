// bench:sandbox — how fast the simulated panel answers, in-process and over HTTP.
import { AdaemConfigSchema } from '../src/core/config.js';
import { formatDefinitions, judgeBatchedPrompt, opinionPrompt } from '../src/core/prompts/templates.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { BUILT_IN_MODELS } from '../src/sandbox/models.js';
import { createSandboxProvider } from '../src/sandbox/provider.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { startSandboxServer } from '../src/sandbox/server.js';
import { pool } from './helpers/figures.js';

const config = AdaemConfigSchema.parse({});
const questions = sandboxQuestions({ count: 20_000, kind: 'tradeoff', seed: 5 }).map(
  (question) => question.text,
);
// One-time set-up: the world (models, lexicon) and the English model its reader loads.
const setupStarted = performance.now();
const atlas = createSandboxProvider({ model: 'atlas', config, theory: SCHWARTZ_THEORY });
const judge = createSandboxProvider({ model: 'judge', config, theory: SCHWARTZ_THEORY });
const panel = BUILT_IN_MODELS.map((model) =>
  createSandboxProvider({ model: model.name, config, theory: SCHWARTZ_THEORY }),
);

const setupMs = performance.now() - setupStarted;

// First sight of a question: the sandbox reads it (tokens, lemmas, part of speech) once per world.
let started = performance.now();
const cold = questions.slice(0, 2_000);
for (const question of cold) await atlas.chat({ messages: opinionPrompt.render({ question }) });
const firstReadingMs = (performance.now() - started) / cold.length;

// The workload of evaluation and generation: every panel model answers each question.
const panelQuestions = questions.slice(2_000, 4_000);
started = performance.now();
const opinions: string[] = [];
for (const question of panelQuestions) {
  for (const model of panel) {
    opinions.push((await model.chat({ messages: opinionPrompt.render({ question }) })).text);
  }
}
const opinionRate = opinions.length / ((performance.now() - started) / 1000);

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
const paperReading = (12_310 * firstReadingMs) / 1000;
console.log('adaem bench:sandbox — simulated models (in this process unless noted)');
console.log(`world set-up:           ${setupMs.toFixed(0)} ms once per process (loads the English model)`);
console.log(
  `first reading of a new question: ${(firstReadingMs * 1000).toFixed(0)} µs (one opinion included)`,
);
console.log(
  `opinion prompts:        ${opinionRate.toFixed(0)} answers/s (10 models answering each new question)`,
);
console.log(`batched judge prompts:  ${judgeRate.toFixed(0)} answers/s`);
console.log(
  `HTTP server:            ${httpRate.toFixed(0)} requests/s at concurrency 64 (client in the same process)`,
);
console.log(
  `paper scale (12,310 questions × 16 models, batched judge): ${(paperReading + paperOpinions / opinionRate + paperJudge / judgeRate).toFixed(1)} s of simulation for ${paperOpinions} opinions + ${paperJudge} judge calls`,
);
