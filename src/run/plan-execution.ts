import type { AdaemConfig, Price } from '../core/config.js';
import { cacheMinimumOf } from '../providers/cache-minimum.js';
import { chargeOf } from '../providers/call-charge.js';

/** The part of a planned row the execution costs are computed from. */
interface PlannedRow {
  modelId: string;
  role: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
}

/** The costs this adds to a row. */
interface ExecutionCosts {
  batchCostUsd: number | null;
  batchCachedCostUsd: number | null;
  cachedInputTokens: number;
}

/**
 * Calls between two cache writes assumed in the batch + cache column: a provider keeps a prefix
 * for about five minutes, and a batch runs the same prefix many times within that.
 */
export const CALLS_PER_CACHE_WRITE = 1000;

/**
 * The plan's rows with what they cost through the batch API, and through it with the shared prompt
 * prefix (`prefixTokens` per call: the judge's system prompt, a model's system prompt) read from the
 * provider's cache. A prefix shorter than the provider's minimum (1,024 tokens; 2,048 for Claude 3 /
 * 3.5 Haiku, 4,096 for Claude Haiku 4.5 and Opus 4.5) is not cached, and is charged as fresh input.
 */
export function withExecutionCosts<Row extends PlannedRow>(
  rows: Row[],
  options: {
    config: AdaemConfig;
    priceOf: (modelId: string) => Price | undefined;
    prefixTokens: (row: Row) => number;
  },
): (Row & ExecutionCosts)[] {
  return rows.map((row) => {
    const price = options.priceOf(row.modelId);
    if (!price) return { ...row, batchCostUsd: null, batchCachedCostUsd: null, cachedInputTokens: 0 };
    const prefix = options.prefixTokens(row);
    const minimum = cacheMinimumOf(options.config, row.modelId);
    const cacheable = minimum !== undefined && prefix >= minimum && row.calls > 0;
    const writes = cacheable ? Math.ceil(row.calls / CALLS_PER_CACHE_WRITE) : 0;
    const cachedInputTokens = cacheable ? (row.calls - writes) * prefix : 0;
    const usage = { inputTokens: row.inputTokens, outputTokens: row.outputTokens };
    return {
      ...row,
      cachedInputTokens,
      batchCostUsd: chargeOf(usage, price, 'batch'),
      batchCachedCostUsd: chargeOf(
        { ...usage, cachedInputTokens, cacheWriteTokens: writes * prefix },
        price,
        'batch',
      ),
    };
  });
}
