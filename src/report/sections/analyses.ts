import { escapeHtml, htmlTable } from '../html.js';
import type { ReportAnalysis } from '../report-data.js';
import type { ReportSection } from './section.js';

/** Lists that only name things (models, values, questions) are not figures. */
const NAMES = new Set(['models', 'values', 'questions', 'valuesLeftOut', 'runId', 'analysisId']);
const MAX_FIGURES = 60;

/** The numbers of a stored result with their paths ("scores.profiles.meanPairwisePearson"), and the reasons given for missing ones. */
export function figuresOf(value: unknown, path = '', found: [string, string][] = []): [string, string][] {
  if (found.length >= MAX_FIGURES) return found;
  if (typeof value === 'number')
    found.push([path, Number.isInteger(value) ? String(value) : value.toFixed(4)]);
  else if (typeof value === 'string' && /reason$/i.test(path)) found.push([path, value]);
  else if (Array.isArray(value)) {
    if (value.length <= 12)
      for (const [index, item] of value.entries())
        figuresOf(item, `${path}[${labelOf(item) ?? index}]`, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (NAMES.has(key)) continue;
      figuresOf(item, path ? `${path}.${key}` : key, found);
    }
  }
  return found;
}

/** A readable index for an array item that names itself (`a`×`b` group pairs, a model, a value). */
function labelOf(item: unknown): string | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const record = item as Record<string, unknown>;
  if (typeof record.a === 'string' && typeof record.b === 'string') return `${record.a}×${record.b}`;
  for (const key of ['value', 'valueId', 'modelId', 'model', 'size', 'name']) {
    const named = record[key];
    if (typeof named === 'string' || typeof named === 'number') return String(named);
  }
  return undefined;
}

function analysisHtml(analysis: ReportAnalysis): string {
  const figures = figuresOf(analysis.result);
  const when = new Date(analysis.createdAt).toISOString().replace('T', ' ').slice(0, 16);
  const table = htmlTable({
    head: ['figure', 'value'],
    rows: figures.map(([path, value]) => [escapeHtml(path), escapeHtml(value)]),
    className: 'numbers',
  });
  return `<h3>${escapeHtml(analysis.kind)} <span class="muted">${escapeHtml(analysis.id)} · ${when} UTC</span></h3><div class="scroll">${table}</div>`;
}

/** Every analysis stored for the run, with its figures (the full results: `adaem analyze … --json`). */
export const analysesSection: ReportSection = {
  id: 'analyses',
  title: 'Analyses',
  render({ data }) {
    const analyses = data.analyses ?? [];
    if (analyses.length === 0) return undefined;
    return {
      html: `<p>Analyses run on this evaluation (newest first), each stored with its own manifest. Figures are shown as stored; <code>adaem analyze … --json</code> prints them in full.</p>${analyses.map(analysisHtml).join('\n')}`,
    };
  },
};
