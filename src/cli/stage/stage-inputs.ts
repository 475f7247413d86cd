import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { createEngine } from '../../providers/engine.js';
import { refuseUnpriced } from '../../run/evaluate/open-evaluation.js';
import { generationModels, requirePanels } from '../../run/generate/open-generation.js';
import { planGeneration } from '../../run/generate/plan.js';
import { loadSeeds } from '../../stages/seeds/load-seeds.js';
import type { RunKind, Store } from '../../store/index.js';
import { printPlan } from '../render/plan.js';
import { runName } from '../render/wording.js';

/** The seed topics `--seeds` or `generate.seeds` names: a built-in pool or a seed file (see docs/seeds.md). */
export async function seedsOf(
  flag: string | undefined,
  loaded: LoadedConfig,
): Promise<{ seeds: Question[]; source: string }> {
  const { seedCategories, seedLimit, seeds: configured } = loaded.config.generate;
  const spec = flag ?? configured;
  const seeds = await loadSeeds(spec, {
    theory: loaded.theory,
    // --seeds is relative to the working directory, the config's setting to the config file.
    baseDir: flag ? process.cwd() : loaded.dir,
    categories: seedCategories,
    limit: seedLimit,
    seed: loaded.config.seed,
    input: { limits: loaded.config.input },
  });
  return { seeds, source: spec };
}

/**
 * Checks a new generation before the store is opened: panels, model ids, keys (not for a dry run)
 * and prices; with `dryRun` prints the plan instead.
 */
export async function checkGeneration(
  loaded: LoadedConfig,
  options: { seeds: number; budget?: number; maxCost?: number; allowUnpriced?: boolean; dryRun?: boolean },
): Promise<void> {
  const { config, theory } = loaded;
  const panels = requirePanels(config);
  const engine = createEngine({ config, theory, configDir: loaded.dir, requireKeys: !options.dryRun });
  try {
    const all = generationModels(panels);
    for (const id of all) engine.provider(id, 'generator');
    if (options.dryRun) {
      const settings = { ...config.generate, ...(options.budget ? { budget: options.budget } : {}) };
      printPlan(
        planGeneration({
          config,
          theory,
          seeds: options.seeds,
          ...panels,
          judge: panels.judge,
          settings,
          priceOf: engine.priceOf,
        }),
      );
      return;
    }
    refuseUnpriced({
      engine,
      models: all,
      maxCost: options.maxCost ?? config.generate.maxCost,
      allowUnpriced: options.allowUnpriced,
    });
  } finally {
    await engine.close();
  }
}

/** `--resume RUN_ID` needs the store it was recorded in. */
export function requireStoreToResume(loaded: LoadedConfig, resume: string | undefined): void {
  if (resume !== undefined && !existsSync(loaded.storePath))
    throw new ConfigError(`no run "${resume}": there is no store at ${loaded.storePath}`);
}

/**
 * The id of a new (`--run-id`, else a fresh one) or resumed (`--resume`) run of `kind`, refusing a
 * taken or unknown id; a resumed run that is already complete is said so on stderr.
 */
export function runIdOf(store: Store, flags: { runId?: string; resume?: string }, kind: RunKind): string {
  if (flags.runId && store.runs.get(flags.runId))
    throw new ConfigError(
      `run "${flags.runId}" already exists in ${store.path}; use --resume ${flags.runId} to continue it`,
    );
  if (flags.resume && !store.runs.get(flags.resume))
    throw new ConfigError(`no run "${flags.resume}" in ${store.path}`);
  if (flags.resume) {
    const complete = completeRunNote(store, flags.resume);
    if (complete) process.stderr.write(`${complete}\n`);
  }
  return flags.resume ?? flags.runId ?? store.runs.newRunId(kind);
}

/** What a resume of a finished run says instead of resuming: it is complete, and its results follow. */
export function completeRunNote(store: Store, runId: string): string | undefined {
  return store.runs.get(runId)?.status === 'done'
    ? `${runName(runId)} is already complete: nothing left to ask; its results follow`
    : undefined;
}

/** The question file `--questions` names (relative to the working directory), else `evaluate.questions` (relative to the config). */
export function questionFileOf(flag: string | undefined, loaded: LoadedConfig): string {
  const configured = loaded.config.evaluate.questions;
  const path = flag ? resolve(flag) : configured ? resolve(loaded.dir, configured) : undefined;
  if (!path)
    throw new ConfigError('no questions: pass --questions FILE or set evaluate.questions in the config');
  return path;
}
