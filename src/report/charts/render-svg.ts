import * as echarts from 'echarts';
import { escapeHtml, modelNameHtml } from '../html.js';

/** The option object of one echarts chart (kept loose: echarts' own option type is very wide). */
export type ChartOption = Record<string, unknown>;

/** Sixteen distinguishable series colours; models beyond sixteen reuse them. */
export const SERIES_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#7f7f7f',
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#17becf',
  '#bcbd22',
];

/** The colour of the n-th model. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length]!;
}

/** A chart as SVG markup plus the CSS echarts wrote for it (hover states), kept apart for the page's stylesheet. */
export interface ChartSvg {
  svg: string;
  css: string;
}

/** echarts SSR puts a `<style>` with the chart's hover rules inside the SVG. */
const EMBEDDED_STYLE = /<style\s*>(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/style>/g;

/** Renders one chart to SVG on the server (echarts SSR: no DOM, no animation). */
export function renderChartSvg(options: { option: ChartOption; width: number; height: number }): ChartSvg {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      ...options.option,
    });
    const rendered = chart.renderToSVGString();
    const css: string[] = [];
    const svg = rendered.replace(EMBEDDED_STYLE, (_, rules: string) => {
      css.push(rules.trim());
      return '';
    });
    return { svg, css: css.join('\n') };
  } finally {
    chart.dispose();
  }
}

/**
 * An HTML legend: one colour swatch and escaped name per series. With `target` (the `data-chart` of
 * the radar(s) it describes) the chart script turns each entry into a button that hides or shows
 * that model there; `colorIndex` is the model's report-wide key.
 */
export function legendHtml(
  entries: readonly { name: string; colorIndex: number }[],
  target?: string,
): string {
  const items = entries.map(
    (entry) =>
      `<span class="legend-item" data-series="${entry.colorIndex}"><span class="swatch" style="background:${seriesColor(entry.colorIndex)}"></span>${modelNameHtml(entry.name)}</span>`,
  );
  const forTarget = target === undefined ? '' : ` data-legend-for="${escapeHtml(target)}"`;
  return `<div class="legend"${forTarget}>${items.join('')}</div>`;
}
