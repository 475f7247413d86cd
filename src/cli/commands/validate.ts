import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { JudgeModeSchema } from '../../core/question.js';
import { findValue } from '../../core/value-theory.js';
import { storeAnalysis } from '../../run/analyses/analysis-manifest.js';
import { judgeValidityKey, runJudgeValidation } from '../../run/analyses/judge-validity.js';
import { runPrimingValidation } from '../../run/analyses/priming.js';
import { modelsByRole } from '../../run/evaluate/evaluate.js';
import { ViolatedAsSchema } from '../../stages/questions/labels-to-booleans.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import { readLabelled } from '../../stages/questions/read-labelled.js';
import { integerFlag } from '../analyze-options.js';
import { hiddenAlias, modelList, sharedOption, withExamples } from '../options.js';
import { renderJudgeValidity } from '../render/judge-validity.js';
import { renderPriming } from '../render/priming.js';
import type { CliRuntime } from '../runtime.js';
import { questionFileOf } from '../stage/stage-inputs.js';
import { printAnalysis } from './analyze.js';

interface PrimingFlags {
  models?: string;
  values: string;
  questions?: string;
  judge?: string;
  json?: boolean;
}

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
    .action(async (flags: JudgeFlags, command: Command) => {
      const loaded = runtime.loadConfig(command);
      const { theory, config } = loaded;
      const judge = flags.judge ?? modelsByRole(config).judge;
      if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
      const mode = JudgeModeSchema.safeParse(flags.judgeMode ?? config.evaluate.judgeMode);
      if (!mode.success)
        throw new ConfigError(`--judge-mode must be per-value, batched or logprob, got "${flags.judgeMode}"`);
      const violated = ViolatedAsSchema.safeParse(flags.violated);
      if (!violated.success)
        throw new ConfigError(`--violated must be expressed, absent or skip, got "${flags.violated}"`);
      const texts = await readLabelled({
        path: resolve(flags.data),
        theory,
        limits: config.input,
        signal: runtime.signal,
        ...(flags.labels !== undefined ? { labelsPath: resolve(flags.labels) } : {}),
      });
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
          mode: mode.data,
          violated: violated.data,
          ...(flags.limit !== undefined ? { limit: integerFlag('--limit', flags.limit, 0, 1) } : {}),
          seed,
          draws: integerFlag('--draws', flags.draws, 1000, 10),
          runId: id,
          signal: runtime.signal,
        });
        const parameters = { data: flags.data, judge, mode: mode.data, violated: violated.data, seed };
        const stored = storeAnalysis({
          store,
          kind: 'judge-validity',
          runs: [],
          parameters,
          result,
          id,
          fileUnder: judgeValidityKey(judge),
        });
        const names = Object.fromEntries(theory.values.map((value) => [value.id, value.name]));
        printAnalysis(stored, result, flags, (value) => renderJudgeValidity(value, names));
      } finally {
        store.close();
      }
    });
  withExamples(judge, 'adaem validate judge --data labelled.jsonl --judge openai:gpt-4o-mini --limit 300');
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

/** `adaem validate priming | judge`: construct validity by priming, and the judge against human labels. */
export function registerValidate(program: Command, runtime: CliRuntime): void {
  const validate = program.command('validate').description('construct validity of the measurement');
  withExamples(validate, 'adaem validate priming --models sandbox:atlas --values power,benevolence');
  registerValidateJudge(validate, runtime);
  const priming = validate
    .command('priming')
    .description('prime a model towards each value with a system message and measure the change')
    .addOption(sharedOption.models('the model to prime (one provider:model id)').makeOptionMandatory())
    .option('--values <list>', 'values to prime: all, or comma-separated ids', 'all')
    .option('-q, --questions <file>', 'question file (default: evaluate.questions in the config)')
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .addOption(sharedOption.json())
    .action(async (flags: PrimingFlags, command: Command) => {
      const model = primedModel(flags.models);
      const loaded = runtime.loadConfig(command);
      const { theory, config } = loaded;
      const values =
        flags.values.trim() === 'all'
          ? theory.values.map((value) => value.id)
          : flags.values.split(',').map((name) => {
              const value = findValue(theory, name);
              if (!value)
                throw new ConfigError(`--values: "${name.trim()}" is not a value of ${theory.name}`);
              return value.id;
            });
      const judge = flags.judge ?? modelsByRole(config).judge;
      if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
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
    });
  hiddenAlias(priming, '--model', { name: 'models' });
  withExamples(priming, 'adaem validate priming --models openai:gpt-4o-mini --values all -q questions.jsonl');
}
