import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { valueAt } from '../../core/protocol-preset.js';
import { collectResults } from '../../run/evaluate/collect-results.js';
import { evaluationIdOf } from '../../run/evaluate/evaluation-id.js';
import { EvaluateManifestSchema } from '../../run/evaluate/manifest.js';
import { formatTable, renderResults } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** `adaem results [RUN_ID]` and `adaem runs`: stored results and the list of runs. */
export function registerResults(program: Command, runtime: CliRuntime): void {
  program
    .command('results')
    .argument('[runId]', 'run id (default: the newest evaluation)')
    .description('show the results of an evaluation run: per model × value, with CIs')
    .option('--by-category', 'add expression rates per question category')
    .option('--json', 'print results as JSON')
    .action(
      async (
        runId: string | undefined,
        options: { json?: boolean; byCategory?: boolean },
        command: Command,
      ) => {
        const loaded = runtime.loadConfig(command);
        const store = runtime.readStore(loaded);
        if (!store)
          throw new ConfigError(
            runId
              ? `no run "${runId}": there is no store at ${loaded.storePath}`
              : `no store at ${loaded.storePath}: nothing has been run here yet`,
          );
        try {
          const resolved = runId ? evaluationIdOf(store, runId) : undefined;
          if (resolved?.note) process.stderr.write(`${resolved.note}\n`);
          const run = resolved
            ? store.runs.get(resolved.runId)
            : store.runs.list().find((candidate) => candidate.kind === 'evaluate');
          if (!run)
            throw new ConfigError(
              runId ? `no run "${runId}" in ${store.path}` : `no evaluation runs in ${store.path}`,
            );
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
      },
    );
  program
    .command('runs')
    .description('list stored runs')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }, command: Command) => {
      const store = runtime.readStore(runtime.loadConfig(command));
      try {
        const runs = (store?.runs.list() ?? []).map((run) => ({
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
            )}\n`,
          );
      } finally {
        store?.close();
      }
    });
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
