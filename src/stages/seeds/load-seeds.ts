import { basename, extname, resolve } from 'node:path';
import { didYouMean } from '../../core/did-you-mean.js';
import { ConfigError } from '../../core/errors.js';
import type { ReadInputOptions } from '../../core/input-limits.js';
import type { Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { loadQuestions } from '../questions/load-questions.js';
import { BUILTIN_SEED_POOLS, isBuiltinPool } from './builtin-pools.js';
import { SEED_CATEGORIES } from './categories.js';
import { parsePlainSeeds } from './parse-plain-seeds.js';
import { parseValueBench } from './parse-valuebench.js';
import { readSeedFile } from './read-seed-file.js';
import { dedupeSeeds } from './seed-text.js';
import { limitSeedsBalanced } from './select-seeds.js';

/** Where seeds come from: `builtin` (the run theory's pool), `builtin:schwartz`, `builtin:mft`, or a file. */
export type SeedSpec = string;

/** Options of `loadSeeds`. */
export interface LoadSeedsOptions {
  /** The run's theory: picks the pool for `builtin` and maps ValueBench value names to ids. */
  theory: ValueTheory;
  /** Directory a relative file path is resolved against. @default process.cwd() */
  baseDir?: string;
  /** Keep only these categories: full names ("Economics & Business") or built-in ids ("economics"), any case. */
  categories?: readonly string[];
  /** Keep at most this many, balanced across categories (see `limitSeedsBalanced`). */
  limit?: number;
  /** Seed of the shuffle behind `limit`. @default 42 */
  seed?: number;
  /** Limits on reading a seed file, and a signal that stops the read. */
  input?: ReadInputOptions;
}

const VALUEBENCH_HEADER = /^\uFEFF?questionnaire,item,value,agreement,question\s*$/i;

async function seedsFromFile(
  path: string,
  theory: ValueTheory,
  input: ReadInputOptions,
): Promise<Question[]> {
  const type = extname(path).toLowerCase();
  if (type === '.jsonl' || type === '.txt') {
    const text = await readSeedFile(path, input);
    return parsePlainSeeds({
      path,
      text,
      format: type === '.jsonl' ? 'jsonl' : 'txt',
      source: basename(path),
      limits: input.limits,
    });
  }
  if (type === '.csv') {
    const text = await readSeedFile(path, input);
    // ValueBench repeats items under several values, which the general CSV reader calls duplicate ids.
    if (VALUEBENCH_HEADER.test(text.split(/\r?\n/, 1)[0] ?? ''))
      return parseValueBench({ path, text, theory });
    return loadQuestions({ path, ...input });
  }
  throw new ConfigError(`${path}: unknown seed file type; use .jsonl, .txt or .csv`);
}

function poolOf(spec: string, theory: ValueTheory): readonly Question[] | undefined {
  if (spec === 'builtin') {
    if (!isBuiltinPool(theory.id))
      throw new ConfigError(
        `no built-in seeds for theory "${theory.id}"; use builtin:schwartz, builtin:mft or a seed file`,
      );
    return BUILTIN_SEED_POOLS[theory.id];
  }
  if (!spec.startsWith('builtin:')) return undefined;
  const id = spec.slice('builtin:'.length);
  if (!isBuiltinPool(id))
    throw new ConfigError(
      `unknown seed pool "${spec}"; use builtin, builtin:schwartz or builtin:mft${didYouMean(id, Object.keys(BUILTIN_SEED_POOLS))}`,
    );
  return BUILTIN_SEED_POOLS[id];
}

/** The category a filter entry names: a present category (any case), else a built-in category id. */
function categoryOf(entry: string, present: readonly string[]): string | undefined {
  const lower = entry.trim().toLowerCase();
  const direct = present.find((category) => category.toLowerCase() === lower);
  if (direct) return direct;
  const builtin = Object.entries(SEED_CATEGORIES).find(([id]) => id === lower)?.[1];
  return builtin && present.includes(builtin) ? builtin : undefined;
}

function filterCategories(seeds: Question[], categories: readonly string[]): Question[] {
  const present = [...new Set(seeds.flatMap((seed) => (seed.category ? [seed.category] : [])))];
  const wanted = new Set<string>();
  for (const entry of categories) {
    const category = categoryOf(entry, present);
    if (category === undefined) {
      const known = present.length > 0 ? present.join('; ') : 'none: these seeds have no categories';
      const ids = Object.keys(SEED_CATEGORIES).filter((id) => categoryOf(id, present) !== undefined);
      throw new ConfigError(
        `no seeds in category "${entry}"${didYouMean(entry, [...present, ...ids])}; categories: ${known}`,
      );
    }
    wanted.add(category);
  }
  return seeds.filter((seed) => seed.category !== undefined && wanted.has(seed.category));
}

/**
 * Loads seed topics as questions: a built-in pool or a JSONL/TXT/CSV (incl. ValueBench) file,
 * deduplicated on normalised text (case, spaces and punctuation ignored; the first is kept),
 * optionally filtered by category and limited (balanced across categories, seeded, deterministic).
 */
export async function loadSeeds(spec: SeedSpec, options: LoadSeedsOptions): Promise<Question[]> {
  const trimmed = spec.trim();
  if (trimmed === '') throw new ConfigError('empty seed source; use builtin or a seed file');
  const pool = poolOf(trimmed, options.theory);
  const loaded = pool
    ? [...pool]
    : await seedsFromFile(
        resolve(options.baseDir ?? process.cwd(), trimmed),
        options.theory,
        options.input ?? {},
      );
  let seeds = dedupeSeeds(loaded).seeds;
  if (options.categories && options.categories.length > 0)
    seeds = filterCategories(seeds, options.categories);
  if (options.limit !== undefined) {
    if (!Number.isInteger(options.limit) || options.limit < 1)
      throw new ConfigError(`seed limit must be a whole number ≥ 1, got ${options.limit}`);
    seeds = limitSeedsBalanced(seeds, options.limit, options.seed ?? 42);
  }
  return seeds;
}
