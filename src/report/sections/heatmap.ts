import { chartDataScript } from '../charts/chart-data.js';
import { type HeatmapLayout, renderHeatmapSvg } from '../charts/heatmap-chart.js';
import { chartScripts } from '../charts/ssr-client.js';
import { formatNumber } from '../html.js';
import type { ReportSection } from './section.js';

/** The figure attributes of each layout; the narrow one replaces the wide one in a narrow container. */
const VARIANTS: Record<HeatmapLayout, { chart: string; className: string }> = {
  wide: { chart: 'heatmap', className: 'variant-wide chart-wide' },
  narrow: { chart: 'heatmap-narrow', className: 'variant-narrow' },
};

/**
 * A model × value heatmap of TrueSkill scores, each with its spread over match orders; in a narrow
 * container, the same scores transposed (a column per model) with the spread left to the tooltip.
 */
export const heatmapSection: ReportSection = {
  id: 'heatmap',
  title: 'Scores by model and value',
  render({ data, valueName }) {
    const { results } = data;
    if (results.models.length === 0) return undefined;
    const scores = results.models.flatMap((model) => model.values.map((value) => value.score ?? 50));
    const cells = results.models.map((model) =>
      model.values.map((value) => ({
        value: value.score,
        label:
          value.score === null
            ? '–'
            : `${formatNumber(value.score, 0)}${value.scoreSpread > 0 ? ` ±${formatNumber(value.scoreSpread, 1)}` : ''}`,
        shortLabel: formatNumber(value.score, 0),
      })),
    );
    const charts = (['wide', 'narrow'] as const).map((layout) => {
      const chart = renderHeatmapSvg({
        rows: results.models.map((model) => model.label),
        columns: results.theory.values.map((value) => valueName(value.id)),
        cells,
        min: Math.min(...scores),
        max: Math.max(...scores),
        layout,
      });
      const { chart: name, className } = VARIANTS[layout];
      const figure = `<figure class="chart ec-chart ${className}" data-chart="${name}">${chart.svg}${chartDataScript(chart.data)}</figure>`;
      return { figure, css: chart.css };
    });
    const html = `<p>Cell: TrueSkill score ± its standard deviation over shuffled match
orders (darker = higher). A dash: the model has no judged answer for that value. On a narrow screen, one
column per model and the spread in the tooltip.
<span data-role="chart-hint" hidden>Point at a cell to see its model and value.</span></p>
<div class="chart-variants">${charts.map((chart) => chart.figure).join('')}</div>`;
    return { html, scripts: chartScripts(), styles: charts.map((chart) => chart.css) };
  },
};
