import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { evaluationIdOf } from '../run/evaluate/evaluation-id.js';
import { type EvaluateManifest, EvaluateManifestSchema, redactConfig } from '../run/evaluate/manifest.js';
import type { Store } from '../store/index.js';
import type { CliRuntime } from './runtime.js';

/** Opens the store read-only and finds an evaluation run; unknown runs and other kinds are usage errors. */
export function openEvaluationRun(
  runtime: CliRuntime,
  command: Command,
  given: string,
): { store: Store; manifest: EvaluateManifest; runId: string } {
  const loaded = runtime.loadConfig(command);
  const store = runtime.readStore(loaded);
  if (!store) throw new ConfigError(`no run "${given}": there is no store at ${loaded.storePath}`);
  const { runId, note } = evaluationIdOf(store, given);
  if (note) process.stderr.write(`${note}\n`);
  const run = store.runs.get(runId);
  const manifest = run ? EvaluateManifestSchema.safeParse(run.manifest) : undefined;
  if (!run || !manifest?.success) {
    store.close();
    throw new ConfigError(
      run
        ? `run "${runId}" is a ${run.kind} run, not an evaluation run`
        : `no run "${runId}" in ${store.path}`,
    );
  }
  // Runs stored before base URLs were redacted are redacted on the way out.
  return { store, runId, manifest: { ...manifest.data, config: redactConfig(manifest.data.config) } };
}
