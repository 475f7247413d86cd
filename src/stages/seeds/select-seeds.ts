import type { Question } from '../../core/question.js';
import { seededRandom } from '../../core/seeded-random.js';

/** Seeds without a category share this group when limiting. */
const UNCATEGORISED = '';

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const order = [...items];
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}

/**
 * The first `limit` seeds, balanced across categories: each category's seeds in a seeded shuffle,
 * then taken round-robin over the categories in order of first appearance, so 18 of 9 categories
 * gives two of each. The same seeds, limit and `seed` always give the same list.
 */
export function limitSeedsBalanced(seeds: readonly Question[], limit: number, seed: number): Question[] {
  if (limit >= seeds.length) return [...seeds];
  const groups = new Map<string, Question[]>();
  for (const question of seeds) {
    const category = question.category ?? UNCATEGORISED;
    groups.set(category, [...(groups.get(category) ?? []), question]);
  }
  const random = seededRandom(seed);
  const queues = [...groups.values()].map((group) => shuffled(group, random));
  const chosen: Question[] = [];
  for (let round = 0; chosen.length < limit; round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (next && chosen.length < limit) chosen.push(next);
    }
  }
  return chosen;
}

/** The first `count` seeds of each target value, in input order (the paper took two per ValueBench value). */
export function firstPerValue(seeds: readonly Question[], count: number): Question[] {
  const taken = new Map<string, number>();
  return seeds.filter((question) => {
    const value = question.targetValue ?? '';
    const already = taken.get(value) ?? 0;
    taken.set(value, already + 1);
    return already < count;
  });
}
