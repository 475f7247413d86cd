import type { Execution } from '../core/batch-config.js';
import type { Price, Role } from '../core/config.js';
import type { TokenUsage } from '../core/provider.js';
import { chargeOf } from './call-charge.js';

/** Counters of one model in one role (or of everything, in `total`). */
export interface UsageCounters {
  calls: number;
  cached: number;
  /** Identical requests served by one already in flight. */
  shared: number;
  errors: number;
  retries: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Token usage and cost per model and role, and in total. */
export interface UsageReport {
  byModel: { modelId: string; role: Role; counters: UsageCounters }[];
  total: UsageCounters;
}

function emptyCounters(): UsageCounters {
  return {
    calls: 0,
    cached: 0,
    shared: 0,
    errors: 0,
    retries: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
}

/** USD for the tokens at a price per million tokens, cached input at the cache price; 0 without a price. */
export function costOf(usage: TokenUsage, price: Price | undefined, execution: Execution = 'live'): number {
  return chargeOf(usage, price, execution);
}

/** Accumulates usage; cached calls count as calls but cost nothing. */
export class UsageLedger {
  private readonly entries = new Map<string, { modelId: string; role: Role; counters: UsageCounters }>();
  private readonly total = emptyCounters();

  add(modelId: string, role: Role, change: Partial<UsageCounters>): void {
    const key = `${modelId}\u0000${role}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { modelId, role, counters: emptyCounters() };
      this.entries.set(key, entry);
    }
    for (const counters of [entry.counters, this.total]) {
      counters.calls += change.calls ?? 0;
      counters.cached += change.cached ?? 0;
      counters.errors += change.errors ?? 0;
      counters.retries += change.retries ?? 0;
      counters.inputTokens += change.inputTokens ?? 0;
      counters.outputTokens += change.outputTokens ?? 0;
      counters.costUsd += change.costUsd ?? 0;
    }
  }

  report(): UsageReport {
    return {
      byModel: [...this.entries.values()].map((entry) => ({ ...entry, counters: { ...entry.counters } })),
      total: { ...this.total },
    };
  }
}
