import type { Execution, Price } from '../core/batch-config.js';
import type { TokenUsage } from '../core/provider.js';

/** The per-million-token prices a call is charged at, in live or batch execution. */
export interface ChargeRates {
  input: number;
  cachedInput: number;
  cacheWrite: number;
  output: number;
}

/**
 * The rates of a price in an execution mode. Unset cache prices charge cached tokens as fresh input;
 * unset batch prices charge a batch as live. Cache prices in a batch scale by `batchInput / input`
 * (the vendors' discounts stack).
 */
export function ratesOf(price: Price, execution: Execution): ChargeRates {
  const cachedInput = price.cachedInput ?? price.input;
  const cacheWrite = price.cacheWrite ?? price.input;
  if (execution === 'live') return { input: price.input, cachedInput, cacheWrite, output: price.output };
  const input = price.batchInput ?? price.input;
  const scale = price.input > 0 ? input / price.input : 1;
  return {
    input,
    cachedInput: cachedInput * scale,
    cacheWrite: cacheWrite * scale,
    output: price.batchOutput ?? price.output,
  };
}

/** USD a call is charged: fresh, cached and cache-written input and output at their rates; 0 without a price. */
export function chargeOf(usage: TokenUsage, price: Price | undefined, execution: Execution = 'live'): number {
  if (!price) return 0;
  const rates = ratesOf(price, execution);
  const cached = usage.cachedInputTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  const fresh = Math.max(0, usage.inputTokens - cached - written);
  return (
    (fresh * rates.input +
      cached * rates.cachedInput +
      written * rates.cacheWrite +
      usage.outputTokens * rates.output) /
    1_000_000
  );
}

/** USD the cached input tokens saved against fresh input at the same execution's rate. */
export function cacheSavingOf(
  usage: TokenUsage,
  price: Price | undefined,
  execution: Execution = 'live',
): number {
  if (!price || !usage.cachedInputTokens) return 0;
  const rates = ratesOf(price, execution);
  return (usage.cachedInputTokens * (rates.input - rates.cachedInput)) / 1_000_000;
}
