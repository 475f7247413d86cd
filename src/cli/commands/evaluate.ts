import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import type { JudgeMode, Question } from '../../core/question.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import type { EvaluateResults } from '../../run/evaluate/collect-results.js';
import { modelsByRole, runEvaluation } from '../../run/evaluate/evaluate.js';
import { refuseUnpriced } from '../../run/evaluate/open-evaluation.js';
import { planEvaluation } from '../../run/evaluate/plan.js';
import { bankOf, collectGeneration } from '../../run/generate/collect-generation.js';
import { slowProviders, slowProviderWarning } from '../../run/rate-limit-estimate.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import { type RecordedAnswer, readRecorded } from '../../stages/questions/read-recorded.js';
import { readRecordedAnswer } from '../../stages/respond/read-recorded-answer.js';
import type { Store } from '../../store/index.js';
import {
  BATCH_HELP,
  batching,
  batchOptionsOf,
  checkBatchFlags,
  explainBatchFile,
  withBatchFlag,
} from '../batch-flags.js';
import { type EvaluateFlags, type EvaluateSettings, parseEvaluateFlags } from '../evaluate-flags.js';
import { EXIT } from '../exit-codes.js';
import { sharedOption, withExamples, withSeed } from '../options.js';
import {
  describeProtocol,
  PROTOCOL_HELP,
  protocolNote,
  refuseAgainstPreset,
  withProtocol,
} from '../protocol-flag.js';
import { printPlan } from '../render/plan.js';
import { errorRates, renderResults } from '../render/results.js';
import { runName } from '../render/wording.js';
import { type CliRuntime, printJson } from '../runtime.js';
import { stageEngine, stageProgress } from '../stage/stage-engine.js';
import { questionFileOf, requireStoreToResume, runIdOf } from '../stage/stage-inputs.js';

/** What a new run asks: checked before the store is opened. */
interface NewRun {
  questions: Question[];
  source: string;
  examinees: string[];
  judge: string;
  /** With --responses: the recorded answers, and answers per (question, model) at most. */
  recorded?: { file: string; hash: string; answers: RecordedAnswer[]; samples: number };
}

/** Recorded answers instead of examinees to call; they fix the questions, models and samples. */
async function recordedOf(
  flags: EvaluateFlags,
  settings: EvaluateSettings,
  loaded: LoadedConfig,
  runtime: CliRuntime,
): Promise<NewRun['recorded'] & { questions: Question[]; modelIds: string[] }> {
  const clash = [
    [flags.questions, '--questions'],
    [flags.questionsFrom, '--questions-from'],
    [settings.models, '--models'],
    [settings.samples, '--samples'],
  ].find(([value]) => value !== undefined);
  if (clash)
    throw new ConfigError(`--responses gives the questions, models and samples; drop ${clash[1] as string}`);
  const file = flags.responses!;
  const recorded = await readRecorded(resolve(file), { limits: loaded.config.input, signal: runtime.signal });
  const hash = createHash('sha256')
    .update(
      JSON.stringify(recorded.answers.map((answer) => [answer.modelId, answer.questionId, answer.answer])),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    file,
    hash,
    answers: recorded.answers,
    samples: recorded.samples,
    questions: recorded.questions,
    modelIds: recorded.modelIds,
  };
}

/** The questions of a new run: a generation run's bank (`--questions-from`) or a question file. */
async function questionsOf(
  flags: EvaluateFlags,
  settings: EvaluateSettings,
  loaded: LoadedConfig,
  runtime: CliRuntime,
): Promise<{ questions: Question[]; source: string }> {
  if (flags.questionsFrom !== undefined)
    return generatedBank(flags.questionsFrom, settings.top, loaded, runtime);
  const configured = loaded.config.evaluate.questions;
  const path = questionFileOf(flags.questions, loaded);
  return {
    questions: await loadQuestions({
      path,
      questionnaires: loaded.config.evaluate.questionnaires,
      limits: loaded.config.input,
      signal: runtime.signal,
    }),
    source: flags.questions ?? configured ?? path,
  };
}

/** The accepted questions of a generation run in the same store (best first), lineage kept. */
function generatedBank(
  runId: string,
  top: number | undefined,
  loaded: LoadedConfig,
  runtime: CliRuntime,
): { questions: Question[]; source: string } {
  const store = runtime.readStore(loaded);
  if (!store) throw new ConfigError(`--questions-from ${runId}: there is no store at ${loaded.storePath}`);
  try {
    const questions = bankOf(collectGeneration(store, runId), top);
    if (questions.length === 0)
      throw new ConfigError(`--questions-from ${runId}: the run accepted no questions`);
    return { questions, source: `generate:${runId}${top ? ` top ${top}` : ''}` };
  } finally {
    store.close();
  }
}

/** Recorded answers as `recordedOf` reads them: with the questions and model ids they fix. */
type RecordedRun = Awaited<ReturnType<typeof recordedOf>>;

/**
 * Checks a new run without touching the store or calling a model: questions, model ids, API keys
 * (not for --dry-run), the judge mode and prices; prints the plan for --dry-run.
 */
async function prepare(
  flags: EvaluateFlags,
  settings: EvaluateSettings,
  loaded: LoadedConfig,
  runtime: CliRuntime,
): Promise<NewRun> {
  const recorded =
    flags.responses === undefined ? undefined : await recordedOf(flags, settings, loaded, runtime);
  const { questions, source } = recorded
    ? { questions: recorded.questions, source: `responses:${recorded.file}` }
    : await questionsOf(flags, settings, loaded, runtime);
  const { examinees, judge } = modelsOf(flags, settings, loaded, recorded);
  const engine = createEngine({
    config: loaded.config,
    theory: loaded.theory,
    configDir: loaded.dir,
    signal: runtime.signal,
    // A dry run makes no call, so it needs no API key.
    requireKeys: !flags.dryRun,
  });
  try {
    const judgeMode = checkProviders(
      engine,
      examinees,
      judge,
      settings.judgeMode ?? loaded.config.evaluate.judgeMode,
    );
    planOrRefuse({ flags, settings, loaded, engine, questions, examinees, judge, judgeMode, recorded });
  } finally {
    await engine.close();
  }
  return {
    questions,
    source,
    examinees,
    judge,
    ...(recorded ? { recorded: recordingOf(recorded) } : {}),
  };
}

/** What a new run keeps of its recorded answers: the file, its hash, the answers and samples per pair. */
function recordingOf(recorded: RecordedRun): NonNullable<NewRun['recorded']> {
  return { file: recorded.file, hash: recorded.hash, answers: recorded.answers, samples: recorded.samples };
}

/** The examinees (recorded, `--models`, or by role) and the judge; refuses none, a duplicate, or no judge. */
function modelsOf(
  flags: EvaluateFlags,
  settings: EvaluateSettings,
  loaded: LoadedConfig,
  recorded: RecordedRun | undefined,
): { examinees: string[]; judge: string } {
  const byRole = modelsByRole(loaded.config);
  const examinees = recorded?.modelIds ?? settings.models ?? byRole.examinees;
  const judge = flags.judge ?? byRole.judge;
  if (examinees.length === 0)
    throw new ConfigError('no examinee models: pass --models or give a model the examinee role');
  const duplicate = examinees.find((id, index) => examinees.indexOf(id) !== index);
  if (duplicate) throw new ConfigError(`--models lists ${duplicate} twice; list each model once`);
  if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
  return { examinees, judge };
}

/** Builds every model's provider (so unknown ids and missing keys fail now) and checks the judge can do the mode. */
function checkProviders(engine: Engine, examinees: string[], judge: string, mode: JudgeMode): JudgeMode {
  for (const id of examinees) engine.provider(id, 'examinee');
  const judgeProvider = engine.provider(judge, 'judge');
  if (mode === 'logprob' && !judgeProvider.capabilities.logprobs)
    throw new ConfigError(
      `judge ${judge} cannot give log-probabilities; use --judge-mode batched or per-value`,
    );
  return mode;
}

/** Plans the run's calls and warns of slow providers; prints the plan for --dry-run, else refuses unpriced models. */
function planOrRefuse(options: {
  flags: EvaluateFlags;
  settings: EvaluateSettings;
  loaded: LoadedConfig;
  engine: Engine;
  questions: Question[];
  examinees: string[];
  judge: string;
  judgeMode: JudgeMode;
  recorded: RecordedRun | undefined;
}): void {
  const { flags, settings, loaded, engine, questions, examinees, judge, judgeMode, recorded } = options;
  const samples = recorded?.samples ?? settings.samples ?? loaded.config.evaluate.samples;
  const { config, theory } = loaded;
  const plan = planEvaluation({
    config,
    theory,
    questions,
    examinees,
    judge,
    judgeMode,
    samples,
    priceOf: engine.priceOf,
    recordedTexts: recordedTextsOf(recorded, config.evaluate.pointsPerAnswer),
  });
  // A rate limit that stretches the run over days waits silently otherwise: say so before starting.
  for (const slow of slowProviders(config, plan))
    process.stderr.write(`adaem: ${slowProviderWarning(slow)}\n`);
  if (flags.dryRun) printPlan(plan);
  else {
    refuseUnpriced({
      engine,
      models: [...examinees, judge],
      maxCost: settings.maxCost ?? loaded.config.evaluate.maxCost,
      allowUnpriced: flags.allowUnpriced,
    });
  }
}

/** The texts the judge will read from recorded answers: one per key point (none for an unreadable answer). */
function recordedTextsOf(recorded: RecordedRun | undefined, points: number): string[] | undefined {
  return recorded?.answers.flatMap((answer) => {
    const outcome = readRecordedAnswer(answer.answer, { points });
    return outcome.status === 'ok'
      ? outcome.points.map((point) => `${point.point}: ${point.justification}`)
      : [];
  });
}

/** Runs (or resumes) the evaluation in the open store; a batch file to send ends it with its instructions. */
async function execute(
  flags: EvaluateFlags,
  settings: EvaluateSettings,
  loaded: LoadedConfig,
  store: Store,
  runtime: CliRuntime,
  newRun: NewRun | undefined,
): Promise<void> {
  const resumeId = flags.resume;
  const complete = resumeId !== undefined && store.runs.get(resumeId)?.status === 'done';
  const runId = runIdOf(store, flags, 'evaluate');
  const batch = batchOptionsOf(
    { ...flags, batch: flags.batch || loaded.config.batch.all },
    store,
    runId,
    (message) => process.stderr.write(`adaem: ${message}\n`),
  );
  const engine = stageEngine(loaded, store, runtime, runId, flags, batch);
  const progress = stageProgress('evaluate', engine);
  // A batch holds every call that waits for it: the pool lets a whole wave wait at once.
  const concurrency =
    settings.concurrency ?? (batching(flags, loaded.config) ? loaded.config.batch.maxRequests : undefined);
  try {
    const results = await evaluateInStore({
      flags,
      settings,
      loaded,
      store,
      runtime,
      newRun,
      engine,
      progress,
      runId,
      concurrency,
      complete,
    });
    progress.finish();
    if (flags.json) printJson(results);
    else process.stdout.write(`${renderResults(results)}\n`);
    if (results.status === 'failed') reportFailedRun(results, runId);
  } catch (error) {
    if (!explainBatchFile(error, batch.written(), runId)) throw error;
  } finally {
    await engine.close();
  }
}

/** Calls `runEvaluation` with the run's settings, announcing the run and showing its progress. */
function evaluateInStore(options: {
  flags: EvaluateFlags;
  settings: EvaluateSettings;
  loaded: LoadedConfig;
  store: Store;
  runtime: CliRuntime;
  newRun: NewRun | undefined;
  engine: Engine;
  progress: ReturnType<typeof stageProgress>;
  runId: string;
  concurrency: number | undefined;
  /** The resumed run had finished: runIdOf said so already. */
  complete: boolean;
}): Promise<EvaluateResults> {
  const { flags, settings, loaded, newRun, progress } = options;
  const resumeId = flags.resume;
  return runEvaluation({
    config: loaded.config,
    theory: loaded.theory,
    engine: options.engine,
    store: options.store,
    questions: newRun?.questions,
    questionSource: newRun?.source,
    examinees: newRun?.examinees,
    judge: newRun?.judge,
    judgeMode: settings.judgeMode,
    samples: newRun?.recorded?.samples ?? settings.samples,
    ...(newRun?.recorded ? { recorded: newRun.recorded } : {}),
    maxErrorRate: settings.maxErrorRate,
    maxCost: settings.maxCost,
    allowUnpriced: flags.allowUnpriced,
    runId: options.runId,
    resume: resumeId !== undefined,
    concurrency: options.concurrency,
    signal: options.runtime.signal,
    onStart: (id) => {
      // A finished run was announced as complete by runIdOf; it is not resumed.
      if (!options.complete) process.stderr.write(`${runName(id)}${resumeId ? ' (resumed)' : ''}\n`);
    },
    onProgress: (state) => progress.update({ done: state.itemsDone, total: state.itemsTotal }),
    onAggregate: () => {
      progress.finish();
      process.stderr.write('aggregating the stored answers and judgements\n');
    },
  });
}

/** Says why a run failed (cost limit or error rate) and how to resume it; sets the exit code. */
function reportFailedRun(results: EvaluateResults, runId: string): void {
  process.stderr.write(
    results.stoppedBy === 'budget'
      ? `${runName(runId)} stopped at the cost limit; resume with --resume ${runId} after raising --max-cost\n`
      : `${runName(runId)} failed: ${errorRates(results)} — over --max-error-rate; resume with --resume ${runId} to retry the failed calls\n`,
  );
  process.exitCode = EXIT.failed;
}

/** `adaem evaluate`: measure the value orientations of a set of models on a question set. */
export function registerEvaluate(program: Command, runtime: CliRuntime): void {
  const evaluate = program
    .command('evaluate')
    .description('measure the value orientations of a set of LLMs on a question set')
    .option('-q, --questions <file>', 'question file: .jsonl, .csv (incl. ValueBench), .txt')
    .option('--questions-from <runId>', 'the bank of a generation run in this store (best first)')
    .option(
      '--responses <file>',
      'score answers recorded elsewhere: rows {model, question, answer} (.jsonl or .csv); only the judge is called',
    )
    .option('--top <n>', 'with --questions-from: only the n best questions by S under P2')
    .addOption(
      sharedOption.models(
        'examinees, comma-separated provider:model ids (default: models with role examinee)',
      ),
    )
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .option('--judge-mode <mode>', 'per-value | batched | logprob (default: evaluate.judgeMode)')
    .option('--samples <n>', 'answers per question and model (real samples)')
    .option(
      '--max-error-rate <share>',
      'fail the run above this share of failed answers, or of failed judgements (0–1)',
    )
    .option('--max-cost <usd>', 'never spend more than this (USD); every model needs a price')
    .option('--allow-unpriced', 'let --max-cost run models with no known price (counted as free)')
    .addOption(sharedOption.runId())
    .addOption(sharedOption.seed('random seed of sampling and TrueSkill (default: seed in the config, 42)'))
    .option('--resume <runId>', 'continue a stopped run; asks only what is missing')
    .option('--dry-run', 'print planned calls, tokens and cost per model and role, then exit')
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .option('--concurrency <n>', 'work items in flight (default 64; providers have their own limits)')
    .addOption(sharedOption.json('print results as JSON'))
    .option('--protocol <name>', PROTOCOL_HELP)
    .option('--batch', BATCH_HELP.batch)
    .option('--batch-file <file>', BATCH_HELP.batchFile)
    .option('--batch-results <file>', BATCH_HELP.batchResults)
    .action((flags: EvaluateFlags, command: Command) => evaluateAction(runtime, flags, command));
  withExamples(
    evaluate,
    'adaem evaluate -q questions.jsonl --models openai:gpt-4o-mini,sandbox:atlas --judge openai:gpt-4o --dry-run',
    'adaem evaluate --questions-from gen-20260101-120000-ab12 --top 100 --max-cost 5',
  );
}

/** Runs `adaem evaluate`: checks the flags and config, prepares a new run (or plans it), then runs it in the store. */
async function evaluateAction(runtime: CliRuntime, flags: EvaluateFlags, command: Command): Promise<void> {
  const settings = parseEvaluateFlags(flags);
  checkBatchFlags(flags);
  const { loaded, setAside } = withProtocol(
    withBatchFlag(withSeed(runtime.loadConfig(command), flags), flags),
    flags,
  );
  refuseAgainstPreset(loaded, '--judge-mode', 'evaluate.judgeMode', settings.judgeMode);
  if (flags.resume === undefined)
    if (flags.dryRun) process.stdout.write(describeProtocol(loaded, setAside, ['evaluate.']));
    else process.stderr.write(protocolNote(loaded, setAside, ['evaluate.']));
  const newRun = flags.resume === undefined ? await prepare(flags, settings, loaded, runtime) : undefined;
  if (flags.dryRun) return;
  requireStoreToResume(loaded, flags.resume);
  const store = runtime.openStore(loaded);
  try {
    await execute(flags, settings, loaded, store, runtime, newRun);
  } finally {
    store.close();
  }
}
