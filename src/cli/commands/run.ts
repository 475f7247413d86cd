import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import { type LoadedConfig, loadConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import { collectReportData } from '../../run/collect-report-data.js';
import { EvaluateManifestSchema } from '../../run/evaluate/manifest.js';
import { bankOf, collectGeneration } from '../../run/generate/collect-generation.js';
import { markRun } from '../../run/mark-run.js';
import { loadQuestions } from '../../stages/questions/load-questions.js';
import type { Store } from '../../store/index.js';
import { BATCH_HELP } from '../batch-flags.js';
import { EXIT } from '../exit-codes.js';
import { checkRunIds, numberFlag } from '../options.js';
import { ensureDirectory, fileErrorReason } from '../output-files.js';
import { PROTOCOL_HELP, protocolNote, requireEmbedder, withProtocol } from '../protocol-flag.js';
import { renderGeneration } from '../render/generation.js';
import { renderResults } from '../render/results.js';
import { type CliRuntime, globalOptions, printJson } from '../runtime.js';
import { executeEvaluation, executeGeneration } from '../stage/execute-stage.js';
import { checkGeneration, seedsOf } from '../stage/stage-inputs.js';

interface RunFlags {
  questions?: string;
  budget?: string;
  top?: string;
  maxCost?: string;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: string;
  out?: string;
  cache: boolean;
  retry: boolean;
  json?: boolean;
  protocol?: string;
  batch?: boolean;
}

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
});

/** Stage run ids of a pipeline run. */
const stageIds = (runId: string) => ({ generate: `${runId}-generate`, evaluate: `${runId}-evaluate` });

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

/** `adaem run`: generate a question bank, evaluate the examinees on its best questions, write the report. */
export function registerRun(program: Command, runtime: CliRuntime): void {
  program
    .command('run')
    .description('the whole job: generate questions → evaluate the examinees on the best → HTML report')
    .option('-q, --questions <file>', 'skip generation: evaluate on this question file')
    .option('--budget <pulls>', 'generation budget B (default: generate.budget)')
    .option('--top <n>', 'evaluate on the n best generated questions (default 100)')
    .option('--max-cost <usd>', 'never spend more than this per stage (USD); resumable')
    .option('--allow-unpriced', 'let --max-cost run models with no known price')
    .option('--run-id <name>', 'name the run (default: generated)')
    .option('--resume <runId>', 'continue a stopped run where it stopped')
    .option('--out <file>', 'the report (default: ./adaem-report-RUN_ID.html)')
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .option('--json', 'print results as JSON')
    .option('--protocol <name>', PROTOCOL_HELP)
    .option('--batch', BATCH_HELP.batch)
    .action(async (flags: RunFlags, command: Command) => {
      checkRunIds({ '--run-id': flags.runId, '--resume': flags.resume });
      if (flags.resume && (flags.questions || flags.budget || flags.top || flags.runId))
        throw new ConfigError(
          `--resume ${flags.resume} continues the run as recorded; drop --questions, --budget, --top and --run-id`,
        );
      const budget = numberFlag('--budget', flags.budget, {
        min: 1,
        integer: true,
        what: 'a whole number ≥ 1',
      });
      const top =
        numberFlag('--top', flags.top, { min: 1, integer: true, what: 'a whole number ≥ 1' }) ?? 100;
      const maxCost = numberFlag('--max-cost', flags.maxCost, {
        min: 0,
        above: true,
        what: 'an amount of USD > 0',
      });
      const base = configOf(command, runtime);
      const { loaded, setAside } = withProtocol(base, flags);
      const given = flags.questions
        ? {
            questions: await loadQuestions({
              path: resolve(flags.questions),
              limits: loaded.config.input,
              signal: runtime.signal,
            }),
            source: flags.questions,
          }
        : undefined;
      const seeds = !flags.resume && !given ? await seedsOf(undefined, loaded) : undefined;
      if (seeds) requireEmbedder(loaded);
      if (!flags.resume) process.stderr.write(protocolNote(loaded, setAside, ['generate.', 'evaluate.']));
      if (seeds)
        await checkGeneration(loaded, {
          seeds: seeds.seeds.length,
          budget,
          maxCost,
          allowUnpriced: flags.allowUnpriced,
        });
      if (flags.resume && !existsSync(loaded.storePath))
        throw new ConfigError(`no run "${flags.resume}": there is no store at ${loaded.storePath}`);
      const store = runtime.openStore(loaded);
      try {
        const runId = flags.resume ?? flags.runId ?? store.runs.newRunId('run');
        const ids = stageIds(runId);
        const recorded = store.runs.get(runId);
        if (!flags.resume && recorded)
          throw new ConfigError(
            `run "${runId}" already exists in ${store.path}; use --resume ${runId} to continue it`,
          );
        if (flags.resume && recorded?.kind !== 'run')
          throw new ConfigError(`no run "${runId}" of adaem run in ${store.path}`);
        // The pipeline's own record: what a resume must keep (the bank size evaluated).
        const plan = recorded
          ? PipelineSchema.parse(recorded.manifest)
          : {
              kind: 'run' as const,
              top,
              questions: given?.source ?? null,
              protocol: loaded.config.protocol,
            };
        if (!recorded) store.runs.create({ id: runId, kind: 'run', manifest: plan });
        else store.runs.setStatus(runId, 'running');
        // A second process may not run it at once; a killed one shows as interrupted.
        store.runLock.claim(runId);
        const stopHeartbeat = store.runLock.keepAlive(runId);
        try {
          const switches = { cache: flags.cache, retry: flags.retry, batch: flags.batch };
          // A resumed pipeline's stages not yet begun follow the protocol it recorded (adaem before protocols).
          const stageConfig = recorded
            ? withProtocol(base, { protocol: plan.protocol ?? 'adaem' }).loaded
            : loaded;
          const common = {
            loaded: stageConfig,
            store,
            runtime,
            switches,
            maxCost,
            allowUnpriced: flags.allowUnpriced,
          };
          process.stderr.write(`run ${runId}\n`);
          let generated = store.runs.get(ids.generate);
          if (seeds || (generated && generated.status !== 'done')) {
            process.stderr.write(
              `1/3 generate: growing contested questions from ${seeds ? `${seeds.seeds.length} seed topics` : 'the recorded seeds'}\n`,
            );
            await executeGeneration({
              ...common,
              runId: ids.generate,
              resume: generated !== undefined,
              seeds,
              budget,
            });
            generated = store.runs.get(ids.generate);
          }
          const evaluated = store.runs.get(ids.evaluate);
          let questions = given;
          if (!evaluated && !questions) {
            const bank = bankOf(collectGeneration(store, ids.generate), plan.top);
            if (bank.length === 0)
              throw new ConfigError(`run ${runId}: the generation accepted no questions to evaluate`);
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
          });
          const out = resolve(flags.out ?? `adaem-report-${runId}.html`);
          process.stderr.write('3/3 report\n');
          await writeReport(store, ids.evaluate, out);
          if (flags.json)
            printJson({
              runId,
              generation: generated ? collectGeneration(store, ids.generate) : null,
              evaluation: results,
              report: out,
            });
          else {
            const parts = [
              ...(generated ? [renderGeneration(collectGeneration(store, ids.generate), 5), ''] : []),
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
          store.runs.setStatus(runId, results.status === 'failed' ? 'failed' : 'done');
          if (results.status === 'failed') process.exitCode = EXIT.failed;
        } catch (error) {
          await markRun(store, runId, runtime.signal.aborted ? 'cancelled' : 'failed');
          throw error;
        } finally {
          stopHeartbeat();
          store.runLock.release(runId);
        }
      } finally {
        store.close();
      }
    });
}
