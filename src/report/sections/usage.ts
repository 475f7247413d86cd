import { escapeHtml, htmlTable } from '../html.js';
import type { ReportUsageRow } from '../report-data.js';
import type { ReportSection } from './section.js';

function usageCells(row: Omit<ReportUsageRow, 'providerId' | 'role'>): string[] {
  return [row.calls, row.cached, row.errors, row.attempts, row.inputTokens, row.outputTokens]
    .map((count) => count.toLocaleString('en-US'))
    .concat(`$${row.costUsd.toFixed(4)}`);
}

/** Calls, cache hits, errors, tokens and cost per model and role. */
export const usageSection: ReportSection = {
  id: 'usage',
  title: 'Cost, tokens and calls',
  render({ data }) {
    const { byModel, total } = data.results.usage;
    const rows = byModel.map((row) => [escapeHtml(row.providerId), escapeHtml(row.role), ...usageCells(row)]);
    rows.push(['<strong>total</strong>', '', ...usageCells(total)]);
    const table = htmlTable({
      head: [
        'model',
        'role',
        'calls',
        'cached',
        'errors',
        'attempts',
        'input tokens',
        'output tokens',
        'cost (USD)',
      ],
      rows,
      className: 'numbers',
    });
    return {
      html: `<p>Every call of the run, retries and resumed sessions included.</p><div class="scroll">${table}</div>`,
    };
  },
};
