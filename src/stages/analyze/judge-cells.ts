import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { ConfusionCounts } from './confusion-counts.js';

/**
 * One text as the judge read it and as people labelled it, value id → marked or not. A value left
 * undefined (or missing) is skipped for that text: on the judge's side it was unreadable, on the
 * labels' side it was left out (e.g. a violated value with `violated: 'skip'`).
 */
export const JudgedTextSchema = z.object({
  /** Names the text in error messages; its 1-based position otherwise. */
  id: z.string().optional(),
  judged: z.record(z.string(), z.boolean().optional()),
  labelled: z.record(z.string(), z.boolean().optional()),
});
export type JudgedText = z.input<typeof JudgedTextSchema>;

/** Cell codes of one (text, value) pair. */
const TRUE_POSITIVE = 0;
const FALSE_POSITIVE = 1;
const FALSE_NEGATIVE = 2;
const TRUE_NEGATIVE = 3;
const SKIPPED = 4;

/** The (text, value) pairs of one value as cell codes, and how many were skipped on each side. */
export interface ValueCells {
  codes: Uint8Array;
  /** Pairs the judge left unreadable. */
  unreadable: number;
  /** Pairs without a human label. */
  unlabelled: number;
}

function checkKeys(text: JudgedText, position: number, known: ReadonlySet<string>): void {
  for (const side of ['judged', 'labelled'] as const) {
    const unknown = Object.keys(text[side]).find((key) => !known.has(key));
    if (unknown !== undefined)
      throw new ConfigError(`text ${text.id ?? position + 1}: unknown value "${unknown}" in ${side}`);
  }
}

/** Each value's pairs as cell codes; a value id outside `valueIds` is a ConfigError naming the text. */
export function encodeCells(
  texts: readonly JudgedText[],
  valueIds: readonly string[],
): Record<string, ValueCells> {
  const known = new Set(valueIds);
  for (const [position, text] of texts.entries()) checkKeys(text, position, known);
  const cells: Record<string, ValueCells> = {};
  for (const valueId of valueIds) {
    const codes = new Uint8Array(texts.length);
    let unreadable = 0;
    let unlabelled = 0;
    for (const [index, text] of texts.entries()) {
      const judged = text.judged[valueId];
      const labelled = text.labelled[valueId];
      if (judged === undefined) unreadable++;
      if (labelled === undefined) unlabelled++;
      if (judged === undefined || labelled === undefined) codes[index] = SKIPPED;
      else if (judged) codes[index] = labelled ? TRUE_POSITIVE : FALSE_POSITIVE;
      else codes[index] = labelled ? FALSE_NEGATIVE : TRUE_NEGATIVE;
    }
    cells[valueId] = { codes, unreadable, unlabelled };
  }
  return cells;
}

/** Confusion counts of one value over the texts at `sample` (indices, repeats allowed). */
export function tallyCells(codes: Uint8Array, sample: readonly number[]): ConfusionCounts {
  const counts = [0, 0, 0, 0, 0];
  for (const index of sample) counts[codes[index]!]!++;
  return {
    truePositives: counts[TRUE_POSITIVE]!,
    falsePositives: counts[FALSE_POSITIVE]!,
    falseNegatives: counts[FALSE_NEGATIVE]!,
    trueNegatives: counts[TRUE_NEGATIVE]!,
  };
}
