import { seededRandom } from '../../core/seeded-random.js';

/** `size` items drawn without replacement, reproducibly from the seed, in their original order. */
export function seededSubset<T>(items: readonly T[], size: number, seed: number): T[] {
  if (size >= items.length) return [...items];
  const random = seededRandom(seed);
  const order = items.map((_, index) => index);
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((index) => items[index]!);
}

/** Items dealt into `folds` folds of near-equal size after a seeded shuffle. */
export function seededFolds<T>(items: readonly T[], folds: number, seed: number): T[][] {
  const shuffled = [...items];
  const random = seededRandom(seed);
  for (let index = shuffled.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return Array.from({ length: folds }, (_, fold) => shuffled.filter((_, index) => index % folds === fold));
}
