import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { findValue } from '../../core/value-theory.js';
import { storeAnalysis } from '../../run/analyses/analysis-manifest.js';
import { runPrimingValidation } from '../../run/analyses/priming.js';
import { modelsByRole } from '../../run/evaluate.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import { renderPriming } from '../render-priming.js';
import type { CliRuntime } from '../runtime.js';
import { printAnalysis } from './analyze.js';
import { questionFileOf } from './stages.js';

interface PrimingFlags {
  model?: string;
  values: string;
  questions?: string;
  judge?: string;
  json?: boolean;
}

/** `adaem validate priming`: construct validity by priming a model towards each value. */
export function registerValidate(program: Command, runtime: CliRuntime): void {
  const validate = program.command('validate').description('construct validity of the measurement');
  validate
    .command('priming')
    .description('prime a model towards each value with a system message and measure the change')
    .requiredOption('--model <id>', 'the model to prime (provider:model)')
    .option('--values <list>', 'values to prime: all, or comma-separated ids', 'all')
    .option('-q, --questions <file>', 'question file (default: evaluate.questions in the config)')
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .option('--json', 'print JSON')
    .action(async (flags: PrimingFlags, command: Command) => {
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
      const questions = await loadQuestions({ path, questionnaires: config.evaluate.questionnaires });
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
          model: flags.model!,
          judge,
          judgeMode: config.evaluate.judgeMode,
          values,
          runPrefix: id,
          signal: runtime.signal,
          onArm: (runId) => process.stderr.write(`run ${runId}\n`),
        });
        const parameters = { model: flags.model, judge, values };
        const stored = storeAnalysis({ store, kind: 'priming', runs, parameters, result, id });
        printAnalysis(stored, result, flags, renderPriming);
      } finally {
        store.close();
      }
    });
}
