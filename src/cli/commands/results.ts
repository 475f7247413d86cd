import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { valueAt } from '../../core/protocol-preset.js';
import { isAnalysisRun } from '../../run/analyses/analysis-runs.js';
import { collectResults } from '../../run/evaluate/collect-results.js';
import { evaluationIdOf } from '../../run/evaluate/evaluation-id.js';
import { EvaluateManifestSchema } from '../../run/evaluate/manifest.js';
import type { RunRecord, Store } from '../../store/index.js';
import { sharedOption, withExamples } from '../options.js';
import { formatTable, renderResults } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** Flags of `adaem results`. */
interface ResultsOptions {
  json?: boolean;
  byCategory?: boolean;
  all?: boolean;
}

/** `adaem results [RUN_ID]` and `adaem runs`: stored results and the list of runs. */
export function registerResults(program: Command, runtime: CliRuntime): void {
  const results = program
    .command('results')
    .argument('[runId]', 'run id (default: the newest evaluation you ran)')
    .description('show the results of an evaluation run: per model × value, with CIs')
    .option('--by-category', 'add expression rates per question category')
    .option('--all', 'without a run id: the newest evaluation, also one an analysis made (validate priming)')
    .addOption(sharedOption.json('print results as JSON'))
    .action((runId: string | undefined, options: ResultsOptions, command: Command) =>
      showResults(runtime, runId, options, command),
    );
  withExamples(results, 'adaem results', 'adaem results run-20260101-120000-ab12 --json > results.json');
  registerRuns(program, runtime);
}

/** Prints the results of the named evaluation run (or the newest) as tables or JSON. */
async function showResults(
  runtime: CliRuntime,
  runId: string | undefined,
  options: ResultsOptions,
  command: Command,
): Promise<void> {
  const loaded = runtime.loadConfig(command);
  const store = runtime.readStore(loaded);
  if (!store)
    throw new ConfigError(
      runId
        ? `no run "${runId}": there is no store at ${loaded.storePath}`
        : `no store at ${loaded.storePath}: nothing has been run here yet`,
    );
  try {
    const run = findEvaluationRun(store, runId, options.all);
    const manifest = EvaluateManifestSchema.safeParse(run.manifest);
    if (!manifest.success) throw new ConfigError(`run "${run.id}" is not an evaluation run`);
    const results = await collectResults({
      store,
      runId: run.id,
      manifest: manifest.data,
      signal: runtime.signal,
    });
    if (options.json) printJson(results);
    else process.stdout.write(`${renderResults(results, { byCategory: options.byCategory })}\n`);
  } finally {
    store.close();
  }
}

/** The run `results` shows: the one named (a pipeline's resolved to its evaluation), or the newest evaluation. */
function findEvaluationRun(store: Store, runId: string | undefined, all: boolean | undefined): RunRecord {
  const resolved = runId ? evaluationIdOf(store, runId) : undefined;
  if (resolved?.note) process.stderr.write(`${resolved.note}\n`);
  const run = resolved
    ? store.runs.get(resolved.runId)
    : store.runs
        .list()
        .find((candidate) => candidate.kind === 'evaluate' && (all || !isAnalysisRun(candidate)));
  if (!run)
    throw new ConfigError(
      runId ? `no run "${runId}" in ${store.path}` : `no evaluation runs in ${store.path}`,
    );
  return run;
}

/** `adaem runs`: its options and action. */
function registerRuns(program: Command, runtime: CliRuntime): void {
  const runs = program
    .command('runs')
    .description('list stored runs (without the runs analyses make for themselves; --all shows them)')
    .option('--all', 'also the runs analyses made (the arms of validate priming)')
    .addOption(sharedOption.json('machine-readable output'))
    .action((options: { json?: boolean; all?: boolean }, command: Command) =>
      listRuns(runtime, options, command),
    );
  withExamples(runs, 'adaem runs --all --json');
}

/** Prints the stored runs (without those analyses made, unless `--all`) as a table or JSON. */
function listRuns(runtime: CliRuntime, options: { json?: boolean; all?: boolean }, command: Command): void {
  const store = runtime.readStore(runtime.loadConfig(command));
  try {
    const stored = store?.runs.list() ?? [];
    const shown = options.all ? stored : stored.filter((run) => !isAnalysisRun(run));
    const runs = shown.map((run) => ({
      id: run.id,
      kind: run.kind,
      status: run.status,
      created: new Date(run.createdAt).toISOString(),
      protocol: run.kind === 'analyze' ? null : protocolOf(run.manifest),
      failure: failureOf(run.summary),
    }));
    if (options.json) printJson(runs);
    else
      process.stdout.write(
        `${formatTable(
          ['run', 'kind', 'status', 'created', 'protocol', 'failure'],
          runs.map((run) => [
            run.id,
            run.kind,
            run.status,
            run.created,
            run.protocol ?? '',
            run.failure ?? '',
          ]),
        )}\n${hiddenNote(stored.length - shown.length)}`,
      );
  } finally {
    store?.close();
  }
}

/** Says how many runs analyses made were left out, and how to see them. */
function hiddenNote(hidden: number): string {
  return hidden === 0
    ? ''
    : `(${hidden} run${hidden === 1 ? '' : 's'} made by analyses not shown: adaem runs --all)\n`;
}

/**
 * The protocol a run followed: its manifest's record, the pipeline's own (`adaem run`), or its config's
 * key; runs stored before protocols existed followed adaem's. Analyses follow none.
 */
function protocolOf(manifest: unknown): string {
  const recorded =
    valueAt(manifest, 'protocol.name') ??
    valueAt(manifest, 'protocol') ??
    valueAt(manifest, 'config.protocol');
  return typeof recorded === 'string' ? recorded : 'adaem';
}

/** Why a run failed, when its summary says (e.g. its set-up failed). */
function failureOf(summary: unknown): string | null {
  return typeof summary === 'object' && summary !== null && 'failure' in summary
    ? String(summary.failure)
    : null;
}
