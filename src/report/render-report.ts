import { createHash } from 'node:crypto';
import { type DetailLevel, packDetail } from './detail/pack-detail.js';
import { escapeHtml } from './html.js';
import { PAGE_STYLE } from './page-style.js';
import { rankQuestionSplits } from './question-splits.js';
import type { ReportData } from './report-data.js';
import { REPORT_SECTIONS } from './sections/index.js';
import type { ReportContext, ReportSection } from './sections/section.js';

/** How to render a report. */
export interface RenderReportOptions {
  /** The sections, in page order. @default REPORT_SECTIONS */
  sections?: readonly ReportSection[];
  /**
   * Most base64 bytes the explorer's packed answers may take; past it, justifications and then key point
   * text are left out (stances and values stay). @default 12_000_000
   */
  detailBudgetBytes?: number;
}

/** A rendered report and what went into its size. */
export interface RenderedReport {
  html: string;
  /** How much answer text the explorer carries (see `DetailLevel`). */
  detailLevel: DetailLevel;
  /** Questions whose key point text the explorer carries. */
  questionsWithText: number;
  /** Base64 bytes of the packed answers inside `html`. */
  detailBytes: number;
}

const LEVEL_NOTES: Record<DetailLevel, (questions: number) => string> = {
  full: () => 'every answer',
  points: () => 'key points without their justifications',
  top: (questions) =>
    `key points (without justifications) for the ${questions} questions that split the models most, and stances and values for all`,
  none: () => 'stances and values but no answer text',
};

const hashOf = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Nothing from the network; scripts and the stylesheet only by hash; style attributes (in charts) allowed. */
function contentSecurityPolicy(scripts: readonly string[], style: string): string {
  const scriptSources = scripts.length === 0 ? "'none'" : scripts.map(hashOf).join(' ');
  return [
    "default-src 'none'",
    `script-src ${scriptSources}`,
    `style-src ${hashOf(style)}`,
    `style-src-elem ${hashOf(style)}`,
    "style-src-attr 'unsafe-inline'",
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function createContext(data: ReportData): ReportContext {
  const labels = new Map(data.results.models.map((model) => [model.modelId, model.label]));
  const names = new Map(data.results.theory.values.map((value) => [value.id, value.name]));
  return {
    data,
    labelOf: (modelId) => labels.get(modelId) ?? modelId,
    valueName: (valueId) => names.get(valueId) ?? valueId,
    splits: rankQuestionSplits(data),
  };
}

/** Renders the report of an evaluation run as one self-contained HTML page (no network, strict CSP). */
export function renderReport(data: ReportData, options: RenderReportOptions = {}): RenderedReport {
  const context = createContext(data);
  const rendered = (options.sections ?? REPORT_SECTIONS).flatMap((section) => {
    const output = section.render(context);
    return output ? [{ section, output }] : [];
  });
  const scripts = [...new Set(rendered.flatMap(({ output }) => output.scripts ?? []))];
  const style = [PAGE_STYLE, ...rendered.flatMap(({ output }) => output.styles ?? [])].join('\n');
  const detail = packDetail({
    data,
    splits: context.splits,
    budgetBytes: options.detailBudgetBytes ?? 12_000_000,
  });
  const simulated = data.simulatedModels.length > 0 ? ' (simulated models)' : '';
  const title = `adaem report — ${data.results.runId}${simulated}`;
  const nav = rendered
    .map(({ section }) => `<a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a>`)
    .join('');
  const body = rendered
    .map(
      ({ section, output }) =>
        `<section id="${escapeHtml(section.id)}"><h2>${escapeHtml(section.title)}</h2>\n${output.html}\n</section>`,
    )
    .join('\n');
  const levelNote =
    detail.level === 'full'
      ? ''
      : `<p class="meta">To keep this file small the explorer carries ${LEVEL_NOTES[detail.level](detail.questionsWithText)}; <code>adaem export</code> has everything.</p>`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scripts, style))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p class="meta">How the models differ in the values they express — adaem ${escapeHtml(data.manifest.adaemVersion)}</p><nav>${nav}</nav></header>
<main>
${body}
${levelNote}
</main>
<script type="application/octet-stream" id="adaem-detail" data-encoding="deflate-raw+base64" data-level="${detail.level}">${detail.base64}</script>
${scripts.map((script) => `<script>${script}</script>`).join('\n')}
</body>
</html>
`;
  return {
    html,
    detailLevel: detail.level,
    detailBytes: detail.base64.length,
    questionsWithText: detail.questionsWithText,
  };
}
