import { ConfigError } from '../../core/errors.js';
import { TOUCHE_CATEGORIES, toucheBasicValue } from '../../core/theories-schwartz-19.js';
import type { ValueTheory } from '../../core/value-theory.js';
import type { LabelledText } from './labelled-text.js';

/** Cells of a tab-separated file (Touché's files are unquoted), with the header. */
function readTsv(
  file: string,
  content: string,
): { header: string[]; rows: { line: number; cells: string[] }[] } {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((cell) => cell.trim());
  const rows = lines
    .map((line, index) => ({ line: index + 1, cells: line.split('\t') }))
    .slice(1)
    .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  for (const row of rows)
    if (row.cells.length !== header.length)
      throw new ConfigError(
        `${file}:${row.line}: expected ${header.length} tab-separated cells, found ${row.cells.length}`,
      );
  return { header, rows };
}

function column(file: string, header: string[], name: string): number {
  const index = header.findIndex((cell) => cell.toLowerCase() === name.toLowerCase());
  if (index < 0) throw new ConfigError(`${file}:1: missing column "${name}" (found: ${header.join(', ')})`);
  return index;
}

/** Which value of `theory` each Touché category labels: the refined value, or the basic one. */
function categoryTarget(theory: ValueTheory): (category: string) => string | undefined {
  const ids = new Set(theory.values.map((value) => value.id));
  if (theory.id === 'schwartz-19') return (category) => TOUCHE_CATEGORIES[category] ?? undefined;
  if (['self_direction', 'power', 'universalism'].every((id) => ids.has(id))) return toucheBasicValue;
  throw new ConfigError(
    `Touché23-ValueEval labels are Schwartz values: use theory schwartz or schwartz-19, not ${theory.id}`,
  );
}

/**
 * Labelled texts from Touché23-ValueEval: `arguments-*.tsv` (Argument ID, Conclusion, Stance, Premise)
 * and its `labels-*.tsv` (Argument ID and one 0/1 column per value category). The text is the
 * premise with its stance and conclusion; with the ten-value theory the 20 categories map to their
 * basic values (Schwartz's own grouping, in the theory data), with `schwartz-19` to the refined ones
 * ("Universalism: objectivity", which has no refined value, is then left out).
 */
export function parseToucheLabelled(options: {
  argumentsFile: string;
  argumentsText: string;
  labelsFile: string;
  labelsText: string;
  theory: ValueTheory;
}): LabelledText[] {
  const { argumentsFile, labelsFile } = options;
  const target = categoryTarget(options.theory);
  const args = readTsv(argumentsFile, options.argumentsText);
  const labels = readTsv(labelsFile, options.labelsText);
  const at = {
    id: column(argumentsFile, args.header, 'Argument ID'),
    conclusion: column(argumentsFile, args.header, 'Conclusion'),
    stance: column(argumentsFile, args.header, 'Stance'),
    premise: column(argumentsFile, args.header, 'Premise'),
  };
  const labelId = column(labelsFile, labels.header, 'Argument ID');
  const categories = labels.header
    .map((name, index) => ({ name, index }))
    .filter((entry) => entry.index !== labelId);
  const unknown = categories.find((entry) => !(entry.name in TOUCHE_CATEGORIES));
  if (unknown) throw new ConfigError(`${labelsFile}:1: unknown value category "${unknown.name}"`);
  const byId = new Map<string, LabelledText['labels']>();
  for (const row of labels.rows) {
    const found: LabelledText['labels'] = {};
    for (const { name, index } of categories) {
      const cell = row.cells[index]!.trim();
      if (cell !== '0' && cell !== '1')
        throw new ConfigError(`${labelsFile}:${row.line}: "${name}" should be 0 or 1, got "${cell}"`);
      const id = target(name);
      if (cell === '1' && id !== undefined) found[id] = 'expressed';
    }
    byId.set(row.cells[labelId]!.trim(), found);
  }
  if (args.rows.length === 0) throw new ConfigError(`${argumentsFile}: no arguments after the header`);
  return args.rows.map((row) => {
    const id = row.cells[at.id]!.trim();
    const found = byId.get(id);
    if (!found)
      throw new ConfigError(`${argumentsFile}:${row.line}: argument ${id} has no row in ${labelsFile}`);
    const premise = row.cells[at.premise]!.trim();
    if (premise === '') throw new ConfigError(`${argumentsFile}:${row.line}: empty "Premise"`);
    const text = `${premise} (${row.cells[at.stance]!.trim()}: ${row.cells[at.conclusion]!.trim()})`;
    return { id, text, labels: found };
  });
}
