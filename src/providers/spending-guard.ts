import type { Price } from '../core/config.js';
import { BudgetExceededError, isProviderError } from '../core/errors.js';
import type { ChatRequest, TokenUsage } from '../core/provider.js';
import { costOf } from './usage-ledger.js';

/** Output tokens assumed for an attempt whose request sets no `maxTokens`. */
export const DEFAULT_RESERVED_OUTPUT_TOKENS = 1024;

/** The most one attempt can cost: its prompt (about 3 characters per token, generously) and its output cap. */
export function worstCaseUsage(request: ChatRequest): TokenUsage {
  const characters = request.messages.reduce((sum, message) => sum + message.content.length, 0);
  return {
    inputTokens: Math.ceil(characters / 3) + 8 * request.messages.length,
    outputTokens: request.params?.maxTokens ?? DEFAULT_RESERVED_OUTPUT_TOKENS,
  };
}

/**
 * A hard cap on spending: every attempt (retries included) reserves its worst-case cost before it is
 * sent and settles its real cost when it ends, so calls in flight can never carry the total past the
 * cap. Without a cap (`maxCostUsd` undefined) it only counts.
 */
export class SpendingGuard {
  private maxCostUsd: number | undefined;
  private spentUsd = 0;
  private reservedUsd = 0;

  /** Sets the cap and what was spent before (earlier attempts of a resumed run). */
  limit(options: { maxCostUsd: number | undefined; spentUsd: number }): void {
    this.maxCostUsd = options.maxCostUsd;
    this.spentUsd = options.spentUsd;
  }

  /** Reserves an attempt's worst case, or throws BudgetExceededError when it could cross the cap. */
  reserve(modelId: string, request: ChatRequest, price: Price | undefined): number {
    const worst = costOf(worstCaseUsage(request), price);
    if (this.maxCostUsd !== undefined && this.spentUsd + this.reservedUsd + worst > this.maxCostUsd) {
      throw new BudgetExceededError(
        `${modelId}: the next call could cost up to $${worst.toFixed(4)}, which would pass the $${this.maxCostUsd} limit ($${this.spentUsd.toFixed(4)} spent)`,
      );
    }
    this.reservedUsd += worst;
    return worst;
  }

  /** Replaces a reservation by what the attempt really cost. */
  settle(reservedUsd: number, costUsd: number): void {
    this.reservedUsd = Math.max(0, this.reservedUsd - reservedUsd);
    this.spentUsd += costUsd;
  }
}

/**
 * What a failed attempt is charged against the budget: nothing when the provider answered with an
 * HTTP error (it bills no tokens), else — a timeout, a dropped connection, a broken body, an abort —
 * its worst case, since the provider may have generated the answer anyway.
 */
export function failedAttemptCost(error: unknown, reservedUsd: number): number {
  return isProviderError(error) && error.status !== undefined ? 0 : reservedUsd;
}
