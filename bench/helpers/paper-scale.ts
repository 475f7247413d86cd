import { AdaemConfigSchema } from '../../src/core/config.js';
import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import { createEngine } from '../../src/providers/engine.js';
import { runEvaluation } from '../../src/run/evaluate/evaluate.js';
import { BUILT_IN_MODELS } from '../../src/sandbox/models.js';
import { sandboxQuestions } from '../../src/sandbox/questions.js';
import type { Store } from '../../src/store/index.js';

/** Six config-defined sandbox models on top of the ten built-ins: the paper's 16 examinees. */
export const EXTRA_MODELS = ['kestrel', 'lumen', 'moraine', 'nimbus', 'onyx', 'pampas'].map(
  (name, index) => ({
    name,
    weights: Object.fromEntries(
      SCHWARTZ_THEORY.values.map((value, position) => [value.id, ((position + index * 3) % 10) / 10 + 0.05]),
    ),
  }),
);

export const PAPER_QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 12_310);
export const config = AdaemConfigSchema.parse({ sandbox: { models: EXTRA_MODELS } });
export const examinees = [
  ...BUILT_IN_MODELS.map((model) => model.name),
  ...EXTRA_MODELS.map((model) => model.name),
].map((name) => `sandbox:${name}`);
export const questions = sandboxQuestions({ count: PAPER_QUESTIONS, kind: 'tradeoff', seed: 9 });

/** Runs (or resumes) the paper-scale evaluation on `store`. */
export async function paperScaleRun(options: {
  store: Store;
  runId: string;
  resume?: boolean;
  onProgress?: (done: number, total: number) => void;
}) {
  const engine = createEngine({
    config,
    theory: SCHWARTZ_THEORY,
    cache: options.store.cache,
    recorder: options.store.calls,
    runId: options.runId,
  });
  const results = await runEvaluation({
    config,
    theory: SCHWARTZ_THEORY,
    engine,
    store: options.store,
    questions: options.resume ? undefined : questions,
    examinees,
    judge: 'sandbox:judge',
    judgeMode: 'batched',
    runId: options.runId,
    resume: options.resume,
    concurrency: 256,
    onProgress: (progress) => options.onProgress?.(progress.itemsDone, progress.itemsTotal),
  });
  return { results, usage: engine.usage() };
}
