import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import { type JudgeMode, JudgeModeSchema, type Question } from '../../core/question.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import { modelsByRole, runEvaluation } from '../../run/evaluate.js';
import { planEvaluation } from '../../run/plan-evaluation.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import type { Store } from '../../store/index.js';
import { createProgressLine } from '../progress-line.js';
import { formatTable, renderResults } from '../render-results.js';
import { type CliRuntime, printJson } from '../runtime.js';

interface EvaluateFlags {
  questions?: string;
  models?: string;
  judge?: string;
  judgeMode?: string;
  samples?: string;
  maxErrorRate?: string;
  maxCost?: string;
  runId?: string;
  resume?: string;
  dryRun?: boolean;
  cache: boolean;
  retry: boolean;
  concurrency?: string;
  json?: boolean;
}

function positiveNumber(flag: string, value: string | undefined, integer = false): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (integer && !Number.isInteger(number))) {
    throw new ConfigError(`${flag} must be a ${integer ? 'whole ' : ''}number ≥ 0, got "${value}"`);
  }
  return number;
}

function judgeModeOf(value: string | undefined): JudgeMode | undefined {
  if (value === undefined) return undefined;
  const parsed = JudgeModeSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`--judge-mode must be per-value, batched or logprob, got "${value}"`);
  return parsed.data;
}

async function questionsOf(
  flags: EvaluateFlags,
  loaded: LoadedConfig,
): Promise<{ questions: Question[]; source: string }> {
  const configured = loaded.config.evaluate.questions;
  const path = flags.questions
    ? resolve(flags.questions)
    : configured
      ? resolve(loaded.dir, configured)
      : undefined;
  if (!path)
    throw new ConfigError('no questions: pass --questions FILE or set evaluate.questions in the config');
  return {
    questions: await loadQuestions({ path, questionnaires: loaded.config.evaluate.questionnaires }),
    source: flags.questions ?? configured ?? path,
  };
}

function printPlan(plan: ReturnType<typeof planEvaluation>): void {
  const rows = plan.map((row) => [
    row.modelId,
    row.role,
    String(row.calls),
    String(row.inputTokens),
    String(row.outputTokens),
    row.costUsd === null ? 'no price' : `$${row.costUsd.toFixed(4)}`,
  ]);
  const priced = plan.filter((row) => row.costUsd !== null);
  const total = priced.reduce((sum, row) => sum + (row.costUsd ?? 0), 0);
  rows.push([
    'total',
    '',
    String(plan.reduce((sum, row) => sum + row.calls, 0)),
    '',
    '',
    `$${total.toFixed(4)}${priced.length < plan.length ? ' (priced models only)' : ''}`,
  ]);
  process.stdout.write(
    `${formatTable(['model', 'role', 'calls', 'input tokens', 'output tokens', 'est. cost'], rows)}\nTokens are estimates (about 4 characters per token, evaluate.pointsPerAnswer key points per answer, no cache hits).\n`,
  );
}

async function execute(
  flags: EvaluateFlags,
  loaded: LoadedConfig,
  store: Store,
  runtime: CliRuntime,
): Promise<void> {
  const resumeId = flags.resume;
  const runId = resumeId ?? flags.runId ?? store.runs.newRunId('evaluate');
  const engine: Engine = createEngine({
    config: loaded.config,
    theory: loaded.theory,
    configDir: loaded.dir,
    cache: store.cache,
    recorder: store.calls,
    useCache: flags.cache,
    retry: flags.retry,
    runId,
    signal: runtime.signal,
  });
  const byRole = modelsByRole(loaded.config);
  const examinees = flags.models
    ? flags.models
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : byRole.examinees;
  const duplicate = examinees.find((id, index) => examinees.indexOf(id) !== index);
  if (duplicate) throw new ConfigError(`--models lists ${duplicate} twice; list each model once`);
  const judge = flags.judge ?? byRole.judge;
  const judgeMode = judgeModeOf(flags.judgeMode);
  const samples = positiveNumber('--samples', flags.samples, true);
  if (samples === 0) throw new ConfigError('--samples must be at least 1, got "0"');
  let questions: Question[] | undefined;
  let source: string | undefined;
  if (!resumeId) {
    ({ questions, source } = await questionsOf(flags, loaded));
    if (examinees.length === 0)
      throw new ConfigError('no examinee models: pass --models or give a model the examinee role');
    if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
    for (const id of examinees) engine.provider(id, 'examinee');
    const judgeProvider = engine.provider(judge, 'judge');
    const mode = judgeMode ?? loaded.config.evaluate.judgeMode;
    if (mode === 'logprob' && !judgeProvider.capabilities.logprobs) {
      throw new ConfigError(
        `judge ${judge} cannot give log-probabilities; use --judge-mode batched or per-value`,
      );
    }
    if (flags.dryRun) {
      printPlan(
        planEvaluation({
          config: loaded.config,
          theory: loaded.theory,
          questions,
          examinees,
          judge,
          judgeMode: mode,
          samples: samples ?? loaded.config.evaluate.samples,
        }),
      );
      return;
    }
  }
  const progress = createProgressLine({ label: 'evaluate' });
  const snapshot = (done: number, total: number) => {
    const usage = engine.usage().total;
    return {
      done,
      total,
      calls: usage.calls,
      cached: usage.cached,
      errors: usage.errors,
      tokens: usage.inputTokens + usage.outputTokens,
      costUsd: usage.costUsd,
    };
  };
  let last = { done: 0, total: 0 };
  try {
    const results = await runEvaluation({
      config: loaded.config,
      theory: loaded.theory,
      engine,
      store,
      questions,
      questionSource: source,
      examinees,
      judge,
      judgeMode,
      samples,
      maxErrorRate: positiveNumber('--max-error-rate', flags.maxErrorRate),
      maxCost: positiveNumber('--max-cost', flags.maxCost),
      runId,
      resume: resumeId !== undefined,
      concurrency: positiveNumber('--concurrency', flags.concurrency, true),
      signal: runtime.signal,
      onStart: (id) => process.stderr.write(`run ${id}${resumeId ? ' (resumed)' : ''}\n`),
      onProgress: (state) => {
        last = { done: state.itemsDone, total: state.itemsTotal };
        progress.update(snapshot(state.itemsDone, state.itemsTotal));
      },
    });
    progress.finish(snapshot(last.done, last.total));
    if (flags.json) printJson(results);
    else process.stdout.write(`${renderResults(results)}\n`);
    if (results.status === 'failed') {
      process.stderr.write(
        results.stoppedBy === 'budget'
          ? `run ${runId} stopped at the cost limit; resume with --resume ${runId} after raising --max-cost\n`
          : `run ${runId} failed: error rate ${(results.errorRate * 100).toFixed(1)}% is over the limit; resume with --resume ${runId} to retry the failed calls\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await engine.close();
  }
}

/** `adaem evaluate`: measure the value orientations of a set of models on a question set. */
export function registerEvaluate(program: Command, runtime: CliRuntime): void {
  program
    .command('evaluate')
    .description('measure the value orientations of a set of LLMs on a question set')
    .option('-q, --questions <file>', 'question file: .jsonl, .csv (incl. ValueBench), .txt')
    .option(
      '-m, --models <ids>',
      'examinees, comma-separated provider:model ids (default: models with role examinee)',
    )
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .option('--judge-mode <mode>', 'per-value | batched | logprob (default: evaluate.judgeMode)')
    .option('--samples <n>', 'answers per question and model (real samples)')
    .option('--max-error-rate <share>', 'fail the run above this share of failed calls')
    .option('--max-cost <usd>', 'stop before spending more than this')
    .option('--run-id <name>', 'name the run (default: generated)')
    .option('--resume <runId>', 'continue a stopped run; asks only what is missing')
    .option('--dry-run', 'print planned calls, tokens and cost per model and role, then exit')
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .option('--concurrency <n>', 'work items in flight (default 64; providers have their own limits)')
    .option('--json', 'print results as JSON')
    .action(async (flags: EvaluateFlags, command: Command) => {
      const loaded = runtime.loadConfig(command);
      const store = runtime.openStore(loaded);
      try {
        await execute(flags, loaded, store, runtime);
      } finally {
        store.close();
      }
    });
}
