import * as echarts from 'echarts';

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

/** Renders one chart to an SVG string on the server (echarts SSR: no DOM, no animation). */
export function renderChartSvg(options: { option: ChartOption; width: number; height: number }): string {
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
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
