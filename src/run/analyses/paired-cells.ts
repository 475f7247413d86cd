import { InsufficientDataError } from '../../stages/analyze/insufficient-data.js';

/** Positions where every series has a number, and the series restricted to them. */
export function completeCells(series: readonly (readonly (number | null)[])[]): {
  columns: number[][];
  dropped: number;
} {
  const length = series[0]?.length ?? 0;
  const keep: number[] = [];
  for (let index = 0; index < length; index++) {
    if (series.every((values) => values[index] !== null && values[index] !== undefined)) keep.push(index);
  }
  return {
    columns: series.map((values) => keep.map((index) => values[index]!)),
    dropped: length - keep.length,
  };
}

/** Runs a statistic, turning a typed data error into a reason instead of failing the whole analysis. */
export function orReason<T>(compute: () => T): T | { reason: string } {
  try {
    return compute();
  } catch (error) {
    if (error instanceof InsufficientDataError) return { reason: error.message };
    throw error;
  }
}
