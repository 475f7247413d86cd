import { didYouMean } from '../../core/did-you-mean.js';
import { ConfigError } from '../../core/errors.js';
import type { ValueTheory } from '../../core/value-theory.js';

/** Whether a text expresses a value or argues against it. */
export type ValueLabel = 'expressed' | 'violated';

/** The label lists of one row as written, before value names are checked; absent lists are undefined. */
export interface RawLabels {
  expressed?: readonly string[];
  violated?: readonly string[];
  /** Expressed values under the name of the plain `{text, values}` format. */
  values?: readonly string[];
}

/** `Self-Direction`, `self direction` and `SELF_DIRECTION` all become `self_direction`. */
function normaliseValueName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The id of a value given by id or display name (case, spaces and hyphens ignored), if the theory has it. */
export function resolveValueId(theory: ValueTheory, name: string): string | undefined {
  const key = normaliseValueName(name);
  return theory.values.find((value) => value.id === key || normaliseValueName(value.name) === key)?.id;
}

function resolveList(
  location: string,
  field: string,
  names: readonly string[],
  theory: ValueTheory,
): string[] {
  return names.map((name) => {
    const id = resolveValueId(theory, name);
    if (id !== undefined) return id;
    const ids = theory.values.map((value) => value.id);
    const hint = didYouMean(normaliseValueName(name), ids) || `; known: ${ids.join(', ')}`;
    throw new ConfigError(`${location}: unknown value "${name}" in "${field}"${hint}`);
  });
}

/**
 * A row's labels as value id → 'expressed' | 'violated'; a ConfigError naming `location` and the
 * field for an unknown value, "values" next to "expressed", or a row with no label field at all (empty
 * lists are fine: the text speaks to no value). A value both expressed and violated (a text can
 * promote one side of a value and go against another; real annotations do this) is expressed.
 */
export function resolveLabels(
  location: string,
  raw: RawLabels,
  theory: ValueTheory,
): Record<string, ValueLabel> {
  if (raw.expressed === undefined && raw.violated === undefined && raw.values === undefined)
    throw new ConfigError(`${location}: no labels; give "expressed" and/or "violated", or "values"`);
  if (raw.expressed !== undefined && raw.values !== undefined)
    throw new ConfigError(`${location}: give expressed values in "expressed" or "values", not both`);
  const expressedField = raw.values !== undefined ? 'values' : 'expressed';
  const expressed = new Set(resolveList(location, expressedField, raw.values ?? raw.expressed ?? [], theory));
  const violated = new Set(resolveList(location, 'violated', raw.violated ?? [], theory));
  // In theory order, whatever order the row gave them in.
  const labels: Record<string, ValueLabel> = {};
  for (const { id } of theory.values) {
    if (expressed.has(id)) labels[id] = 'expressed';
    else if (violated.has(id)) labels[id] = 'violated';
  }
  return labels;
}
