import { join } from 'node:path';
import { AdaemConfigSchema } from '../../src/core/config.js';
import type { JudgeMode, Question } from '../../src/core/question.js';
import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import { createEngine } from '../../src/providers/engine.js';
import { runEvaluation } from '../../src/run/evaluate/evaluate.js';
import { BUILT_IN_MODELS } from '../../src/sandbox/models.js';
import { openStore } from '../../src/store/index.js';

/** Every built-in sandbox model id. */
export const SANDBOX_IDS = BUILT_IN_MODELS.map((model) => `sandbox:${model.name}`);

/** Evaluates sandbox models in-process on `questions` with a fresh store in `dir`. */
export async function evaluateSandbox(options: {
  dir: string;
  questions: Question[];
  judgeMode?: JudgeMode;
  examinees?: string[];
  samples?: number;
  sandbox?: Record<string, unknown>;
}) {
  const config = AdaemConfigSchema.parse({ sandbox: options.sandbox ?? {} });
  const name = `${options.judgeMode ?? 'batched'}-${options.samples ?? 1}`;
  const store = openStore({ path: join(options.dir, `${name}.db`) });
  const runId = store.runs.newRunId('evaluate');
  const engine = createEngine({
    config,
    theory: SCHWARTZ_THEORY,
    cache: store.cache,
    recorder: store.calls,
    runId,
  });
  try {
    const results = await runEvaluation({
      config,
      theory: SCHWARTZ_THEORY,
      engine,
      store,
      questions: options.questions,
      examinees: options.examinees ?? SANDBOX_IDS,
      judge: 'sandbox:judge',
      judgeMode: options.judgeMode ?? 'batched',
      samples: options.samples,
      runId,
    });
    return { results, usage: engine.usage(), judgements: store.judgements.list(results.runId) };
  } finally {
    store.close();
  }
}
