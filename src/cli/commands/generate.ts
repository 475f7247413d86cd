import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import { ConfigError } from '../../core/errors.js';
import { collectGeneration } from '../../run/generate/collect-generation.js';
import type { GenerateSummary } from '../../run/generate/generate.js';
import type { Store } from '../../store/index.js';
import { BATCH_HELP, withBatchFlag } from '../batch-flags.js';
import { EXIT } from '../exit-codes.js';
import {
  checkRunIds,
  flagAsTyped,
  hiddenAlias,
  numberFlag,
  sharedOption,
  withExamples,
  withSeed,
} from '../options.js';
import {
  describeProtocol,
  PROTOCOL_HELP,
  protocolNote,
  requireEmbedder,
  withProtocol,
} from '../protocol-flag.js';
import { renderGeneration } from '../render/generation.js';
import { runName } from '../render/wording.js';
import { type CliRuntime, printJson } from '../runtime.js';
import { executeGeneration } from '../stage/execute-stage.js';
import { checkGeneration, requireStoreToResume, runIdOf, seedsOf } from '../stage/stage-inputs.js';

/** Flags of `adaem generate`. */
interface GenerateFlags {
  seed?: string;
  maxErrorRate?: string;
  seedTopics?: string;
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
  protocol?: string;
  batch?: boolean;
}

/** `--max-error-rate` over `generate.maxErrorRate`. */
function withMaxErrorRate(loaded: LoadedConfig, flags: GenerateFlags): LoadedConfig {
  const rate = numberFlag('--max-error-rate', flags.maxErrorRate, {
    min: 0,
    max: 1,
    what: 'a share from 0 to 1',
  });
  if (rate === undefined) return loaded;
  return {
    ...loaded,
    config: { ...loaded.config, generate: { ...loaded.config.generate, maxErrorRate: rate } },
  };
}

/** Failed model calls in one line; a run over its error limit ends with exit 1. */
function reportFailedCalls(summary: GenerateSummary, limit: number): void {
  const calls = summary.calls;
  if (!calls || calls.failed === 0) return;
  const share = `${calls.failed} of ${calls.sent} model calls failed (${(calls.rate * 100).toFixed(1)} %)`;
  if (summary.status !== 'failed') {
    process.stderr.write(`${share}; they were recorded and left out, never scored\n`);
    return;
  }
  process.stderr.write(
    `${runName(summary.runId)} failed: ${share}, over the limit of ${(limit * 100).toFixed(1)} % (--max-error-rate); see adaem runs and the calls table\n`,
  );
  process.exitCode = EXIT.failed;
}

/** Checks the run ids and the flags `--resume` cannot take; parses `--budget` and `--max-cost`. */
function parseFlags(flags: GenerateFlags, command: Command) {
  checkRunIds({ '--run-id': flags.runId, '--resume': flags.resume, '--extend': flags.extend });
  if (flags.resume !== undefined) {
    const fixed = (
      [
        ['seedTopics', flagAsTyped(command, 'seedTopics', '--seed-topics')],
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
  const generate = program
    .command('generate')
    .description('grow value-eliciting, contested questions from seed topics by probing panels of LLMs')
    .option('--seed-topics <file>', 'seed topics: a file or builtin, builtin:mft (default: generate.seeds)')
    .option('--budget <pulls>', 'arm pulls B (default: generate.budget, 1500)')
    .option('--max-cost <usd>', 'stop before spending more than this (USD); resumable')
    .option('--allow-unpriced', 'let --max-cost run models with no known price (counted as free)')
    .addOption(sharedOption.runId())
    .addOption(sharedOption.seed('random seed of the search (default: seed in the config, 42)'))
    .option('--resume <runId>', 'continue a stopped run from its last finished pull')
    .option('--extend <runId>', 'new panel models: keep only questions that do not overlap that run’s bank')
    .option('--dry-run', 'print planned calls, tokens and cost per model and role, then exit')
    .option('--no-cache', 'do not read or write the response cache')
    .option('--no-retry', 'do not retry failed calls')
    .option(
      '--max-error-rate <share>',
      'fail the run above this share of failed model calls (0–1; default generate.maxErrorRate)',
    )
    .addOption(sharedOption.json('print the summary as JSON'))
    .option('--protocol <name>', PROTOCOL_HELP)
    .option('--batch', BATCH_HELP.batch)
    .action((flags: GenerateFlags, command: Command) => generateAction(runtime, flags, command));
  hiddenAlias(generate, '--seeds', { name: 'seedTopics' });
  withExamples(
    generate,
    'adaem generate --budget 30 --dry-run   # calls, tokens and cost, no call made',
    'adaem generate --seed-topics seeds.jsonl --budget 300 --max-cost 5 --run-id bank1',
  );
}

/** Runs `adaem generate`: checks a new run (or plans it for --dry-run), then runs or resumes it in the store. */
async function generateAction(runtime: CliRuntime, flags: GenerateFlags, command: Command): Promise<void> {
  const settings = parseFlags(flags, command);
  const { loaded, setAside } = withProtocol(
    withMaxErrorRate(withBatchFlag(withSeed(runtime.loadConfig(command), flags), flags), flags),
    flags,
  );
  const fresh = flags.resume === undefined ? await seedsOf(flags.seedTopics, loaded) : undefined;
  if (fresh) {
    requireEmbedder(loaded);
    if (flags.dryRun) process.stdout.write(describeProtocol(loaded, setAside, ['generate.']));
    else process.stderr.write(protocolNote(loaded, setAside, ['generate.']));
    await checkGeneration(loaded, {
      seeds: fresh.seeds.length,
      ...settings,
      allowUnpriced: flags.allowUnpriced,
      dryRun: flags.dryRun,
    });
    if (flags.dryRun) return;
  }
  requireStoreToResume(loaded, flags.resume);
  const store = runtime.openStore(loaded);
  try {
    await generateInStore({ runtime, loaded, store, flags, settings, fresh });
  } finally {
    store.close();
  }
}

/** Runs (or resumes) the search in the open store, prints its bank or summary, and reports failed calls. */
async function generateInStore(options: {
  runtime: CliRuntime;
  loaded: LoadedConfig;
  store: Store;
  flags: GenerateFlags;
  settings: ReturnType<typeof parseFlags>;
  /** The seeds of a new run; none on --resume. */
  fresh: Awaited<ReturnType<typeof seedsOf>> | undefined;
}): Promise<void> {
  const { runtime, loaded, store, flags, settings, fresh } = options;
  const runId = runIdOf(store, flags, 'generate');
  if (flags.extend && store.runs.get(flags.extend)?.kind !== 'generate')
    throw new ConfigError(`--extend ${flags.extend}: no generation run of that id in ${store.path}`);
  const summary = await executeGeneration({
    loaded,
    store,
    runtime,
    runId,
    resume: flags.resume !== undefined,
    seeds: fresh,
    ...settings,
    allowUnpriced: flags.allowUnpriced,
    extend: flags.extend,
    switches: flags,
  });
  if (flags.json) printJson(summary);
  else process.stdout.write(`${renderGeneration(collectGeneration(store, summary.runId))}\n`);
  reportFailedCalls(summary, loaded.config.generate.maxErrorRate);
}
