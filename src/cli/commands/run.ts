import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { type LoadedConfig, loadConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { collectReportData } from '../../run/collect-report-data.js';
import type { EvaluateResults } from '../../run/evaluate/collect-results.js';
import { EvaluateManifestSchema } from '../../run/evaluate/manifest.js';
import { bankOf, collectGeneration } from '../../run/generate/collect-generation.js';
import { markRun } from '../../run/mark-run.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import type { Store } from '../../store/index.js';
import { BATCH_HELP, withBatchFlag } from '../batch-flags.js';
import { EXIT } from '../exit-codes.js';
import { sharedOption, withExamples, withSeed } from '../options.js';
import { ensureDirectory, fileErrorReason } from '../output-files.js';
import {
  describeProtocol,
  PROTOCOL_HELP,
  protocolNote,
  requireEmbedder,
  withProtocol,
} from '../protocol-flag.js';
import { renderGeneration } from '../render/generation.js';
import { renderResults } from '../render/results.js';
import { runName } from '../render/wording.js';
import { parseRunFlags, type RunFlags, type RunSettings } from '../run-flags.js';
import {
  checkEvaluation,
  evaluationPanel,
  planGenerationStage,
  printRunPlan,
  spentOn,
} from '../run-stages.js';
import { type CliRuntime, globalOptions, printJson } from '../runtime.js';
import {
  type EvaluationPanel,
  executeEvaluation,
  executeGeneration,
  type StageQuestions,
} from '../stage/execute-stage.js';
import { checkGeneration, completeRunNote, requireStoreToResume, seedsOf } from '../stage/stage-inputs.js';

/** The packaged sandbox config (examples/sandbox.yaml), found from this module in a checkout or an install. */
function sandboxConfigPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let level = 0; level < 5; level++) {
    const candidate = join(dir, 'examples', 'sandbox.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new ConfigError('the packaged examples/sandbox.yaml is missing; pass -c adaem.yaml');
}

/** The config of `-c`, else ./adaem.yaml, else the offline sandbox (said on stderr). */
function configOf(command: Command, runtime: CliRuntime): LoadedConfig {
  const loaded = runtime.loadConfig(command);
  if (loaded.path || globalOptions(command).config) return loaded;
  process.stderr.write(
    'No adaem.yaml here: running the offline sandbox — ten simulated models with planted value profiles, no API key, no network.\n' +
      'To measure real models: npx adaem init, edit adaem.yaml (models, roles, keys), then npx adaem run -c adaem.yaml.\n',
  );
  const sandbox = loadConfig({ path: sandboxConfigPath() });
  // The store stays in the working directory, as with no config at all.
  return { ...sandbox, storePath: loaded.storePath };
}

/** What `adaem run` records for itself; its stages are runs of their own. */
const PipelineSchema = z.object({
  kind: z.literal('run'),
  top: z.number().int().positive(),
  questions: z.string().nullable(),
  /** Absent in runs stored before protocols existed (they followed adaem's). */
  protocol: z.string().optional(),
  /** `--models`, `--judge`, `--samples` of the evaluate stage (absent: the config's roles and setting). */
  models: z.array(z.string()).optional(),
  judge: z.string().optional(),
  samples: z.number().int().positive().optional(),
  /** `--max-cost`: USD for generate and evaluate together. */
  maxCost: z.number().positive().optional(),
});
type Pipeline = z.infer<typeof PipelineSchema>;

/** Stage run ids of a pipeline run. */
const stageIds = (runId: string) => ({ generate: `${runId}-generate`, evaluate: `${runId}-evaluate` });

/** What a new run starts from: questions given or seed topics to grow them from, and the evaluate stage's models. */
interface RunInputs {
  given?: StageQuestions;
  seeds?: { seeds: Question[]; source: string };
  panel?: EvaluationPanel;
}

/** Everything one invocation of `adaem run` works with. */
interface RunContext {
  flags: RunFlags;
  settings: RunSettings;
  /** The config before `--protocol`: a resumed run's stages follow the protocol it recorded. */
  base: LoadedConfig;
  loaded: LoadedConfig;
  inputs: RunInputs;
  store: Store;
  runtime: CliRuntime;
}

async function writeReport(store: Store, runId: string, out: string): Promise<void> {
  const { renderReport } = await import('../../report/index.js');
  const run = store.runs.get(runId)!;
  const manifest = EvaluateManifestSchema.parse(run.manifest);
  const data = await collectReportData({ store, runId, manifest, generatedAt: new Date().toISOString() });
  ensureDirectory(dirname(out), 'the report');
  try {
    writeFileSync(out, renderReport(data).html);
  } catch (error) {
    throw new ConfigError(`cannot write the report to ${out}: ${fileErrorReason(error)}`);
  }
}

/** The questions (`--questions`) or seed topics of a new run, and its evaluate stage's models. */
async function inputsOf(
  flags: RunFlags,
  settings: RunSettings,
  loaded: LoadedConfig,
  runtime: CliRuntime,
): Promise<RunInputs> {
  if (flags.resume) return {};
  const panel = evaluationPanel(loaded, settings);
  if (flags.questions) {
    const path = resolve(flags.questions);
    const questions = await loadQuestions({ path, limits: loaded.config.input, signal: runtime.signal });
    return { given: { questions, source: flags.questions }, panel };
  }
  const seeds = await seedsOf(undefined, loaded);
  requireEmbedder(loaded);
  return { seeds, panel };
}

/** `--dry-run`: both stages' calls and cost, and the whole run's, without a call or a store. */
async function planRun(settings: RunSettings, loaded: LoadedConfig, inputs: RunInputs): Promise<void> {
  const generate = inputs.seeds
    ? await planGenerationStage(loaded, { seeds: inputs.seeds.seeds.length, budget: settings.budget })
    : undefined;
  const evaluate = await checkEvaluation(loaded, {
    panel: inputs.panel!,
    settings,
    questions: inputs.given,
    dryRun: true,
  });
  const questions = inputs.given
    ? `${inputs.given.questions.length} questions from ${inputs.given.source}`
    : `the ${settings.top} best generated questions (sized as typical generated questions)`;
  printRunPlan({ generate, evaluate, questions });
}

/** Checks a new run before anything is spent: both stages' models, keys and prices. */
async function checkNewRun(context: Omit<RunContext, 'store'>): Promise<void> {
  const { flags, settings, loaded, inputs } = context;
  const allowUnpriced = flags.allowUnpriced;
  if (inputs.seeds)
    await checkGeneration(loaded, {
      seeds: inputs.seeds.seeds.length,
      budget: settings.budget,
      maxCost: settings.maxCost,
      allowUnpriced,
    });
  await checkEvaluation(loaded, { panel: inputs.panel!, settings, questions: inputs.given, allowUnpriced });
}

/** Creates the pipeline's own record, or reopens it to resume. */
function openPipeline(context: RunContext): {
  runId: string;
  plan: Pipeline;
  resumed: boolean;
  /** Set when the resumed run had finished: the line that says so. */
  complete?: string;
} {
  const { flags, settings, store, loaded } = context;
  const runId = flags.resume ?? flags.runId ?? store.runs.newRunId('run');
  const recorded = store.runs.get(runId);
  if (!flags.resume && recorded)
    throw new ConfigError(
      `run "${runId}" already exists in ${store.path}; use --resume ${runId} to continue it`,
    );
  if (flags.resume && recorded?.kind !== 'run')
    throw new ConfigError(`no run "${runId}" of adaem run in ${store.path}`);
  if (recorded) {
    const complete = completeRunNote(store, runId);
    store.runs.setStatus(runId, 'running');
    return { runId, plan: PipelineSchema.parse(recorded.manifest), resumed: true, complete };
  }
  const plan: Pipeline = {
    kind: 'run',
    top: settings.top,
    questions: context.inputs.given?.source ?? null,
    protocol: loaded.config.protocol,
    ...(settings.models ? { models: settings.models } : {}),
    ...(settings.judge ? { judge: settings.judge } : {}),
    ...(settings.samples ? { samples: settings.samples } : {}),
    ...(settings.maxCost ? { maxCost: settings.maxCost } : {}),
  };
  store.runs.create({ id: runId, kind: 'run', manifest: plan });
  return { runId, plan, resumed: false };
}

/** Ends a run whose cap is spent, with one line saying how to go on (exit 1). */
function stopAtCap(store: Store, runId: string, cap: number, stage: string): undefined {
  process.stderr.write(
    `${runName(runId)} stopped at the cost limit during ${stage}: $${cap} (--max-cost) for the whole run is spent; resume with --resume ${runId} --max-cost <more>\n`,
  );
  store.runs.setStatus(runId, 'failed', { failure: `cost limit reached during ${stage}` });
  process.exitCode = EXIT.failed;
  return undefined;
}

/** Runs what is left of generate and evaluate; `--max-cost` caps both together. Undefined when the cap stopped it. */
async function runStages(context: RunContext, runId: string, plan: Pipeline, resumed: boolean) {
  const { store, flags, settings, inputs } = context;
  const ids = stageIds(runId);
  // A resumed pipeline's stages not yet begun follow the protocol it recorded (adaem before protocols).
  const loaded = resumed
    ? withProtocol(context.base, { protocol: plan.protocol ?? 'adaem' }).loaded
    : context.loaded;
  const switches = { cache: flags.cache, retry: flags.retry, batch: flags.batch };
  const common = { loaded, store, runtime: context.runtime, switches, allowUnpriced: flags.allowUnpriced };
  const cap = settings.maxCost ?? plan.maxCost;
  let generated = store.runs.get(ids.generate);
  if (inputs.seeds || (generated && generated.status !== 'done')) {
    process.stderr.write(
      `1/3 generate: growing contested questions from ${inputs.seeds ? `${inputs.seeds.seeds.length} seed topics` : 'the recorded seeds'}\n`,
    );
    const summary = await executeGeneration({
      ...common,
      runId: ids.generate,
      resume: generated !== undefined,
      seeds: inputs.seeds,
      budget: settings.budget,
      maxCost: cap,
    });
    if (cap !== undefined && summary.stoppedBy === 'budget') return stopAtCap(store, runId, cap, 'generate');
    generated = store.runs.get(ids.generate);
  }
  // What generation spent (also before a resume: its call records) leaves the rest to the evaluation.
  const left = cap === undefined ? undefined : cap - spentOn(store, ids.generate);
  if (cap !== undefined && left !== undefined && left <= 0) return stopAtCap(store, runId, cap, 'generate');
  const evaluated = store.runs.get(ids.evaluate);
  let questions = inputs.given;
  if (!evaluated && !questions) {
    const bank = bankOf(collectGeneration(store, ids.generate), plan.top);
    if (bank.length === 0)
      throw new ConfigError(`${runName(runId)}: the generation accepted no questions to evaluate`);
    questions = { questions: bank, source: `generate:${ids.generate} top ${plan.top}` };
  }
  process.stderr.write(
    `2/3 evaluate: every examinee answers ${questions ? `${questions.questions.length} questions` : 'the recorded questions'}\n`,
  );
  const results = await executeEvaluation({
    ...common,
    runId: ids.evaluate,
    resume: evaluated !== undefined,
    questions,
    panel: { examinees: plan.models, judge: plan.judge },
    samples: plan.samples,
    concurrency: settings.concurrency,
    maxCost: left,
  });
  return { generated: generated !== undefined, results };
}

/** The results table (or JSON), the report's path and the next commands to try. */
function printOutcome(
  context: RunContext,
  runId: string,
  generated: boolean,
  results: EvaluateResults,
  out: string,
) {
  const { store } = context;
  const ids = stageIds(runId);
  const generation = generated ? collectGeneration(store, ids.generate) : null;
  if (context.flags.json) {
    printJson({ runId, generation, evaluation: results, report: out });
    return;
  }
  const parts = [
    ...(generation ? [renderGeneration(generation, 5), ''] : []),
    renderResults(results),
    '',
    `report: ${out}`,
    '',
    'Next:',
    `  adaem results ${runId}                         # these results again (--json for scripts)`,
    `  adaem analyze reliability ${runId} --folds 5   # how stable the scores are over question folds`,
    `  adaem export ${runId} --format csv             # every answer and judgement as data`,
    `  adaem questions ${ids.generate} --top 20       # the generated questions with their scores`,
  ];
  process.stdout.write(`${parts.join('\n')}\n`);
}

/** One pipeline run, claimed by this process: stages, report, outcome, status. */
async function runPipeline(context: RunContext): Promise<void> {
  const { store, runtime, flags } = context;
  const { runId, plan, resumed, complete } = openPipeline(context);
  // A second process may not run it at once; a killed one shows as interrupted.
  store.runLock.claim(runId);
  const stopHeartbeat = store.runLock.keepAlive(runId);
  try {
    process.stderr.write(`${complete ?? runName(runId)}\n`);
    const outcome = await runStages(context, runId, plan, resumed);
    if (!outcome) return;
    const { results } = outcome;
    const out = resolve(flags.out ?? `adaem-report-${runId}.html`);
    process.stderr.write('3/3 report\n');
    await writeReport(store, stageIds(runId).evaluate, out);
    printOutcome(context, runId, outcome.generated, results, out);
    store.runs.setStatus(runId, results.status === 'failed' ? 'failed' : 'done');
    if (results.status !== 'failed') return;
    if (results.stoppedBy === 'budget')
      process.stderr.write(
        `${runName(runId)} stopped at the cost limit; resume with --resume ${runId} --max-cost <more>\n`,
      );
    process.exitCode = EXIT.failed;
  } catch (error) {
    await markRun(store, runId, runtime.signal.aborted ? 'cancelled' : 'failed');
    throw error;
  } finally {
    stopHeartbeat();
    store.runLock.release(runId);
  }
}

/** `adaem run`: generate a question bank, evaluate the examinees on its best questions, write the report. */
export function registerRun(program: Command, runtime: CliRuntime): void {
  const run = program
    .command('run')
    .description('the whole job: generate questions → evaluate the examinees on the best → HTML report')
    .option('-q, --questions <file>', 'skip generation: evaluate on this question file')
    .option('--budget <pulls>', 'generation budget B (default: generate.budget)')
    .option('--top <n>', 'evaluate on the n best generated questions (default 100)')
    .addOption(sharedOption.models('examinees, comma-separated provider:model ids (default: role examinee)'))
    .option('-j, --judge <id>', 'judge model (default: the model with role judge)')
    .option('--samples <n>', 'answers per question and model (default: evaluate.samples)')
    .option('--concurrency <n>', 'evaluation work items in flight (default 64)')
    .option('--max-cost <usd>', 'never spend more than this on the whole run, both stages (USD); resumable')
    .option('--allow-unpriced', 'let --max-cost run models with no known price')
    .option('--dry-run', 'print the planned calls and cost of both stages, then exit (no call)')
    .addOption(sharedOption.runId())
    .addOption(sharedOption.seed('random seed of both stages (default: seed in the config, 42)'))
    .option('--resume <runId>', 'continue a stopped run where it stopped')
    .addOption(sharedOption.out('the report (default: ./adaem-report-RUN_ID.html)'))
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .addOption(sharedOption.json('print results as JSON'))
    .option('--protocol <name>', PROTOCOL_HELP)
    .option('--batch', BATCH_HELP.batch)
    .action(async (flags: RunFlags, command: Command) => {
      const settings = parseRunFlags(flags);
      const base = withBatchFlag(withSeed(configOf(command, runtime), flags), flags);
      const { loaded, setAside } = withProtocol(base, flags);
      const inputs = await inputsOf(flags, settings, loaded, runtime);
      if (flags.dryRun) {
        process.stdout.write(describeProtocol(loaded, setAside, ['generate.', 'evaluate.']));
        return planRun(settings, loaded, inputs);
      }
      if (!flags.resume) {
        process.stderr.write(protocolNote(loaded, setAside, ['generate.', 'evaluate.']));
        await checkNewRun({ flags, settings, base, loaded, inputs, runtime });
      }
      requireStoreToResume(loaded, flags.resume);
      const store = runtime.openStore(loaded);
      try {
        await runPipeline({ flags, settings, base, loaded, inputs, store, runtime });
      } finally {
        store.close();
      }
    });
  withExamples(
    run,
    'adaem run   # the offline sandbox, no API key',
    'adaem run -c adaem.yaml --models openai:gpt-4o-mini,anthropic:claude-3-5-haiku-latest --judge openai:gpt-4o --dry-run',
    'adaem run -c adaem.yaml --budget 300 --top 100 --max-cost 10',
  );
}
