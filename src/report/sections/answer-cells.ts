import { escapeHtml } from '../html.js';
import type { ReportAnswer } from '../report-data.js';

/** An answer's key points with the values the judge read in each, as escaped HTML. */
export function pointsHtml(answer: ReportAnswer, valueName: (id: string) => string): string {
  if (answer.status !== 'ok')
    return `<span class="bad">${escapeHtml(answer.status)}</span> ${escapeHtml(answer.reason ?? '')}`;
  const items = (answer.points ?? []).map((point) => {
    const values =
      point.values === undefined
        ? escapeHtml(point.unjudgedReason ?? 'not judged')
        : escapeHtml(point.values.map(valueName).join(', ') || 'no value');
    const justification = point.justification ? ` — ${escapeHtml(point.justification)}` : '';
    return `<li><strong>${escapeHtml(point.point)}</strong>${justification} <span class="values">${values}</span></li>`;
  });
  return `<ul>${items.join('')}</ul>`;
}

/** The values a whole answer expressed, as escaped HTML. */
export function valuesHtml(answer: ReportAnswer, valueName: (id: string) => string): string {
  if (answer.status !== 'ok') return '';
  if (answer.values === undefined) return '<span class="meta">not fully judged</span>';
  return escapeHtml(answer.values.map(valueName).join(', ') || 'none');
}

/** Every model's answer to one question: cells (escaped HTML) are model, stance, values, key points; on a narrow screen the rows stack. */
export function answersTableHtml(rows: readonly string[][]): string {
  const head = ['model', 'stance', 'values', 'key points (values read by the judge)'];
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`);
  return `<table class="answers"><thead><tr>${head.map((name) => `<th>${name}</th>`).join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}
