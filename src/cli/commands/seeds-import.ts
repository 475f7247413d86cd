import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import type { LoadedConfig } from '../../config/load-config.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import { createEngine } from '../../providers/engine.js';
import { conclusionsToSeeds, type Generator } from '../../stages/seeds/conclusions-to-seeds.js';
import { parsePlainSeeds } from '../../stages/seeds/parse-plain-seeds.js';
import { parseToucheArguments } from '../../stages/seeds/parse-touche.js';
import { parseValueBench } from '../../stages/seeds/parse-valuebench.js';
import { readSeedFile } from '../../stages/seeds/read-seed-file.js';
import { dedupeSeeds } from '../../stages/seeds/seed-text.js';
import { firstPerValue } from '../../stages/seeds/select-seeds.js';
import { createProgressLine } from '../progress-line.js';
import type { CliRuntime } from '../runtime.js';

/** The formats `adaem seeds import` reads. */
export const IMPORT_FORMATS = ['valuebench', 'touche', 'jsonl', 'txt'] as const;
type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Flags of `adaem seeds import`. */
export interface ImportFlags {
  out?: string;
  limit?: number;
  perValue?: number;
  models?: string;
  cache: boolean;
}

function formatOf(name: string): ImportFormat {
  const found = IMPORT_FORMATS.find((format) => format === name.toLowerCase());
  if (!found)
    throw new ConfigError(
      `unknown seed format "${name}"; use ${IMPORT_FORMATS.join(', ')}${didYouMean(name, IMPORT_FORMATS)}`,
    );
  return found;
}

function generatorIds(loaded: LoadedConfig, flag: string | undefined): string[] {
  const ids = flag
    ? flag
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : loaded.config.models.filter((model) => model.roles.includes('generator')).map((model) => model.id);
  if (ids.length === 0)
    throw new ConfigError(
      `no generator model in ${loaded.path ?? 'the config'}: give a model the generator role or pass --models`,
    );
  return ids;
}

/** Touché: distinct conclusions → yes/no questions by the generator models, through the engine. */
async function importTouche(
  path: string,
  text: string,
  flags: ImportFlags,
  command: Command,
  runtime: CliRuntime,
): Promise<Question[]> {
  const parsed = parseToucheArguments({ path, text });
  const conclusions = flags.limit ? parsed.conclusions.slice(0, flags.limit) : parsed.conclusions;
  if (parsed.duplicates > 0)
    process.stderr.write(`${path}: ${parsed.duplicates} repeated conclusion(s) asked once\n`);
  const loaded = runtime.loadConfig(command);
  const ids = generatorIds(loaded, flags.models);
  const store = flags.cache ? runtime.openStore(loaded) : undefined;
  const engine = createEngine({
    config: loaded.config,
    theory: loaded.theory,
    configDir: loaded.dir,
    cache: store?.cache,
    useCache: flags.cache,
    signal: runtime.signal,
  });
  const progress = createProgressLine({ label: 'seeds import touche' });
  const snapshot = (done: number, total: number) => {
    const { calls, cached, errors, costUsd, inputTokens, outputTokens } = engine.usage().total;
    return { done, total, calls, cached, errors, tokens: inputTokens + outputTokens, costUsd };
  };
  try {
    const generators: Generator[] = ids.map((id) => ({ id, provider: engine.provider(id, 'generator') }));
    const result = await conclusionsToSeeds({
      conclusions,
      generators,
      signal: runtime.signal,
      onProgress: (done, total) => progress.update(snapshot(done, total)),
    });
    progress.finish(snapshot(conclusions.length, conclusions.length));
    for (const failure of result.failures)
      process.stderr.write(
        `skipped argument ${failure.argumentId} ("${failure.conclusion}"): ${failure.model}: ${failure.reason}\n`,
      );
    process.stderr.write(
      `${conclusions.length} conclusion(s): ${result.seeds.length - result.keptAsIs} turned into questions, ${result.keptAsIs} already questions, ${result.failures.length} skipped (no usable question)\n`,
    );
    return result.seeds;
  } finally {
    await engine.close();
    store?.close();
  }
}

/** `adaem seeds import FORMAT FILE`: any seed source → deduplicated seed JSONL on stdout or `--out`. */
export async function runSeedsImport(
  formatName: string,
  file: string,
  flags: ImportFlags,
  command: Command,
  runtime: CliRuntime,
): Promise<void> {
  const format = formatOf(formatName);
  if (flags.perValue !== undefined && format !== 'valuebench')
    throw new ConfigError('--per-value applies to valuebench imports only');
  const path = file;
  const { config } = runtime.loadConfig(command);
  const text = await readSeedFile(path, { limits: config.input, signal: runtime.signal });
  let seeds: Question[];
  if (format === 'touche') seeds = await importTouche(path, text, flags, command, runtime);
  else if (format === 'valuebench') {
    const { theory } = runtime.loadConfig(command);
    seeds = parseValueBench({ path, text, theory });
  } else seeds = parsePlainSeeds({ path, text, format, source: basename(path), limits: config.input });
  const { seeds: distinct, duplicates } = dedupeSeeds(seeds);
  let chosen = flags.perValue === undefined ? distinct : firstPerValue(distinct, flags.perValue);
  if (flags.limit !== undefined && format !== 'touche') chosen = chosen.slice(0, flags.limit);
  if (duplicates.length > 0)
    process.stderr.write(`${path}: ${duplicates.length} duplicate seed(s) dropped\n`);
  const jsonl = chosen.map((seed) => JSON.stringify(seed)).join('\n');
  if (flags.out) {
    const out = resolve(flags.out);
    try {
      await writeFile(out, chosen.length > 0 ? `${jsonl}\n` : '');
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : 'write failed';
      throw new ConfigError(`${flags.out}: cannot write the seed file (${reason})`);
    }
    process.stderr.write(`wrote ${chosen.length} seed(s) to ${flags.out}\n`);
  } else if (chosen.length > 0) process.stdout.write(`${jsonl}\n`);
}
