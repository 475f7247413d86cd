import { ConfigError } from '../core/errors.js';

/** Same rule as the store's: what a run id may look like. */
export const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

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
