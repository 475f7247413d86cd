import { PRICE_TABLE_DATE } from '../../providers/price-table.js';
import { DISCOUNTS_DATE } from '../../providers/vendor-discounts.js';
import type { PlannedCalls } from '../../run/evaluate/plan.js';
import { formatTable } from './results.js';

const dollars = (value: number | null | undefined): string =>
  value === null || value === undefined ? 'no price' : `$${value.toFixed(4)}`;

/** What the judge's rows say of its system prompt: which one is sent, its fixed prefix, and any fallback. */
function judgePromptNotes(plan: PlannedCalls[]): string[] {
  const notes = new Set<string>();
  for (const row of plan) {
    if (!row.judgePrompt) continue;
    const prefix = row.prefixTokens
      ? `, a fixed prefix of about ${row.prefixTokens.toLocaleString('en-US')} tokens`
      : '';
    const fallback = row.judgePrompt.fallback ? ` — ${row.judgePrompt.fallback}` : '';
    notes.add(`judge ${row.modelId}: the ${row.judgePrompt.used} prompt${prefix}${fallback}.`);
  }
  return [...notes];
}

/** Prints the `--dry-run` table: calls, tokens and cost per model and role, live, batch and batch + cache. */
export function printPlan(plan: PlannedCalls[]): void {
  const unpriced = [...new Set(plan.filter((row) => row.costUsd === null).map((row) => row.modelId))];
  const rows = plan.map((row) => [
    row.modelId,
    row.role,
    String(row.calls),
    String(row.inputTokens),
    String(row.outputTokens),
    dollars(row.costUsd),
    dollars(row.batchCostUsd),
    dollars(row.batchCachedCostUsd),
  ]);
  const priced = plan.filter((row) => row.costUsd !== null);
  const sum = (of: (row: PlannedCalls) => number | null | undefined): string =>
    `$${priced.reduce((total, row) => total + (of(row) ?? 0), 0).toFixed(4)}`;
  const partial = priced.length < plan.length ? ' (priced models only)' : '';
  rows.push([
    'total',
    '',
    String(plan.reduce((total, row) => total + row.calls, 0)),
    '',
    '',
    `${sum((row) => row.costUsd)}${partial}`,
    sum((row) => row.batchCostUsd),
    sum((row) => row.batchCachedCostUsd),
  ]);
  const notes = [
    `Tokens are estimates (about 4 characters per token, 3 key points per answer, no cache hits); prices from the config or the built-in table of ${PRICE_TABLE_DATE}.`,
    `batch: the provider's batch API (--batch); + cache: the shared prompt prefix (the judge's system prompt) read from the provider's cache, where it is at least the provider's minimum (1,024 tokens; 2,048 for Claude 3 / 3.5 Haiku, 4,096 for Claude Haiku 4.5 and Opus 4.5) — discounts of ${DISCOUNTS_DATE}.`,
    ...judgePromptNotes(plan),
    ...(unpriced.length > 0
      ? [
          `No price for ${unpriced.join(', ')}: --max-cost refuses to run them unless you set models[].price or pass --allow-unpriced.`,
        ]
      : []),
  ];
  process.stdout.write(
    `${formatTable(['model', 'role', 'calls', 'input tokens', 'output tokens', 'live', 'batch', 'batch + cache'], rows)}\n${notes.join('\n')}\n`,
  );
}
