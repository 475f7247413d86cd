import { escapeHtml, formatPercent, modelNameHtml, modelNamesHtml } from '../html.js';
import type { ReportSection } from './section.js';

/** What was measured, how, and whether any model is simulated. */
export const overviewSection: ReportSection = {
  id: 'overview',
  title: 'Overview',
  render({ data, labelOf }) {
    const { results } = data;
    const examinees = results.models.map((model) => model.modelId);
    const simulated = data.simulatedModels.filter((id) => examinees.includes(id) || id === results.judge);
    const banner =
      simulated.length === 0
        ? ''
        : `<p class="simulated"><strong>Simulated:</strong> ${modelNamesHtml(simulated.map(labelOf))} ${simulated.length === 1 ? 'is a' : 'are'} sandbox model${simulated.length === 1 ? '' : 's'} with planted value profiles, not real language models.</p>`;
    const facts: [string, string][] = [
      ['run', results.runId],
      ['status', results.stoppedBy ? `${results.status} (stopped by ${results.stoppedBy})` : results.status],
      ['value theory', results.theory.name],
      ['questions', String(results.questions)],
      ['examinees', results.models.map((model) => model.label).join(', ')],
      ['judge', `${labelOf(results.judge)} (${results.judgeMode})`],
      ...(data.manifest.protocol
        ? [
            [
              'protocol',
              data.manifest.protocol.name === 'paper'
                ? 'paper (the authors’ settings; see the run manifest)'
                : 'adaem (the documented defaults)',
            ] as [string, string],
          ]
        : []),
      ['samples per question', String(results.samples)],
      ['failed answers', `${formatPercent(results.errorRate)}${countsOf(results.answers)}`],
      ...(results.judgeErrorRate === undefined
        ? []
        : [
            [
              'failed judgements',
              `${formatPercent(results.judgeErrorRate)}${countsOf(results.judgements)}`,
            ] as [string, string],
          ]),
    ];
    // Model names as unbreakable elements; every other fact as escaped text.
    const asHtml: Record<string, string> = {
      examinees: modelNamesHtml(results.models.map((model) => model.label)),
      judge: `${modelNameHtml(labelOf(results.judge))} (${escapeHtml(results.judgeMode)})`,
    };
    const list = facts
      .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${asHtml[name] ?? escapeHtml(value)}</dd>`)
      .join('');
    const note = `<p class="meta">Scores are TrueSkill win probabilities × 100 against the other models in this run
(relative: 50 is the panel's middle); expression rates are absolute shares of answers expressing a value.</p>`;
    return { html: `${banner}<dl class="facts">${list}</dl>${note}` };
  },
};

function countsOf(tally: { recorded: number; failed: number } | undefined): string {
  return tally ? ` (${tally.failed} of ${tally.recorded})` : '';
}
