import { sampleCorrelation } from 'simple-statistics';

/** Pearson correlation of two equally long series (simple-statistics; NaN when either is constant). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length || x.length < 2)
    throw new Error('pearson needs two series of the same length ≥ 2');
  return sampleCorrelation([...x], [...y]);
}

/** Ranks from 1, ties sharing their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end++;
    const average = (start + end) / 2 + 1;
    for (let position = start; position <= end; position++) result[order[position]!.index] = average;
    start = end + 1;
  }
  return result;
}

/** Spearman rank correlation (Pearson on average ranks). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}
