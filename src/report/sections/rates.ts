import { escapeHtml, formatNumber, htmlTable, modelNameHtml } from '../html.js';
import type { ReportValueResult } from '../report-data.js';
import type { ReportSection } from './section.js';

/** A small inline SVG: the rate as a dot on its 95 % interval, on a 0–100 % line. */
function intervalGlyph(value: ReportValueResult): string {
  if (value.rate === null) return '';
  const x = (share: number) => (4 + share * 72).toFixed(1);
  return `<svg class="interval" width="80" height="12" viewBox="0 0 80 12" aria-hidden="true"><line x1="4" x2="76" y1="6" y2="6" stroke="#ddd"/><line x1="${x(value.rateLow)}" x2="${x(value.rateHigh)}" y1="6" y2="6" stroke="#2171b5" stroke-width="3"/><circle cx="${x(value.rate)}" cy="6" r="2.5" fill="#08306b"/></svg>`;
}

/** Three short lines (so ten models fit across a wide screen): score and rate, interval and counts, the glyph. */
function cell(value: ReportValueResult): string {
  const percent = (share: number) => formatNumber(share * 100, 0);
  const score = `<span class="score">${formatNumber(value.score, 0)}</span>`;
  const counts = `<span class="meta">${value.expressed}/${value.observations}</span>`;
  if (value.rate === null)
    return `<span class="line">${score} no observations</span><span class="line">${counts}</span>`;
  const rate = `<span class="rate">${percent(value.rate)} %</span>`;
  const interval = `<span class="meta">[${percent(value.rateLow)}–${percent(value.rateHigh)}]</span>`;
  return `<span class="line">${score} ${rate}</span><span class="line">${interval} ${counts}</span><span class="line">${intervalGlyph(value)}</span>`;
}

/** Absolute expression rates with their intervals, beside the relative TrueSkill scores. */
export const ratesSection: ReportSection = {
  id: 'rates',
  title: 'Expression rates and scores',
  render({ data, valueName }) {
    const { results } = data;
    if (results.models.length === 0) return undefined;
    const head = ['value', ...results.models.map((model) => modelNameHtml(model.label))];
    const rows = results.theory.values.map((value, index) => [
      escapeHtml(valueName(value.id)),
      ...results.models.map((model) => (model.values[index] ? cell(model.values[index]) : '–')),
    ]);
    const html = `<p>Each cell: the TrueSkill score (relative to this panel) and the share of the model's answers that
expressed the value, then its 95 % interval and the counts behind it, and the interval drawn on a 0–100 % line. The table scrolls
sideways with the value column pinned.</p>
<div class="scroll">${htmlTable({ head, rows, className: 'rates pin-first' })}</div>`;
    return { html };
  },
};
