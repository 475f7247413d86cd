import { escapeHtml, htmlTable, modelNameHtml } from '../html.js';
import type { ReportData } from '../report-data.js';
import type { ReportSection } from './section.js';

/** Reasons listed per model, most frequent first. */
const REASONS_SHOWN = 25;

interface ReasonTally {
  kind: string;
  reason: string;
  count: number;
  examples: string[];
}

/** Groups one model's unusable answers and unjudged key points by kind and reason. */
function tallyReasons(data: ReportData, modelId: string): ReasonTally[] {
  const tallies = new Map<string, ReasonTally>();
  const add = (kind: string, reason: string, questionId: string) => {
    const key = `${kind}\u0000${reason}`;
    const tally = tallies.get(key) ?? { kind, reason, count: 0, examples: [] };
    tally.count++;
    if (tally.examples.length < 3 && !tally.examples.includes(questionId)) tally.examples.push(questionId);
    tallies.set(key, tally);
  };
  for (const answer of data.answers) {
    if (answer.modelId !== modelId) continue;
    if (answer.status !== 'ok') add(answer.status, answer.reason ?? '', answer.questionId);
    else {
      if (answer.stanceReason !== undefined) add('no stance', answer.stanceReason, answer.questionId);
      for (const point of answer.points ?? [])
        if (point.values === undefined)
          add('key point not scored', point.unjudgedReason ?? '', answer.questionId);
    }
  }
  return [...tallies.values()].sort((a, b) => b.count - a.count);
}

/** Refusals, unparseable and failed answers, and unscored judgements, with their reasons, per model. */
export const problemsSection: ReportSection = {
  id: 'problems',
  title: 'Refused, unparseable and unscored answers',
  render({ data }) {
    const { models } = data.results;
    const counts = htmlTable({
      head: [
        'model',
        'answers',
        'scored',
        'refusals',
        'unparseable',
        'no stance',
        'failed',
        'not fully judged',
        'unscored key points',
        'judge errors',
        'note',
      ],
      rows: models.map((model) => [
        modelNameHtml(model.label),
        ...[
          model.counts.opinions,
          model.counts.scoredAnswers,
          model.counts.refusals,
          model.counts.unparseable,
          model.counts.noStance ?? 0,
          model.counts.errors,
          model.counts.partiallyJudged,
          model.counts.unscored,
          model.counts.judgeErrors,
        ].map(String),
        escapeHtml(model.unscoredReason ?? ''),
      ]),
      className: 'pin-first',
    });
    const details = models.map((model) => {
      const tallies = tallyReasons(data, model.modelId);
      if (tallies.length === 0) return '';
      const rows = tallies
        .slice(0, REASONS_SHOWN)
        .map((tally) => [
          escapeHtml(tally.kind),
          escapeHtml(tally.reason || '(no reason given)'),
          String(tally.count),
          escapeHtml(tally.examples.join(', ')),
        ]);
      const more =
        tallies.length > REASONS_SHOWN
          ? `<p class="meta">${tallies.length - REASONS_SHOWN} rarer reasons not shown; see <code>adaem export</code>.</p>`
          : '';
      return `<details><summary>${modelNameHtml(model.label)}: ${tallies.reduce((sum, tally) => sum + tally.count, 0)} answers or key points left out</summary>
${htmlTable({ head: ['what', 'reason', 'count', 'e.g. questions'], rows })}${more}</details>`;
    });
    const html = `<p>Answers that were refused, could not be parsed or failed are recorded with their reason and never
scored; an answer counts only when every key point was judged.</p>
<div class="scroll">${counts}</div>${details.join('\n')}`;
    return { html };
  },
};
