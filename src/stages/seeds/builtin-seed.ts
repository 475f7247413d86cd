import type { Question } from '../../core/question.js';
import { SEED_CATEGORIES, type SeedCategoryId } from './categories.js';

/** The `source` of every seed adaem ships. */
export const BUILTIN_SEED_SOURCE = 'adaem-builtin';

/** One built-in seed; the type parameter keeps target values to the ids of one theory. */
export function builtinSeed<ValueId extends string>(
  id: string,
  category: SeedCategoryId,
  targetValue: ValueId,
  text: string,
): Question {
  return { id, text, category: SEED_CATEGORIES[category], source: BUILTIN_SEED_SOURCE, targetValue };
}
