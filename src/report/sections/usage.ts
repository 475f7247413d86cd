import { escapeHtml, htmlTable, modelNameHtml } from '../html.js';
import type { ReportUsageRow } from '../report-data.js';
import type { ReportSection } from './section.js';

function usageCells(row: Omit<ReportUsageRow, 'providerId' | 'role'>): string[] {
  return [
    row.calls,
    row.cached,
    row.errors,
    row.attempts,
    row.batched ?? 0,
    row.inputTokens,
    row.cachedInputTokens ?? 0,
    row.outputTokens,
  ]
    .map((count) => count.toLocaleString('en-US'))
    .concat(`$${row.costUsd.toFixed(4)}`, `$${(row.savedUsd ?? 0).toFixed(4)}`);
}

/** Calls, cache hits, errors, tokens and cost per model and role. */
export const usageSection: ReportSection = {
  id: 'usage',
  title: 'Cost, tokens and calls',
  render({ data }) {
    const { byModel, total } = data.results.usage;
    const rows = byModel.map((row) => [
      modelNameHtml(row.providerId),
      escapeHtml(row.role),
      ...usageCells(row),
    ]);
    rows.push(['<strong>total</strong>', '', ...usageCells(total)]);
    const table = htmlTable({
      head: [
        'model',
        'role',
        'calls',
        'cached',
        'errors',
        'attempts',
        'in batches',
        'input tokens',
        'of them cached',
        'output tokens',
        'cost (USD)',
        'saved by the prompt cache',
      ],
      rows,
      className: 'numbers pin-first',
    });
    return {
      html: `<p>Every call of the run, retries and resumed sessions included. Calls in batches are charged at the providers' batch prices; input tokens read from a provider's prompt cache at its cache price.</p><div class="scroll">${table}</div>`,
    };
  },
};
