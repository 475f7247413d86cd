import { chartDataScript } from '../charts/chart-data.js';
import { renderRadarSvg } from '../charts/radar-chart.js';
import { legendHtml } from '../charts/render-svg.js';
import { chartScripts } from '../charts/ssr-client.js';
import { escapeHtml } from '../html.js';
import { radarMax } from './radar.js';
import type { ReportSection } from './section.js';

/** One radar per question category, all models overlaid. */
export const categoriesSection: ReportSection = {
  id: 'categories',
  title: 'Profiles by question category',
  render({ data, valueName }) {
    const { results } = data;
    if (results.categories.length === 0) return undefined;
    const axes = results.theory.values.map((value) => valueName(value.id));
    const order = new Map(results.models.map((model, index) => [model.modelId, index]));
    const max = radarMax(results.categories.flatMap((category) => category.models.flatMap((m) => m.values)));
    const charts = results.categories.map((category) => {
      const chart = renderRadarSvg({
        axes,
        series: category.models.map((model) => ({
          name: results.models[order.get(model.modelId) ?? 0]?.label ?? model.modelId,
          values: model.values.map((value) => value.score),
          colorIndex: order.get(model.modelId) ?? 0,
        })),
        max,
        width: 380,
        height: 330,
      });
      return {
        figure: `<figure class="small-multiple ec-chart"><figcaption>${escapeHtml(category.category)}</figcaption>${chart.svg}${chartDataScript(chart.data)}</figure>`,
        css: chart.css,
      };
    });
    const html = `<p>TrueSkill scores within each category's questions (same colours as above; outer ring: ${max}).
<span data-role="chart-hint" hidden>Click a name in the legend to hide or show that model on every category's radar.</span></p>
${legendHtml(
  results.models.map((model, index) => ({ name: model.label, colorIndex: index })),
  'radar-categories',
)}
<div class="grid wide" data-chart="radar-categories">${charts.map((chart) => chart.figure).join('')}</div>`;
    return { html, scripts: chartScripts(), styles: charts.map((chart) => chart.css) };
  },
};
