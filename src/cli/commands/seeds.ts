import type { Command } from 'commander';
import { didYouMean } from '../../core/did-you-mean.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { BUILT_IN_THEORIES } from '../../core/theories.js';
import { valueIds } from '../../core/value-theory.js';
import { BUILTIN_SEED_POOLS, isBuiltinPool } from '../../stages/seeds/builtin-pools.js';
import { SEED_CATEGORY_NAMES } from '../../stages/seeds/categories.js';
import { loadSeeds } from '../../stages/seeds/load-seeds.js';
import { numberParser, sharedOption, whole, withExamples } from '../options.js';
import { type CliRuntime, printJson } from '../runtime.js';
import { IMPORT_FORMATS, type ImportFlags, runSeedsImport } from './seeds-import.js';

/** Flags of `adaem seeds list`. */
interface ListFlags {
  category?: string[];
  theory?: string;
  limit?: number;
  seed?: number;
  json?: boolean;
}

/** Columns padded to their widest cell, left-aligned (the text column is long). */
function leftTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

/** `name count` pairs, in `order` first (zeros included), then any other names as they appear. */
function counts(seeds: Question[], field: 'category' | 'targetValue', order: readonly string[]): string {
  const tally = new Map<string, number>(order.map((name) => [name, 0]));
  for (const seed of seeds) tally.set(seed[field] ?? '-', (tally.get(seed[field] ?? '-') ?? 0) + 1);
  return [...tally].map(([name, count]) => `${name} ${count}`).join('; ');
}

/** Collects a repeated `--category` flag into a list. */
function collect(value: string, previous: string[] = []): string[] {
  // Not split on commas: "Science, Health & Environment" is one category.
  return [...previous, value.trim()].filter(Boolean);
}

/** `adaem seeds list | import`: the built-in seed topics of the search, and importers for other seed sets. */
export function registerSeeds(program: Command, runtime: CliRuntime): void {
  const seeds = program
    .command('seeds')
    .description('seed topics for adaem generate: list the built-in pool, import others');
  withExamples(seeds, 'adaem seeds list --category economics');
  registerSeedsList(seeds, runtime);
  registerSeedsImport(seeds, runtime);
}

/** `adaem seeds list`: its options and action. */
function registerSeedsList(seeds: Command, runtime: CliRuntime): void {
  const list = seeds
    .command('list')
    .description('the built-in seed topics, with counts per category and value')
    .option('--category <name>', 'only this category: its name or id, e.g. economics (repeatable)', collect)
    .option('--theory <id>', 'schwartz or mft (default: the config theory)')
    .option(
      '--limit <n>',
      'at most N, balanced across categories (seeded by the config seed)',
      numberParser('--limit', whole(1)),
    )
    .addOption(
      sharedOption
        .seed('seed of the balanced --limit sample (default: seed in the config)')
        .argParser(numberParser('--seed', whole(0))),
    )
    .addOption(sharedOption.json('print the seeds as JSON'))
    .action((flags: ListFlags, command: Command) => listSeeds(runtime, flags, command));
  withExamples(list, 'adaem seeds list --theory mft --limit 20 --seed 7 --json');
}

/** Runs `seeds list`: the built-in seeds of the theory asked (or the config's), as JSON or a table with counts. */
async function listSeeds(runtime: CliRuntime, flags: ListFlags, command: Command): Promise<void> {
  const loaded = runtime.loadConfig(command);
  if (flags.theory && !isBuiltinPool(flags.theory))
    throw new ConfigError(
      `--theory: no built-in seeds for "${flags.theory}"; use schwartz or mft${didYouMean(flags.theory, Object.keys(BUILTIN_SEED_POOLS))}`,
    );
  const theory =
    flags.theory && isBuiltinPool(flags.theory) ? BUILT_IN_THEORIES[flags.theory] : loaded.theory;
  const list = await loadSeeds(flags.theory ? `builtin:${flags.theory}` : 'builtin', {
    theory,
    categories: flags.category,
    limit: flags.limit,
    seed: flags.seed ?? loaded.config.seed,
  });
  if (flags.json) return printJson(list);
  const rows = list.map((seed) => [seed.id, seed.category ?? '-', seed.targetValue ?? '-', seed.text]);
  process.stdout.write(`${leftTable(['id', 'category', 'target value', 'text'], rows)}\n\n`);
  process.stdout.write(
    `${list.length} seeds\nper category: ${counts(list, 'category', flags.category ? [] : SEED_CATEGORY_NAMES)}\n`,
  );
  process.stdout.write(`per value: ${counts(list, 'targetValue', valueIds(theory))}\n`);
}

/** `adaem seeds import <format> <file>`: its options; the action is `runSeedsImport`. */
function registerSeedsImport(seeds: Command, runtime: CliRuntime): void {
  const importer = seeds
    .command('import')
    .description(`turn a seed source into seed JSONL: ${IMPORT_FORMATS.join(' | ')} FILE`)
    .argument('<format>', IMPORT_FORMATS.join(' | '))
    .argument('<file>', 'the file to import')
    .addOption(sharedOption.out('write the seeds here instead of stdout'))
    .option(
      '--limit <n>',
      'at most N seeds (touche: the first N distinct conclusions)',
      numberParser('--limit', whole(1)),
    )
    .option(
      '--per-value <n>',
      'valuebench: the first N items of each value',
      numberParser('--per-value', whole(1)),
    )
    .addOption(sharedOption.models('touche: generator models, comma-separated (default: role generator)'))
    .option('--no-cache', 'touche: do not read or write the response cache')
    .action((format: string, file: string, flags: ImportFlags, command: Command) =>
      runSeedsImport(format, file, flags, command, runtime),
    );
  withExamples(importer, 'adaem seeds import valuebench valuebench.csv --per-value 20 --out seeds.jsonl');
}
