import { seededRandom } from '../../core/seeded-random.js';

/** A Fisher–Yates permutation of `0..length-1`, reproducible from the seed. */
export function seededPermutation(length: number, seed: number): number[] {
  const random = seededRandom(seed);
  const order = Array.from({ length }, (_, index) => index);
  for (let index = length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other]!, order[index]!];
  }
  return order;
}
