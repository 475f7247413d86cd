import { PRICE_TABLE_DATE } from '../../providers/price-table.js';
import type { PlannedCalls } from '../../run/plan-evaluation.js';
import { formatTable } from '../render-results.js';

/** Prints the `--dry-run` table: calls, tokens and cost per model and role. */
export function printPlan(plan: PlannedCalls[]): void {
  const unpriced = [...new Set(plan.filter((row) => row.costUsd === null).map((row) => row.modelId))];
  const rows = plan.map((row) => [
    row.modelId,
    row.role,
    String(row.calls),
    String(row.inputTokens),
    String(row.outputTokens),
    row.costUsd === null ? 'no price' : `$${row.costUsd.toFixed(4)}`,
  ]);
  const priced = plan.filter((row) => row.costUsd !== null);
  const total = priced.reduce((sum, row) => sum + (row.costUsd ?? 0), 0);
  rows.push([
    'total',
    '',
    String(plan.reduce((sum, row) => sum + row.calls, 0)),
    '',
    '',
    `$${total.toFixed(4)}${priced.length < plan.length ? ' (priced models only)' : ''}`,
  ]);
  const notes = [
    `Tokens are estimates (about 4 characters per token, 3 key points per answer, no cache hits); prices from the config or the built-in table of ${PRICE_TABLE_DATE}.`,
    ...(unpriced.length > 0
      ? [
          `No price for ${unpriced.join(', ')}: --max-cost refuses to run them unless you set models[].price or pass --allow-unpriced.`,
        ]
      : []),
  ];
  process.stdout.write(
    `${formatTable(['model', 'role', 'calls', 'input tokens', 'output tokens', 'est. cost'], rows)}\n${notes.join('\n')}\n`,
  );
}
