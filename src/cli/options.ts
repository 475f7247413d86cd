import { type Command, Option } from 'commander';
import type { LoadedConfig } from '../config/load-config.js';
import { ConfigError } from '../core/errors.js';
import { RUN_ID } from '../core/run-id.js';

/** The one rule for run ids, shared with the store. */
export { RUN_ID };

/** Checks the run ids given to flags (`{ '--resume': 'run-…' }`); a malformed one is a usage error naming its flag. */
export function checkRunIds(ids: Record<string, string | undefined>): void {
  for (const [flag, id] of Object.entries(ids))
    if (id !== undefined && !RUN_ID.test(id))
      throw new ConfigError(`${flag} "${id}" must be 1–100 letters, digits, dots, dashes or underscores`);
}

/** What a number flag accepts; `what` says it in words for the error ("a whole number ≥ 1"). */
export interface NumberRule {
  min: number;
  max?: number;
  integer?: boolean;
  /** The number must be above `min`, not equal to it. */
  above?: boolean;
  what: string;
}

/** A whole number from `min` (to `max`). */
export function whole(min: number, max?: number): NumberRule {
  return max === undefined
    ? { min, integer: true, what: `a whole number ≥ ${min}` }
    : { min, max, integer: true, what: `a whole number from ${min} to ${max}` };
}

/** A number flag's value checked against its rule; undefined when the flag was not given. */
export function numberFlag(flag: string, value: string | undefined, rule: NumberRule): number | undefined {
  if (value === undefined) return undefined;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  const valid =
    Number.isFinite(number) &&
    (rule.above ? number > rule.min : number >= rule.min) &&
    (rule.max === undefined || number <= rule.max) &&
    (!rule.integer || Number.isInteger(number));
  if (!valid) throw new ConfigError(`${flag} must be ${rule.what}, got "${value}"`);
  return number;
}

/** The same check as a commander option parser (`.option('--limit <n>', …, numberParser('--limit', whole(1)))`). */
export function numberParser(flag: string, rule: NumberRule): (value: string) => number {
  return (value) => numberFlag(flag, value, rule) as number;
}

/**
 * The options every command that has them spells the same way (issue 23): `-c, --config` (global,
 * shown under "Global Options" in every command's help), `-o, --out`, `--json`, `-m, --models`,
 * `--run-id`, `--seed`. Each takes the command's own description of what it means there.
 */
export const sharedOption = {
  /** Where the command writes its file or folder. */
  out: (description: string, value = '<file>') => new Option(`-o, --out ${value}`, description),
  /** Machine-readable output on stdout. */
  json: (description = 'print JSON') => new Option('--json', description),
  /** Model ids, comma-separated `provider:model`. */
  models: (description: string) => new Option('-m, --models <ids>', description),
  /** The id of a new run. */
  runId: (description = 'name the run (default: generated)') => new Option('--run-id <name>', description),
  /** The random seed (a whole number ≥ 0). */
  seed: (description: string) => new Option('--seed <n>', description),
} as const;

/** Old spellings typed in this invocation, by command and the attribute they set. */
const typedAliases = new WeakMap<Command, Map<string, string>>();

/**
 * Keeps an old spelling working for a release, hidden from help: `--output FILE` sets `out` as
 * `--out FILE` would (silently, so scripts keep their output as it was).
 */
export function hiddenAlias(command: Command, old: string, current: { name: string }): Command {
  const option = new Option(`${old} <value>`).hideHelp();
  command.addOption(option);
  command.on(`option:${option.name()}`, (value: string) => {
    command.setOptionValueWithSource(current.name, value, 'cli');
    const typed = typedAliases.get(command) ?? new Map<string, string>();
    typed.set(current.name, old);
    typedAliases.set(command, typed);
  });
  return command;
}

/** The flag as the user typed it (`--seeds` for `--seed-topics`), to name it in a message. */
export function flagAsTyped(command: Command, name: string, flag: string): string {
  return typedAliases.get(command)?.get(name) ?? flag;
}

/** Adds "Example:" lines to a command's help (each an `adaem …` command line). */
export function withExamples(command: Command, ...lines: string[]): Command {
  const label = lines.length === 1 ? 'Example' : 'Examples';
  return command.addHelpText('after', `\n${label}:\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}

/** `--models a,b` as a list; a usage error when it names none. */
export function modelList(flag: string, value: string | undefined): string[] | undefined {
  const models = value
    ?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (models !== undefined && models.length === 0)
    throw new ConfigError(`${flag} must list provider:model ids, got "${value}"`);
  return models;
}

/** `--seed N` over the config's `seed:` for a new run; a resumed run keeps the seed it recorded. */
export function withSeed(loaded: LoadedConfig, flags: { seed?: string; resume?: string }): LoadedConfig {
  if (flags.seed === undefined) return loaded;
  if (flags.resume !== undefined)
    throw new ConfigError(`--resume ${flags.resume} continues the run with its recorded seed; drop --seed`);
  const seed = numberFlag('--seed', flags.seed, whole(0, 2_147_483_647)) as number;
  return { ...loaded, config: { ...loaded.config, seed } };
}
