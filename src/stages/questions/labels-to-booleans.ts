import { z } from 'zod';
import type { ValueTheory } from '../../core/value-theory.js';
import type { ValueLabel } from './resolve-labels.js';

/**
 * What a violated value counts as: 'expressed' (a text arguing against Security still speaks to
 * Security), 'absent' (not expressed), or 'skip' (the pair is left out of the comparison).
 */
export const ViolatedAsSchema = z.enum(['expressed', 'absent', 'skip']);
export type ViolatedAs = z.infer<typeof ViolatedAsSchema>;

const VIOLATED_AS: Record<ViolatedAs, boolean | undefined> = {
  expressed: true,
  absent: false,
  skip: undefined,
};

/**
 * One text's labels as value id → marked, for every value of the theory: expressed → true, unnamed
 * → false, violated → as `violated` says (@default 'expressed'); with 'skip' a violated value's key
 * is left out, which judge agreement counts as unlabelled.
 */
export function labelsToBooleans(options: {
  labels: Readonly<Record<string, ValueLabel>>;
  theory: ValueTheory;
  violated?: ViolatedAs;
}): Record<string, boolean | undefined> {
  const violatedAs = VIOLATED_AS[ViolatedAsSchema.parse(options.violated ?? 'expressed')];
  const marks: Record<string, boolean | undefined> = {};
  for (const { id } of options.theory.values) {
    const label = options.labels[id];
    const mark = label === 'violated' ? violatedAs : label === 'expressed';
    if (mark !== undefined) marks[id] = mark;
  }
  return marks;
}
