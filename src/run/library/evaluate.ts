import type { z } from 'zod';
import { resolveTheory } from '../../config/load-config.js';
import { AdaemConfigSchema } from '../../core/config.js';
import type { JudgeMode, Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import type { Store } from '../../store/index.js';
import type { EvaluateResults } from '../evaluate/collect-results.js';
import { type EvaluateProgress, runEvaluation } from '../evaluate/evaluate.js';
import { withLibraryRun } from './library-run.js';

/** Options of the library's `evaluate`; everything but questions, models and judge has a default. */
export interface EvaluateOptions {
  /** Questions, or the path of a question file (JSONL, CSV, ValueBench CSV, TXT). */
  questions: Question[] | string;
  /** Examinee model ids (`provider:model`). */
  models: string[];
  judge: string;
  /** A store path or an open store. @default ".adaem/adaem.db" */
  store?: string | Store;
  /** Config (as in adaem.yaml) for providers, prices, sandbox and evaluate settings. */
  config?: z.input<typeof AdaemConfigSchema>;
  /** Value theory. @default SCHWARTZ_THEORY */
  theory?: ValueTheory;
  judgeMode?: JudgeMode;
  samples?: number;
  maxCost?: number;
  /** Let `maxCost` pass models without a known price (they count as free). @default false */
  allowUnpriced?: boolean;
  maxErrorRate?: number;
  runId?: string;
  resume?: boolean;
  /** Where API keys are looked up. @default process.env */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  onProgress?: (progress: EvaluateProgress) => void;
}

/** Evaluates `models` on `questions` with `judge` and returns typed results (the CLI's `evaluate` as a function). */
export async function evaluate(options: EvaluateOptions): Promise<EvaluateResults> {
  const config = AdaemConfigSchema.parse(options.config ?? {});
  const theory = options.theory ?? resolveTheory(config.theory, process.cwd(), 'config');
  const questions =
    typeof options.questions === 'string'
      ? await loadQuestions({ path: options.questions, limits: config.input, signal: options.signal })
      : options.questions;
  return withLibraryRun({ ...options, config, theory, kind: 'evaluate' }, ({ store, engine, runId }) =>
    runEvaluation({
      config,
      theory,
      engine,
      store,
      questions,
      questionSource: typeof options.questions === 'string' ? options.questions : 'library',
      examinees: options.models,
      judge: options.judge,
      judgeMode: options.judgeMode,
      samples: options.samples,
      maxCost: options.maxCost,
      allowUnpriced: options.allowUnpriced,
      maxErrorRate: options.maxErrorRate,
      runId,
      resume: options.resume,
      signal: options.signal,
      onProgress: options.onProgress,
    }),
  );
}
