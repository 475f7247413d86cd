import type { AdaemConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import type { JudgeMode, Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { createEngine } from '../../providers/engine.js';
import type { Store } from '../../store/index.js';
import { runEvaluation } from '../evaluate/evaluate.js';
import { type LoadedEvaluation, loadEvaluation } from './load-evaluation.js';
import { configForArm, primingMessage, primingTargets } from './priming-arms.js';
import { type PrimingEffect, primingEffects } from './priming-effects.js';

/** The effect of priming one value. */
export interface PrimedValue {
  valueId: string;
  runId: string;
  target: PrimingEffect;
  sameGroup: PrimingEffect | null;
  oppositeGroup: PrimingEffect | null;
}

export interface PrimingResult {
  model: string;
  judge: string;
  questions: number;
  baselineRunId: string;
  values: PrimedValue[];
  /** Means over primed values of the relative change of the target, its group and the opposite group. */
  summary: { target: number | null; sameGroup: number | null; oppositeGroup: number | null };
}

/** The mean of the numbers present (null when none is). */
const meanOf = (values: (number | null | undefined)[]): number | null => {
  const present = values.filter((value): value is number => typeof value === 'number');
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
};

/**
 * Construct validity by priming: evaluates `model` on the questions without priming and once per
 * target value with a system message priming that value (each arm a stored evaluation run), then
 * compares per question the target, its group and the opposite group with paired t-tests.
 */
export async function runPrimingValidation(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  configDir: string;
  store: Store;
  questions: Question[];
  questionSource: string;
  model: string;
  judge: string;
  judgeMode: JudgeMode;
  values: string[];
  /** Prefix of the arms' run ids. */
  runPrefix: string;
  signal?: AbortSignal;
  onArm?: (runId: string) => void;
}): Promise<{ result: PrimingResult; runs: LoadedEvaluation[] }> {
  if (options.questions.length < 2)
    throw new ConfigError(
      `priming needs at least 2 questions for a paired test (got ${options.questions.length})`,
    );
  const runs: LoadedEvaluation[] = [];
  for (const arm of primingArms(options.theory, options.values)) runs.push(await runArm(options, arm));
  return { runs, result: compareArms(options, runs) };
}

type PrimingOptions = Parameters<typeof runPrimingValidation>[0];

/** One arm of the experiment: its id and the system message it primes with (none for the baseline). */
interface PrimingArm {
  id: string;
  systemPrompt: string | undefined;
}

/** The baseline arm, then one arm per value to prime. */
function primingArms(theory: ValueTheory, values: readonly string[]): PrimingArm[] {
  return [
    { id: 'baseline', systemPrompt: undefined },
    ...values.map((valueId) => ({
      id: valueId,
      systemPrompt: primingMessage(theory, valueId),
    })),
  ];
}

/** Evaluates the model in one arm as a stored evaluation run, and loads that run back. */
async function runArm(options: PrimingOptions, arm: PrimingArm): Promise<LoadedEvaluation> {
  const runId = `${options.runPrefix}-${arm.id.replace(/_/g, '-')}`;
  const config = configForArm(options.config, options.model, arm.systemPrompt);
  const engine = createEngine({
    config,
    theory: options.theory,
    configDir: options.configDir,
    cache: options.store.cache,
    recorder: options.store.calls,
    runId,
    signal: options.signal,
  });
  try {
    options.onArm?.(runId);
    await runEvaluation({
      config,
      theory: options.theory,
      engine,
      store: options.store,
      questions: options.questions,
      questionSource: options.questionSource,
      examinees: [options.model],
      judge: options.judge,
      judgeMode: options.judgeMode,
      runId,
      signal: options.signal,
    });
  } finally {
    await engine.close();
  }
  return loadEvaluation(options.store, runId);
}

/** Each primed arm against the baseline (target, same group, opposite group), and their means. */
function compareArms(options: PrimingOptions, runs: readonly LoadedEvaluation[]): PrimingResult {
  const [baseline, ...primed] = runs;
  const values = primed.map((run, index) => ({
    valueId: options.values[index]!,
    runId: run.runId,
    ...primingEffects(primingTargets(options.theory, options.values[index]!), baseline!.records, run.records),
  }));
  return {
    model: options.model,
    judge: options.judge,
    questions: options.questions.length,
    baselineRunId: baseline!.runId,
    values,
    summary: {
      target: meanOf(values.map((value) => value.target.relativeChange)),
      sameGroup: meanOf(values.map((value) => value.sameGroup?.relativeChange)),
      oppositeGroup: meanOf(values.map((value) => value.oppositeGroup?.relativeChange)),
    },
  };
}
