import { renderChartSvg } from '../charts/render-svg.js';
import { escapeHtml, formatNumber, htmlTable, modelNameHtml, modelNamesHtml } from '../html.js';
import type { ReportGeneration } from '../report-data.js';
import type { ReportSection } from './section.js';

const SERIES = [
  { name: 'pull reward (mean S under P2)', color: '#4e79a7' },
  { name: 'best pull so far', color: '#e15759' },
] as const;

/** The chart's legend in HTML, where it flows with the page and cannot overlap the chart's own text. */
const LEGEND = `<div class="legend">${SERIES.map(
  (series) =>
    `<span class="legend-item"><span class="swatch" style="background:${series.color}"></span>${escapeHtml(series.name)}</span>`,
).join('')}</div>`;

/** S under P2 of each pull's additions and the best so far, over the budget. */
function trajectoryChart(generation: ReportGeneration, size: { width: number; height: number }) {
  let best = Number.NEGATIVE_INFINITY;
  const rewards = generation.pulls.map((pull) => [pull.pull, Number(pull.reward.toFixed(3))]);
  const bestSoFar = generation.pulls.map((pull) => {
    if (pull.accepted > 0) best = Math.max(best, pull.reward);
    return [pull.pull, Number.isFinite(best) ? Number(best.toFixed(3)) : null];
  });
  return renderChartSvg({
    ...size,
    option: {
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      xAxis: {
        type: 'value',
        name: 'pull',
        nameLocation: 'middle',
        nameGap: 25,
        min: 1,
        max: Math.max(1, generation.manifest.budget),
      },
      yAxis: { type: 'value', name: 'S', scale: true },
      series: [
        { name: SERIES[0].name, type: 'scatter', symbolSize: 5, data: rewards, color: SERIES[0].color },
        {
          name: SERIES[1].name,
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: bestSoFar,
          color: SERIES[1].color,
        },
      ],
    },
  });
}

/** The chart at two sizes: the narrow one replaces the wide one in a narrow container. */
function trajectoryFigure(generation: ReportGeneration): { html: string; css: string[] } {
  const wide = trajectoryChart(generation, { width: 760, height: 260 });
  const narrow = trajectoryChart(generation, { width: 360, height: 240 });
  const html = `<figure class="chart">${LEGEND}<div class="chart-variants"><div class="variant-wide chart-wide">${wide.svg}</div><div class="variant-narrow">${narrow.svg}</div></div><figcaption>Each pull's reward (the mean S under P2 of the questions it added; 0 when it added none) and the best so far.</figcaption></figure>`;
  return { html, css: [wide.css, narrow.css].filter(Boolean) };
}

function lineageHtml(question: ReportGeneration['questions'][number]): string {
  const steps = question.lineage.map((step) => {
    const label =
      step.step === 'seed' ? 'seed' : step.step === 'explore' ? 'explored' : `refined ${step.depth}`;
    return `<li><span class="muted">${label} · S(P1) ${formatNumber(step.sP1, 2)}</span> ${escapeHtml(step.text)}</li>`;
  });
  return `<details><summary class="meta">where it came from (${steps.length} steps)</summary><ol class="lineage">${steps.join('')}</ol></details>`;
}

/** The question search: S over the budget, pulls per arm, accepted vs rejected, lineage of the best questions. */
export const generationSection: ReportSection = {
  id: 'generation',
  title: 'Question generation',
  render({ data }) {
    const generation = data.generation;
    if (!generation) return undefined;
    const chart = trajectoryFigure(generation);
    const rejectedTotal = Object.values(generation.rejected).reduce((sum, count) => sum + count, 0);
    const reasons = htmlTable({
      head: ['outcome', 'candidate versions'],
      rows: [
        ['accepted (in the bank)', String(generation.accepted)],
        ...Object.entries(generation.rejected)
          .sort((a, b) => b[1] - a[1])
          .map(([reason, count]) => [`rejected: ${escapeHtml(reason)}`, String(count)]),
      ],
      className: 'numbers',
    });
    const rewards = new Map<string, number[]>();
    for (const pull of generation.pulls)
      rewards.set(pull.armId, [...(rewards.get(pull.armId) ?? []), pull.reward]);
    const arms = [...generation.seeds]
      .filter((seed) => seed.pulls > 0)
      .sort((a, b) => b.pulls - a.pulls)
      .slice(0, 15)
      .map((seed) => {
        const got = rewards.get(seed.id) ?? [];
        const mean = got.reduce((sum, value) => sum + value, 0) / Math.max(1, got.length);
        return [String(seed.pulls), formatNumber(seed.sP1, 2), formatNumber(mean, 2), escapeHtml(seed.text)];
      });
    const armsTable = htmlTable({
      head: ['pulls', 'S(P1) of the seed', 'mean reward', 'seed topic'],
      rows: arms,
    });
    const best = generation.questions
      .slice(0, 10)
      .map(
        (question) =>
          `<li><strong>S(P2) ${formatNumber(question.sP2, 2)}</strong> ${escapeHtml(question.text)}${lineageHtml(question)}</li>`,
      );
    const m = generation.manifest;
    const html = [
      `<p>Run ${escapeHtml(generation.runId)} (${escapeHtml(generation.status)}): ${generation.pullsDone} of ${m.budget} pulls over ${generation.seeds.length} seed topics; ${generation.accepted} questions accepted, ${rejectedTotal} candidate versions rejected. P1 (explorers): ${modelNamesHtml(m.explorers)}. P2 (final scorers): ${modelNamesHtml(m.scorers)}. Judge ${modelNameHtml(m.judge)}; similarity ${escapeHtml(m.similarity)}; ${escapeHtml(m.score.used)} score.</p>`,
      chart.html,
      `<h3>Accepted and rejected</h3><div class="scroll">${reasons}</div>`,
      `<h3>Pulls per seed topic (most pulled)</h3><div class="scroll">${armsTable}</div>`,
      `<h3>The best questions and where they came from</h3><ol class="best-questions">${best.join('')}</ol>`,
    ].join('\n');
    return { html, styles: chart.css };
  },
};
