import { ConfigError } from '../core/errors.js';
import { checkRunIds, modelList, numberFlag, whole } from './options.js';

/** The flags of `adaem run` as commander hands them over. */
export interface RunFlags {
  seed?: string;
  questions?: string;
  budget?: string;
  top?: string;
  models?: string;
  judge?: string;
  samples?: string;
  concurrency?: string;
  maxCost?: string;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: string;
  out?: string;
  dryRun?: boolean;
  cache: boolean;
  retry: boolean;
  json?: boolean;
  protocol?: string;
  batch?: boolean;
}

/** The flags checked and typed. */
export interface RunSettings {
  budget: number | undefined;
  /** How many of the generated questions are evaluated. */
  top: number;
  /** Examinees of the evaluate stage (default: the models with role examinee). */
  models: string[] | undefined;
  judge: string | undefined;
  samples: number | undefined;
  concurrency: number | undefined;
  /** USD for the whole run: generate and evaluate together. */
  maxCost: number | undefined;
}

/** Flags that make no sense with --resume: the run keeps what it recorded. */
const FIXED_ON_RESUME: [keyof RunFlags, string][] = [
  ['questions', '--questions'],
  ['budget', '--budget'],
  ['top', '--top'],
  ['models', '--models'],
  ['judge', '--judge'],
  ['samples', '--samples'],
  ['runId', '--run-id'],
  ['dryRun', '--dry-run'],
];

/** Checks every flag of `adaem run` before anything is opened or called. */
export function parseRunFlags(flags: RunFlags): RunSettings {
  checkRunIds({ '--run-id': flags.runId, '--resume': flags.resume });
  if (flags.resume !== undefined) {
    const fixed = FIXED_ON_RESUME.filter(([key]) => flags[key] !== undefined).map(([, flag]) => flag);
    if (fixed.length > 0)
      // All of them named (as before these flags came), the ones given first.
      throw new ConfigError(
        `--resume ${flags.resume} continues the run as recorded (you gave ${fixed.join(', ')}); drop --questions, --budget, --top and --run-id, --models, --judge, --samples and --dry-run`,
      );
  }
  const models = modelList('--models', flags.models);
  const duplicate = models?.find((id, index) => models.indexOf(id) !== index);
  if (duplicate) throw new ConfigError(`--models lists ${duplicate} twice; list each model once`);
  return {
    budget: numberFlag('--budget', flags.budget, whole(1)),
    top: numberFlag('--top', flags.top, whole(1)) ?? 100,
    models,
    judge: flags.judge,
    samples: numberFlag('--samples', flags.samples, whole(1)),
    concurrency: numberFlag('--concurrency', flags.concurrency, whole(1, 10_000)),
    maxCost: numberFlag('--max-cost', flags.maxCost, { min: 0, above: true, what: 'an amount of USD > 0' }),
  };
}
