import { chartDataScript } from '../charts/chart-data.js';
import { renderRadarSvg } from '../charts/radar-chart.js';
import { seriesColor } from '../charts/render-svg.js';
import { chartScripts } from '../charts/ssr-client.js';
import { escapeHtml, modelNameHtml } from '../html.js';
import type { ReportResults } from '../report-data.js';
import { radarMax } from './radar.js';
import type { ReportContext, ReportSection } from './section.js';

/**
 * The picker: one radio button per model (works without script). Each category radar holds every model
 * at its report index, and the stylesheet (`pickerStyle`) shows only the picked one.
 */
function pickerHtml(results: ReportResults): string {
  const options = results.models.map(
    (model, index) =>
      `<label><input type="radio" name="category-model" value="${index}"${index === 0 ? ' checked' : ''}><span class="swatch" style="background:${seriesColor(index)}"></span>${modelNameHtml(model.label)}</label>`,
  );
  return `<fieldset class="picker" data-role="category-picker"><legend>Model shown on every category's radar</legend>${options.join('')}</fieldset>`;
}

/** Per model: while its radio button is checked, every other model's line, area and points are hidden. */
function pickerStyle(models: number): string {
  const rules = Array.from(
    { length: models },
    (_, index) =>
      `.category-pick:has(input[name="category-model"][value="${index}"]:checked) .ec-chart svg [ecmeta_data_index]:not([ecmeta_data_index="${index}"]) { display: none; }`,
  );
  return [...rules, '.category-pick .ec-chart svg polygon[ecmeta_data_index] { fill-opacity: 0.25; }'].join(
    '\n',
  );
}

/** One radar per category with every model at its report index (a model without answers there: no line). */
function categoryFigures({ data, valueName }: ReportContext, max: number) {
  const { results } = data;
  const axes = results.theory.values.map((value) => valueName(value.id));
  return results.categories.map((category) => {
    const byModel = new Map(category.models.map((model) => [model.modelId, model]));
    const chart = renderRadarSvg({
      axes,
      series: results.models.map((model, index) => ({
        name: model.label,
        values: byModel.get(model.modelId)?.values.map((value) => value.score) ?? axes.map(() => null),
        colorIndex: index,
      })),
      max,
      width: 320,
      height: 220,
      fontSize: 11,
      radius: 67,
      symbolSize: 5,
    });
    return {
      figure: `<figure class="small-multiple ec-chart"><figcaption>${escapeHtml(category.category)}</figcaption>${chart.svg}${chartDataScript(chart.data)}</figure>`,
      css: chart.css,
    };
  });
}

/** Small multiples: one radar per question category, showing the model picked above them. */
export const categoriesSection: ReportSection = {
  id: 'categories',
  title: 'Profiles by question category',
  render(context) {
    const { results } = context.data;
    if (results.categories.length === 0) return undefined;
    const max = radarMax(results.categories.flatMap((category) => category.models.flatMap((m) => m.values)));
    const charts = categoryFigures(context, max);
    const html = `<p>TrueSkill scores within each category's questions, one model at a time (same colours as above;
outer ring: ${max}). Pick the model below.</p>
<div class="category-pick">${pickerHtml(results)}
<div class="grid wide" data-chart="radar-categories">${charts.map((chart) => chart.figure).join('')}</div></div>`;
    return {
      html,
      scripts: chartScripts(),
      styles: [pickerStyle(results.models.length), ...charts.map((chart) => chart.css)],
    };
  },
};
