import { z } from 'zod';
import { seededRandom } from '../../core/seeded-random.js';

/** A percentile bootstrap interval, or the reason there is none; `draws` counts the resamples it rests on. */
export type BootstrapInterval =
  | { low: number; high: number; draws: number }
  | { low: undefined; high: undefined; reason: string };

/** How many resamples to draw, from which seed, at which confidence level. */
export const BootstrapOptionsSchema = z.object({
  /** Resamples to draw. @default 1000 */
  draws: z.number().int().positive().default(1000),
  /** Seed of the resampling generator. @default 42 */
  seed: z.number().int().default(42),
  /** Confidence level of the interval. @default 0.95 */
  level: z.number().gt(0).lt(1).default(0.95),
});
export type BootstrapOptions = z.input<typeof BootstrapOptionsSchema>;

/** The `p`-quantile of ascending `sorted` values, interpolating between order statistics (Hyndman & Fan type 7, R's default). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantileSorted needs at least one value');
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}

/**
 * Percentile bootstrap intervals of named statistics of `size` units (texts, questions…): the units
 * are resampled with replacement, reproducibly from the seed, and `statistics` gets the indices of
 * each resample. Every statistic defined on the full sample gets an interval from the resamples on
 * which it is defined (`draws` says how many); one undefined on the full sample gets its reason.
 * An estimate every resample repeats (a precision of 1, say) gets an interval of zero width.
 */
export function bootstrapIntervals(
  options: BootstrapOptions & {
    size: number;
    statistics: (sample: readonly number[]) => Record<string, number | undefined>;
  },
): Record<string, BootstrapInterval> {
  const { draws, seed, level } = BootstrapOptionsSchema.parse(options);
  const { size, statistics } = options;
  const full = statistics(Array.from({ length: size }, (_, index) => index));
  const samples = new Map<string, number[]>();
  for (const [key, value] of Object.entries(full)) if (value !== undefined) samples.set(key, []);
  const random = seededRandom(seed);
  const sample = new Array<number>(size);
  for (let draw = 0; draw < draws; draw++) {
    for (let index = 0; index < size; index++) sample[index] = Math.floor(random() * size);
    const values = statistics(sample);
    for (const [key, collected] of samples) {
      const value = values[key];
      if (value !== undefined) collected.push(value);
    }
  }
  const tail = (1 - level) / 2;
  const intervals: Record<string, BootstrapInterval> = {};
  for (const key of Object.keys(full)) {
    const collected = samples.get(key);
    if (collected === undefined) {
      intervals[key] = { low: undefined, high: undefined, reason: 'undefined on the full sample' };
    } else if (collected.length === 0) {
      intervals[key] = { low: undefined, high: undefined, reason: 'undefined in every resample' };
    } else {
      collected.sort((a, b) => a - b);
      intervals[key] = {
        low: quantileSorted(collected, tail),
        high: quantileSorted(collected, 1 - tail),
        draws: collected.length,
      };
    }
  }
  return intervals;
}
