import { escapeHtml, modelNameHtml } from '../html.js';
import type { ReportAnswer } from '../report-data.js';
import { answersTableHtml, pointsHtml, valuesHtml } from './answer-cells.js';
import type { ReportSection } from './section.js';

/** How many of the most splitting questions are shown in full. */
const SHOWN = 10;

/** The questions on which the models' answers differ most, each model's answer side by side. */
export const splitsSection: ReportSection = {
  id: 'splits',
  title: 'Questions that split the models most',
  render({ data, splits, labelOf, valueName }) {
    const top = splits.filter((split) => split.score > 0).slice(0, SHOWN);
    if (top.length === 0) return { html: '<p>No question split the models.</p>' };
    const questions = new Map(data.questions.map((question) => [question.id, question]));
    const wanted = new Set(top.map((split) => split.questionId));
    const answers = new Map<string, ReportAnswer[]>();
    for (const answer of data.answers) {
      if (!wanted.has(answer.questionId)) continue;
      const list = answers.get(answer.questionId) ?? [];
      list.push(answer);
      answers.set(answer.questionId, list);
    }
    const order = new Map(data.results.models.map((model, index) => [model.modelId, index]));
    const sampled = data.answers.some((answer) => answer.sample > 0);
    const cards = top.map((split) => {
      const question = questions.get(split.questionId);
      const rows = (answers.get(split.questionId) ?? [])
        .sort((a, b) => (order.get(a.modelId) ?? 0) - (order.get(b.modelId) ?? 0) || a.sample - b.sample)
        .map((answer) => [
          modelNameHtml(labelOf(answer.modelId)) + (sampled ? ` · sample ${answer.sample + 1}` : ''),
          answer.stance
            ? escapeHtml(answer.stance)
            : `<span title="${escapeHtml(answer.stanceReason ?? '')}">—</span>`,
          valuesHtml(answer, valueName),
          pointsHtml(answer, valueName),
        ]);
      const meta = [
        split.questionId,
        question?.category ?? 'no category',
        `value spread ${split.valueSpread.toFixed(3)}`,
        `stance spread ${split.stanceSpread.toFixed(2)}`,
      ];
      return `<article class="question"><details><summary><h3>${escapeHtml(question?.text ?? split.questionId)}</h3>
<span class="meta">${escapeHtml(meta.join(' · '))}</span></summary>
${answersTableHtml(rows)}</details></article>`;
    });
    const html = `<p>Ranked by the variance, across models, of which values their answers expressed (averaged over
values) plus half the share of models whose usual stance is not the most common one. Open a question for every sample of each model's answer.</p>
${cards.join('\n')}`;
    return { html };
  },
};
