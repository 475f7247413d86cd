import type { Question } from '../../core/question.js';
import { MFT_SEEDS } from './data/mft-seeds.js';
import { SCHWARTZ_SEEDS } from './data/schwartz-seeds.js';

/** adaem's own seed pools, by theory id. */
export const BUILTIN_SEED_POOLS: Record<'schwartz' | 'mft', readonly Question[]> = {
  schwartz: SCHWARTZ_SEEDS,
  mft: MFT_SEEDS,
};
export type BuiltinPoolId = keyof typeof BUILTIN_SEED_POOLS;

/** Whether a theory id has a built-in pool. */
export function isBuiltinPool(id: string): id is BuiltinPoolId {
  return Object.hasOwn(BUILTIN_SEED_POOLS, id);
}
