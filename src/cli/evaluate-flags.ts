import { ConfigError } from '../core/errors.js';
import { type JudgeMode, JudgeModeSchema } from '../core/question.js';
import { checkRunIds, numberFlag } from './options.js';

/** The flags of `adaem evaluate` as commander hands them over. */
export interface EvaluateFlags {
  seed?: string;
  questions?: string;
  questionsFrom?: string;
  /** Recorded answers to score: rows {model, question, answer}. */
  responses?: string;
  top?: string;
  models?: string;
  judge?: string;
  judgeMode?: string;
  samples?: string;
  maxErrorRate?: string;
  maxCost?: string;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: string;
  dryRun?: boolean;
  cache: boolean;
  retry: boolean;
  concurrency?: string;
  json?: boolean;
  /** `adaem` or `paper` (checked by withProtocol). */
  protocol?: string;
  batch?: boolean;
  batchFile?: string;
  batchResults?: string;
}

/** The flags checked and typed; everything here is known to be valid. */
export interface EvaluateSettings {
  models: string[] | undefined;
  judgeMode: JudgeMode | undefined;
  samples: number | undefined;
  maxErrorRate: number | undefined;
  maxCost: number | undefined;
  /** With --questions-from: only the n best generated questions. */
  top: number | undefined;
  concurrency: number | undefined;
}

/** Flags that make no sense with --resume: the run keeps what it recorded. */
const FIXED_ON_RESUME: [keyof EvaluateFlags, string][] = [
  ['questions', '--questions'],
  ['questionsFrom', '--questions-from'],
  ['responses', '--responses'],
  ['top', '--top'],
  ['models', '--models'],
  ['judge', '--judge'],
  ['judgeMode', '--judge-mode'],
  ['samples', '--samples'],
  ['runId', '--run-id'],
  ['dryRun', '--dry-run'],
];

/** Checks every flag before anything is opened or called; a bad one is a ConfigError naming it. */
export function parseEvaluateFlags(flags: EvaluateFlags): EvaluateSettings {
  if (flags.resume !== undefined) {
    const fixed = FIXED_ON_RESUME.filter(([key]) => flags[key] !== undefined).map(([, flag]) => flag);
    if (fixed.length > 0)
      throw new ConfigError(
        `--resume ${flags.resume} continues the run with its recorded questions, models and settings; drop ${fixed.join(', ')}`,
      );
  }
  if (flags.questions !== undefined && flags.questionsFrom !== undefined)
    throw new ConfigError('--questions and --questions-from both name the questions; pass one');
  if (flags.top !== undefined && flags.questionsFrom === undefined)
    throw new ConfigError(
      '--top picks the best questions of a generation run: pass --questions-from RUN_ID too',
    );
  checkRunIds({ '--run-id': flags.runId, '--resume': flags.resume, '--questions-from': flags.questionsFrom });
  let judgeMode: JudgeMode | undefined;
  if (flags.judgeMode !== undefined) {
    const parsed = JudgeModeSchema.safeParse(flags.judgeMode);
    if (!parsed.success)
      throw new ConfigError(`--judge-mode must be per-value, batched or logprob, got "${flags.judgeMode}"`);
    judgeMode = parsed.data;
  }
  const models = flags.models
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (models !== undefined && models.length === 0)
    throw new ConfigError(`--models must list provider:model ids, got "${flags.models}"`);
  return {
    models,
    judgeMode,
    samples: numberFlag('--samples', flags.samples, { min: 1, integer: true, what: 'a whole number ≥ 1' }),
    maxErrorRate: numberFlag('--max-error-rate', flags.maxErrorRate, {
      min: 0,
      max: 1,
      what: 'a share between 0 and 1',
    }),
    maxCost: numberFlag('--max-cost', flags.maxCost, { min: 0, above: true, what: 'an amount of USD > 0' }),
    top: numberFlag('--top', flags.top, { min: 1, integer: true, what: 'a whole number ≥ 1' }),
    concurrency: numberFlag('--concurrency', flags.concurrency, {
      min: 1,
      max: 10_000,
      integer: true,
      what: 'a whole number from 1 to 10000',
    }),
  };
}
