import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { createEngine } from '../../providers/engine.js';
import { collectGeneration } from '../../run/collect-generation.js';
import { runGeneration } from '../../run/generate.js';
import { panelsOf } from '../../run/generate-open.js';
import { refuseUnpriced } from '../../run/open-run.js';
import { planGeneration } from '../../run/plan-generation.js';
import { loadSeeds } from '../../stages/seeds/load-seeds.js';
import { createProgressLine } from '../progress-line.js';
import { type CliRuntime, printJson } from '../runtime.js';
import { numberFlag, RUN_ID } from './evaluate-flags.js';
import { printPlan } from './evaluate-plan.js';
import { renderGeneration } from './render-generation.js';

interface GenerateFlags {
  seeds?: string;
  budget?: string;
  maxCost?: string;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: string;
  extend?: string;
  dryRun?: boolean;
  cache: boolean;
  retry: boolean;
  json?: boolean;
}

/** The seed topics `--seeds` or `generate.seeds` names: a built-in pool or a seed file (see docs/seeds.md). */
async function seedsOf(
  flags: GenerateFlags,
  loaded: LoadedConfig,
): Promise<{ seeds: Question[]; source: string }> {
  const { seedCategories, seedLimit, seeds: configured } = loaded.config.generate;
  const spec = flags.seeds ?? configured;
  const seeds = await loadSeeds(spec, {
    theory: loaded.theory,
    // --seeds is relative to the working directory, the config's setting to the config file.
    baseDir: flags.seeds ? process.cwd() : loaded.dir,
    categories: seedCategories,
    limit: seedLimit,
    seed: loaded.config.seed,
  });
  return { seeds, source: spec };
}

function parseFlags(flags: GenerateFlags) {
  for (const [flag, id] of [
    ['--run-id', flags.runId],
    ['--resume', flags.resume],
    ['--extend', flags.extend],
  ] as const)
    if (id !== undefined && !RUN_ID.test(id))
      throw new ConfigError(`${flag} "${id}" must be 1–100 letters, digits, dots, dashes or underscores`);
  if (flags.resume !== undefined) {
    const fixed = (
      [
        ['seeds', '--seeds'],
        ['runId', '--run-id'],
        ['extend', '--extend'],
        ['dryRun', '--dry-run'],
      ] as const
    ).filter(([key]) => flags[key] !== undefined);
    if (fixed.length > 0)
      throw new ConfigError(
        `--resume ${flags.resume} continues the run with its recorded seeds and settings; drop ${fixed.map(([, flag]) => flag).join(', ')}`,
      );
  }
  return {
    budget: numberFlag('--budget', flags.budget, { min: 1, integer: true, what: 'a whole number ≥ 1' }),
    maxCost: numberFlag('--max-cost', flags.maxCost, { min: 0, above: true, what: 'an amount of USD > 0' }),
  };
}

/** `adaem generate`: the AdAEM question search over seed topics with panels P1 and P2. */
export function registerGenerate(program: Command, runtime: CliRuntime): void {
  program
    .command('generate')
    .description('grow value-eliciting, contested questions from seed topics by probing panels of LLMs')
    .option('--seeds <file>', 'seed questions (default: generate.seeds)')
    .option('--budget <pulls>', 'arm pulls B (default: generate.budget, 1500)')
    .option('--max-cost <usd>', 'stop before spending more than this (USD); resumable')
    .option('--allow-unpriced', 'let --max-cost run models with no known price (counted as free)')
    .option('--run-id <name>', 'name the run (default: generated)')
    .option('--resume <runId>', 'continue a stopped run from its last finished pull')
    .option('--extend <runId>', 'new panel models: keep only questions that do not overlap that run’s bank')
    .option('--dry-run', 'print planned calls, tokens and cost per model and role, then exit')
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .option('--json', 'print the summary as JSON')
    .action(async (flags: GenerateFlags, command: Command) => {
      const settings = parseFlags(flags);
      const loaded = runtime.loadConfig(command);
      const { config, theory } = loaded;
      const fresh = flags.resume === undefined ? await seedsOf(flags, loaded) : undefined;
      const panels = panelsOf(config);
      if (fresh) {
        if (panels.explorers.length === 0)
          throw new ConfigError('no explorer models (P1): give at least one model the generator role');
        if (panels.scorers.length === 0)
          throw new ConfigError('no final scorers (P2): give at least one model the scorer role');
        if (!panels.judge) throw new ConfigError('no judge model: give a model the judge role');
        const engine = createEngine({ config, theory, configDir: loaded.dir, requireKeys: !flags.dryRun });
        try {
          const all = [
            ...panels.explorers,
            ...panels.scorers,
            panels.judge,
            ...(panels.safety ? [panels.safety] : []),
          ];
          for (const id of all) engine.provider(id, 'generator');
          if (flags.dryRun) {
            const generate = { ...config.generate, ...(settings.budget ? { budget: settings.budget } : {}) };
            printPlan(
              planGeneration({
                config,
                theory,
                seeds: fresh.seeds.length,
                ...panels,
                judge: panels.judge,
                settings: generate,
                priceOf: engine.priceOf,
              }),
            );
            return;
          }
          refuseUnpriced({
            engine,
            models: all,
            maxCost: settings.maxCost ?? config.generate.maxCost,
            allowUnpriced: flags.allowUnpriced,
          });
        } finally {
          await engine.close();
        }
      }
      if (flags.resume !== undefined && !existsSync(loaded.storePath))
        throw new ConfigError(`no run "${flags.resume}": there is no store at ${loaded.storePath}`);
      const store = runtime.openStore(loaded);
      try {
        if (flags.runId && store.runs.get(flags.runId))
          throw new ConfigError(
            `run "${flags.runId}" already exists in ${store.path}; use --resume ${flags.runId} to continue it`,
          );
        if (flags.resume && !store.runs.get(flags.resume))
          throw new ConfigError(`no run "${flags.resume}" in ${store.path}`);
        if (flags.extend && store.runs.get(flags.extend)?.kind !== 'generate')
          throw new ConfigError(`--extend ${flags.extend}: no generation run of that id in ${store.path}`);
        const runId = flags.resume ?? flags.runId ?? store.runs.newRunId('generate');
        const engine = createEngine({
          config,
          theory,
          configDir: loaded.dir,
          cache: store.cache,
          recorder: store.calls,
          useCache: flags.cache,
          retry: flags.retry,
          runId,
          signal: runtime.signal,
        });
        const progress = createProgressLine({ label: 'generate' });
        let last = { done: 0, total: 0, note: '' };
        const snapshot = () => {
          const usage = engine.usage().total;
          return {
            ...last,
            calls: usage.calls,
            cached: usage.cached,
            errors: usage.errors,
            tokens: usage.inputTokens + usage.outputTokens,
            costUsd: usage.costUsd,
          };
        };
        try {
          const summary = await runGeneration({
            config,
            theory,
            engine,
            store,
            seeds: fresh?.seeds,
            seedSource: fresh?.source,
            budget: settings.budget,
            maxCost: settings.maxCost,
            allowUnpriced: flags.allowUnpriced,
            runId,
            resume: flags.resume !== undefined,
            extend: flags.extend,
            signal: runtime.signal,
            onStart: (id, manifest) => {
              process.stderr.write(`run ${id}${flags.resume ? ' (resumed)' : ''}\n`);
              if (manifest.score.fallback)
                process.stderr.write(
                  `note: the exact score is unavailable (${manifest.score.fallback}); using the practical score\n`,
                );
            },
            onProgress: (state) => {
              const rejected = Object.values(state.rejected).reduce((sum, count) => sum + count, 0);
              const best = state.bestScore === null ? '–' : state.bestScore.toFixed(2);
              const mean = state.meanScore === null ? '–' : state.meanScore.toFixed(2);
              last =
                state.phase === 'seeds'
                  ? { done: state.seedsScored, total: state.seedsTotal, note: 'scoring seeds' }
                  : {
                      done: state.pullsDone,
                      total: state.budget,
                      note: `S best ${best} mean ${mean} | accepted ${state.accepted}, rejected ${rejected}`,
                    };
              progress.update(snapshot());
            },
          });
          progress.finish(snapshot());
          if (flags.json) printJson(summary);
          else process.stdout.write(`${renderGeneration(collectGeneration(store, summary.runId))}\n`);
        } finally {
          await engine.close();
        }
      } finally {
        store.close();
      }
    });
}
