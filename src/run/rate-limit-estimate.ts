import type { AdaemConfig } from '../core/config.js';
import { resolveModel } from '../providers/registry.js';
import type { PlannedCalls } from './evaluate/plan.js';

/** A provider whose `rpm` or `tpm` alone would make the planned calls last longer than `thresholdHours`. */
export interface SlowProvider {
  providerName: string;
  calls: number;
  tokens: number;
  rpm: number | undefined;
  tpm: number | undefined;
  /** The least time the limits allow for the planned calls, in hours. */
  hours: number;
}

/** One day: runs planned to take longer than this get a warning. */
export const SLOW_RUN_HOURS = 24;

/**
 * The providers whose request or token limits make the planned calls take longer than
 * `thresholdHours` (calls ÷ rpm, tokens ÷ tpm; concurrency cannot beat either), so a run that would
 * wait for days says so before it starts rather than waiting silently.
 */
export function slowProviders(
  config: AdaemConfig,
  plan: readonly PlannedCalls[],
  thresholdHours = SLOW_RUN_HOURS,
): SlowProvider[] {
  const byProvider = new Map<string, { calls: number; tokens: number; rpm?: number; tpm?: number }>();
  for (const row of plan) {
    const resolved = resolveModel(config, row.modelId);
    const entry = byProvider.get(resolved.providerName) ?? {
      calls: 0,
      tokens: 0,
      rpm: resolved.providerConfig.rpm,
      tpm: resolved.providerConfig.tpm,
    };
    entry.calls += row.calls;
    entry.tokens += row.inputTokens + row.outputTokens;
    byProvider.set(resolved.providerName, entry);
  }
  const slow: SlowProvider[] = [];
  for (const [providerName, entry] of byProvider) {
    const minutes = Math.max(
      entry.rpm ? entry.calls / entry.rpm : 0,
      entry.tpm ? entry.tokens / entry.tpm : 0,
    );
    if (minutes / 60 > thresholdHours)
      slow.push({
        providerName,
        calls: entry.calls,
        tokens: entry.tokens,
        rpm: entry.rpm,
        tpm: entry.tpm,
        hours: minutes / 60,
      });
  }
  return slow;
}

/** "3.2 days", "41 hours", "1,200 years" — a long duration in words. */
export function formatLongDuration(hours: number): string {
  const days = hours / 24;
  if (days >= 365 * 2) return `${Math.round(days / 365).toLocaleString('en-US')} years`;
  if (days >= 2) return `${Number(days.toFixed(1)).toLocaleString('en-US')} days`;
  return `${Math.round(hours)} hours`;
}

/** The warning line for a slow provider. */
export function slowProviderWarning(slow: SlowProvider): string {
  const limits = [
    slow.rpm === undefined ? undefined : `rpm ${slow.rpm}`,
    slow.tpm === undefined ? undefined : `tpm ${slow.tpm}`,
  ]
    .filter((limit) => limit !== undefined)
    .join(', ');
  return `warning: providers.${slow.providerName} (${limits}) makes its ${slow.calls.toLocaleString('en-US')} planned calls take at least ${formatLongDuration(slow.hours)}; raise the limit if the provider allows more`;
}
