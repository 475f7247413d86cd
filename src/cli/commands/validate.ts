import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import type { AdaemConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import { type JudgeMode, JudgeModeSchema } from '../../core/question.js';
import { findValue, type ValueTheory } from '../../core/value-theory.js';
import { storeAnalysis } from '../../run/analyses/analysis-manifest.js';
import { judgeValidityKey, runJudgeValidation } from '../../run/analyses/judge-validity.js';
import { runPrimingValidation } from '../../run/analyses/priming.js';
import { modelsByRole } from '../../run/evaluate/evaluate.js';
import { type ViolatedAs, ViolatedAsSchema } from '../../stages/questions/labels-to-booleans.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import { readLabelled } from '../../stages/questions/read-labelled.js';
import { integerFlag } from '../analyze-options.js';
import { hiddenAlias, modelList, sharedOption, withExamples } from '../options.js';
import { renderJudgeValidity } from '../render/judge-validity.js';
import { renderPriming } from '../render/priming.js';
import type { CliRuntime } from '../runtime.js';
import { questionFileOf } from '../stage/stage-inputs.js';
import { printAnalysis } from './analyze.js';

/** Flags of `adaem validate priming`. */
interface PrimingFlags {
  models?: string;
  values: string;
  questions?: string;
  judge?: string;
  json?: boolean;
}

/** Flags of `adaem validate judge`. */
interface JudgeFlags {
  data: string;
  labels?: string;
  judge?: string;
  judgeMode?: string;
  limit?: string;
  violated: string;
  seed?: string;
  draws?: string;
  json?: boolean;
}

/** `adaem validate judge`: how well the judge agrees with human value labels. */
function registerValidateJudge(validate: Command, runtime: CliRuntime): void {
  const judge = validate
    .command('judge')
    .description('run the judge on texts labelled with values by people and measure how well it agrees')
    .requiredOption(
      '--data <file>',
      'labelled texts: JSONL {answer|text, expressed, violated}, JSONL/CSV {text, values}, or Touché23 arguments-*.tsv',
    )
    .option(
      '--labels <file>',
      "Touché23-ValueEval: the labels-*.tsv of --data's arguments-*.tsv (default: beside it)",
    )
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .option('--judge-mode <mode>', 'per-value, batched or logprob (default: evaluate.judgeMode)')
    .option('--limit <n>', 'judge a seeded sample of n texts')
    .option(
      '--violated <how>',
      'a value a text argues against counts as: expressed, absent or skip',
      'expressed',
    )
    .addOption(sharedOption.seed('seed of the sample and the bootstrap (default: the config seed)'))
    .option('--draws <n>', 'bootstrap draws of every interval', '1000')
    .addOption(sharedOption.json())
    .action((flags: JudgeFlags, command: Command) => validateJudge(runtime, flags, command));
  withExamples(judge, 'adaem validate judge --data labelled.jsonl --judge openai:gpt-4o-mini --limit 300');
}

/** Runs `validate judge`: judges the labelled texts, stores the agreement as an analysis and prints it. */
async function validateJudge(runtime: CliRuntime, flags: JudgeFlags, command: Command): Promise<void> {
  const loaded = runtime.loadConfig(command);
  const { theory, config } = loaded;
  const judge = judgeOf(flags.judge, config);
  const { mode, violated } = judgeValidationModes(flags, config);
  const texts = await readLabelledTexts(runtime, loaded, flags);
  const seed = integerFlag('--seed', flags.seed, config.seed, 0);
  const store = runtime.openStore(loaded);
  try {
    const id = store.runs.newRunId('analyze');
    const result = await runJudgeValidation({
      config,
      theory,
      configDir: loaded.dir,
      store,
      texts,
      judge,
      mode,
      violated,
      ...(flags.limit !== undefined ? { limit: integerFlag('--limit', flags.limit, 0, 1) } : {}),
      seed,
      draws: integerFlag('--draws', flags.draws, 1000, 10),
      runId: id,
      signal: runtime.signal,
    });
    const parameters = { data: flags.data, judge, mode, violated, seed };
    const fileUnder = judgeValidityKey(judge);
    const stored = storeAnalysis({
      store,
      kind: 'judge-validity',
      runs: [],
      parameters,
      result,
      id,
      fileUnder,
    });
    const names = Object.fromEntries(theory.values.map((value) => [value.id, value.name]));
    printAnalysis(stored, result, flags, (value) => renderJudgeValidity(value, names));
  } finally {
    store.close();
  }
}

/** The labelled texts of `--data` (with Touché23's `--labels`), read under the config's input limits. */
function readLabelledTexts(
  runtime: CliRuntime,
  loaded: LoadedConfig,
  flags: JudgeFlags,
): ReturnType<typeof readLabelled> {
  return readLabelled({
    path: resolve(flags.data),
    theory: loaded.theory,
    limits: loaded.config.input,
    signal: runtime.signal,
    ...(flags.labels !== undefined ? { labelsPath: resolve(flags.labels) } : {}),
  });
}

/** The judge named by `--judge`, or the model with the judge role; refuses none. */
function judgeOf(flag: string | undefined, config: AdaemConfig): string {
  const judge = flag ?? modelsByRole(config).judge;
  if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
  return judge;
}

/** The checked `--judge-mode` (default: the config's) and `--violated` of `validate judge`. */
function judgeValidationModes(
  flags: JudgeFlags,
  config: AdaemConfig,
): { mode: JudgeMode; violated: ViolatedAs } {
  const mode = JudgeModeSchema.safeParse(flags.judgeMode ?? config.evaluate.judgeMode);
  if (!mode.success)
    throw new ConfigError(`--judge-mode must be per-value, batched or logprob, got "${flags.judgeMode}"`);
  const violated = ViolatedAsSchema.safeParse(flags.violated);
  if (!violated.success)
    throw new ConfigError(`--violated must be expressed, absent or skip, got "${flags.violated}"`);
  return { mode: mode.data, violated: violated.data };
}

/** The one model `validate priming --models` primes. */
function primedModel(flag: string | undefined): string {
  const models = modelList('--models', flag) ?? [];
  if (models.length !== 1)
    throw new ConfigError(
      `validate priming primes one model at a time; --models names ${models.length} (${models.join(', ')})`,
    );
  return models[0]!;
}

/** The value ids `--values` names: all of the theory's, or each one listed; refuses an unknown name. */
function primedValues(flag: string, theory: ValueTheory): string[] {
  return flag.trim() === 'all'
    ? theory.values.map((value) => value.id)
    : flag.split(',').map((name) => {
        const value = findValue(theory, name);
        if (!value) throw new ConfigError(`--values: "${name.trim()}" is not a value of ${theory.name}`);
        return value.id;
      });
}

/** `adaem validate priming | judge`: construct validity by priming, and the judge against human labels. */
export function registerValidate(program: Command, runtime: CliRuntime): void {
  const validate = program.command('validate').description('construct validity of the measurement');
  withExamples(validate, 'adaem validate priming --models sandbox:atlas --values power,benevolence');
  registerValidateJudge(validate, runtime);
  registerValidatePriming(validate, runtime);
}

/** `adaem validate priming`: its options and action. */
function registerValidatePriming(validate: Command, runtime: CliRuntime): void {
  const priming = validate
    .command('priming')
    .description('prime a model towards each value with a system message and measure the change')
    .addOption(sharedOption.models('the model to prime (one provider:model id)').makeOptionMandatory())
    .option('--values <list>', 'values to prime: all, or comma-separated ids', 'all')
    .option('-q, --questions <file>', 'question file (default: evaluate.questions in the config)')
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .addOption(sharedOption.json())
    .action((flags: PrimingFlags, command: Command) => validatePriming(runtime, flags, command));
  hiddenAlias(priming, '--model', { name: 'models' });
  withExamples(priming, 'adaem validate priming --models openai:gpt-4o-mini --values all -q questions.jsonl');
}

/** Runs `validate priming`: evaluates the model primed towards each value, stores the change as an analysis and prints it. */
async function validatePriming(runtime: CliRuntime, flags: PrimingFlags, command: Command): Promise<void> {
  const model = primedModel(flags.models);
  const loaded = runtime.loadConfig(command);
  const { theory, config } = loaded;
  const values = primedValues(flags.values, theory);
  const judge = judgeOf(flags.judge, config);
  const path = questionFileOf(flags.questions, loaded);
  const questions = await loadQuestions({
    path,
    questionnaires: config.evaluate.questionnaires,
    limits: config.input,
    signal: runtime.signal,
  });
  const store = runtime.openStore(loaded);
  try {
    const id = store.runs.newRunId('analyze');
    const { result, runs } = await runPrimingValidation({
      config,
      theory,
      configDir: loaded.dir,
      store,
      questions,
      questionSource: flags.questions ?? config.evaluate.questions ?? path,
      model,
      judge,
      judgeMode: config.evaluate.judgeMode,
      values,
      runPrefix: id,
      signal: runtime.signal,
      onArm: (runId) => process.stderr.write(`run ${runId}\n`),
    });
    const parameters = { model, judge, values };
    const stored = storeAnalysis({ store, kind: 'priming', runs, parameters, result, id });
    printAnalysis(stored, result, flags, renderPriming);
  } finally {
    store.close();
  }
}
