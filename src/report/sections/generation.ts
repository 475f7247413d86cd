import { renderChartSvg } from '../charts/render-svg.js';
import { escapeHtml, formatNumber, htmlTable } from '../html.js';
import type { ReportGeneration } from '../report-data.js';
import type { ReportSection } from './section.js';

/** S under P2 of each pull's additions and the best so far, over the budget. */
function trajectoryChart(generation: ReportGeneration) {
  let best = Number.NEGATIVE_INFINITY;
  const rewards = generation.pulls.map((pull) => [pull.pull, Number(pull.reward.toFixed(3))]);
  const bestSoFar = generation.pulls.map((pull) => {
    if (pull.accepted > 0) best = Math.max(best, pull.reward);
    return [pull.pull, Number.isFinite(best) ? Number(best.toFixed(3)) : null];
  });
  return renderChartSvg({
    width: 760,
    height: 260,
    option: {
      grid: { left: 50, right: 20, top: 30, bottom: 40 },
      legend: { data: ['pull reward (mean S under P2)', 'best pull so far'], top: 0 },
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
        {
          name: 'pull reward (mean S under P2)',
          type: 'scatter',
          symbolSize: 5,
          data: rewards,
          color: '#4e79a7',
        },
        {
          name: 'best pull so far',
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: bestSoFar,
          color: '#e15759',
        },
      ],
    },
  });
}

function lineageHtml(question: ReportGeneration['questions'][number]): string {
  const steps = question.lineage.map((step) => {
    const label =
      step.step === 'seed' ? 'seed' : step.step === 'explore' ? 'explored' : `refined ${step.depth}`;
    return `<li><span class="muted">${label} · S(P1) ${formatNumber(step.sP1, 2)}</span> ${escapeHtml(step.text)}</li>`;
  });
  return `<ol class="lineage">${steps.join('')}</ol>`;
}

/** The question search: S over the budget, pulls per arm, accepted vs rejected, lineage of the best questions. */
export const generationSection: ReportSection = {
  id: 'generation',
  title: 'Question generation',
  render({ data }) {
    const generation = data.generation;
    if (!generation) return undefined;
    const chart = trajectoryChart(generation);
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
        (question, index) =>
          `<li><strong>S(P2) ${formatNumber(question.sP2, 2)}</strong> ${escapeHtml(question.text)}${lineageHtml(question)}</li>`,
      );
    const m = generation.manifest;
    const html = [
      `<p>Run ${escapeHtml(generation.runId)} (${escapeHtml(generation.status)}): ${generation.pullsDone} of ${m.budget} pulls over ${generation.seeds.length} seed topics; ${generation.accepted} questions accepted, ${rejectedTotal} candidate versions rejected. P1 (explorers): ${escapeHtml(m.explorers.join(', '))}. P2 (final scorers): ${escapeHtml(m.scorers.join(', '))}. Judge ${escapeHtml(m.judge)}; similarity ${escapeHtml(m.similarity)}; ${escapeHtml(m.score.used)} score.</p>`,
      `<figure class="chart">${chart.svg}<figcaption>Each pull's reward (the mean S under P2 of the questions it added; 0 when it added none) and the best so far.</figcaption></figure>`,
      `<h3>Accepted and rejected</h3><div class="scroll">${reasons}</div>`,
      `<h3>Pulls per seed topic (most pulled)</h3><div class="scroll">${armsTable}</div>`,
      `<h3>The best questions and where they came from</h3><ol class="best-questions">${best.join('')}</ol>`,
    ].join('\n');
    return { html, styles: chart.css ? [chart.css] : [] };
  },
};
