import { z } from 'zod';

/** One value of a theory: a stable id, a display name and a one-line definition. */
export const ValueDefinitionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'value ids are lower_snake_case'),
  name: z.string().min(1),
  definition: z.string().min(1),
});
export type ValueDefinition = z.infer<typeof ValueDefinitionSchema>;

/** A value theory as data: values in circular order, higher-order groups, and which values oppose. */
export const ValueTheorySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_-]*$/),
    name: z.string().min(1),
    /** Values in circular order: neighbours are compatible, values half a circle apart conflict. */
    values: z.array(ValueDefinitionSchema).min(2),
    /** Higher-order groups, e.g. Openness to Change; each lists value ids. */
    groups: z
      .array(z.object({ id: z.string(), name: z.string(), values: z.array(z.string()).min(1) }))
      .default([]),
    /** Whether `values` order is a circle (Schwartz) or just a list (Moral Foundations). @default true */
    circular: z.boolean().default(true),
    /** For a refined theory: the coarser theory it refines, and each value's value there. */
    refines: z.object({ theory: z.string(), values: z.record(z.string(), z.string()) }).optional(),
  })
  .superRefine((theory, context) => {
    const ids = new Set<string>();
    for (const [index, value] of theory.values.entries()) {
      if (ids.has(value.id)) {
        context.addIssue({
          code: 'custom',
          path: ['values', index, 'id'],
          message: `duplicate value id "${value.id}"`,
        });
      }
      ids.add(value.id);
    }
    for (const [index, group] of theory.groups.entries()) {
      for (const member of group.values) {
        if (!ids.has(member)) {
          context.addIssue({
            code: 'custom',
            path: ['groups', index, 'values'],
            message: `group "${group.id}" names unknown value "${member}"`,
          });
        }
      }
    }
  });
export type ValueTheory = z.infer<typeof ValueTheorySchema>;

/** Ids of the values of a theory, in circular order. */
export function valueIds(theory: ValueTheory): string[] {
  return theory.values.map((value) => value.id);
}

/**
 * Circular distance between two values (0 = same, n/2 = opposite); for non-circular theories,
 * 0 for the same value and 1 otherwise.
 */
export function circularDistance(theory: ValueTheory, a: string, b: string): number {
  const ids = valueIds(theory);
  const i = ids.indexOf(a);
  const j = ids.indexOf(b);
  if (i < 0 || j < 0) throw new Error(`unknown value id ${i < 0 ? a : b} in theory ${theory.id}`);
  if (i === j) return 0;
  if (!theory.circular) return 1;
  const direct = Math.abs(i - j);
  return Math.min(direct, ids.length - direct);
}

/** The values opposite `value` on the circle (one or two of them); empty for non-circular theories. */
export function opposingValues(theory: ValueTheory, value: string): string[] {
  if (!theory.circular) return [];
  const ids = valueIds(theory);
  const distances = ids.map((other) => circularDistance(theory, value, other));
  const farthest = Math.max(...distances);
  return ids.filter((_, index) => distances[index] === farthest);
}

/** Values sharing a higher-order group with `value`, itself excluded. */
export function groupNeighbours(theory: ValueTheory, value: string): string[] {
  const neighbours = new Set<string>();
  for (const group of theory.groups) {
    if (group.values.includes(value)) for (const member of group.values) neighbours.add(member);
  }
  neighbours.delete(value);
  return [...neighbours];
}

/** Looks a value up by id or by case-insensitive display name. */
export function findValue(theory: ValueTheory, idOrName: string): ValueDefinition | undefined {
  const key = idOrName.trim().toLowerCase();
  return theory.values.find((value) => value.id === key || value.name.toLowerCase() === key);
}
