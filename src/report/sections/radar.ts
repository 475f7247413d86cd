import { chartDataScript } from '../charts/chart-data.js';
import { renderRadarSvg } from '../charts/radar-chart.js';
import { legendHtml } from '../charts/render-svg.js';
import { chartScripts } from '../charts/ssr-client.js';
import { modelNameHtml } from '../html.js';
import type { ReportValueResult } from '../report-data.js';
import type { ReportSection } from './section.js';

/** The radar's outer ring: the highest score rounded up to a multiple of ten (at least 60). */
export function radarMax(values: readonly ReportValueResult[]): number {
  const highest = Math.max(0, ...values.map((value) => value.score ?? 0));
  return Math.max(60, Math.ceil(highest / 10) * 10);
}

/**
 * Per-model radars on the value circle, and all models overlaid. The SVGs scale with their column:
 * side by side on a wide screen (the overlay left, the models right), stacked on a narrow one.
 */
export const radarSection: ReportSection = {
  id: 'radar',
  title: 'Value profiles',
  render({ data, valueName }) {
    const { results } = data;
    if (results.models.length === 0) return undefined;
    const axes = results.theory.values.map((value) => valueName(value.id));
    const max = radarMax(results.models.flatMap((model) => model.values));
    const series = results.models.map((model, index) => ({
      name: model.label,
      values: model.values.map((value) => value.score),
      colorIndex: index,
    }));
    const overlay = renderRadarSvg({
      axes,
      series,
      max,
      width: 440,
      height: 330,
      fontSize: 12,
      radius: 115,
    });
    const small = series.map((one) =>
      renderRadarSvg({
        axes,
        series: [one],
        max,
        width: 320,
        height: 220,
        fontSize: 11,
        radius: 67,
        symbolSize: 5,
      }),
    );
    const figures = small.map(
      (chart, index) =>
        `<figure class="small-multiple ec-chart"><figcaption>${modelNameHtml(series[index]!.name)}</figcaption>${chart.svg}${chartDataScript(chart.data)}</figure>`,
    );
    const html = `<p>TrueSkill scores per value, values in the theory's circular order (neighbours are compatible,
opposite sides conflict). Outer ring: ${max}.
<span data-role="chart-hint" hidden>Point at a line for a model's score on the nearest value; click a name in the
legend to hide or show that model.</span></p>
<div class="radar-layout"><div class="radar-columns">
<figure class="chart chart-overlay ec-chart" data-chart="radar-overlay">${overlay.svg}${chartDataScript(overlay.data)}${legendHtml(series, 'radar-overlay')}</figure>
<div class="grid" data-chart="radar-models">${figures.join('')}</div>
</div></div>`;
    return { html, scripts: chartScripts(), styles: [overlay.css, ...small.map((chart) => chart.css)] };
  },
};
