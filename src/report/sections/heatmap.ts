import { chartDataScript } from '../charts/chart-data.js';
import { renderHeatmapSvg } from '../charts/heatmap-chart.js';
import { chartScripts } from '../charts/ssr-client.js';
import { formatNumber } from '../html.js';
import type { ReportSection } from './section.js';

/** A model × value heatmap of TrueSkill scores, each with its spread over match orders. */
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
      })),
    );
    const chart = renderHeatmapSvg({
      rows: results.models.map((model) => model.label),
      columns: results.theory.values.map((value) => valueName(value.id)),
      cells,
      min: Math.min(...scores),
      max: Math.max(...scores),
      width: Math.max(760, 170 + 72 * results.theory.values.length),
    });
    const html = `<p>Cell: TrueSkill score ± its standard deviation over shuffled match
orders (darker = higher). A dash: the model has no judged answer for that value.
<span data-role="chart-hint" hidden>Point at a cell to see its model and value.</span></p>
<figure class="chart ec-chart" data-chart="heatmap">${chart.svg}${chartDataScript(chart.data)}</figure>`;
    return { html, scripts: chartScripts(), styles: [chart.css] };
  },
};
