import type { JudgeValidityResult } from '../../run/analyses/judge-validity.js';
import type { BootstrapInterval } from '../../stages/analyze/bootstrap-interval.js';
import type { Statistic } from '../../stages/analyze/confusion-counts.js';
import { formatTable } from './results.js';
import { counted } from './wording.js';

const figure = (statistic: Statistic): string =>
  statistic.value === undefined ? '—' : statistic.value.toFixed(2);

function withInterval(statistic: Statistic, interval: BootstrapInterval): string {
  if (statistic.value === undefined) return '—';
  if (interval.low === undefined) return statistic.value.toFixed(2);
  return `${statistic.value.toFixed(2)} [${interval.low.toFixed(2)}, ${interval.high.toFixed(2)}]`;
}

function reasons(tally: Record<string, number>): string {
  return Object.entries(tally)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([reason, count]) => `${count} × ${reason}`)
    .join(' · ');
}

/** Per value: support, precision, recall, F1 with 95 % intervals, κ, and base rates; then the overall figures. */
export function renderJudgeValidity(result: JudgeValidityResult, valueNames: Record<string, string>): string {
  const { agreement } = result;
  const judged = result.textsJudged - result.unreadable.count - result.failed.count;
  const head = `Judge ${result.judge} (${result.mode}${result.judgePrompt ? `, ${result.judgePrompt.used} prompt` : ''}) against human labels: ${judged} of ${result.textsJudged} texts judged${result.textsJudged < result.textsInFile ? ` (a seeded sample of ${result.textsInFile})` : ''}; violated values count as ${result.violated}`;
  const rows = Object.values(agreement.values).map((value) => [
    valueNames[value.valueId] ?? value.valueId,
    String(value.support),
    withInterval(value.precision, value.intervals.precision),
    withInterval(value.recall, value.intervals.recall),
    withInterval(value.f1, value.intervals.f1),
    figure(value.kappa),
    `${figure(value.judgeBaseRate)} / ${figure(value.labelBaseRate)}`,
  ]);
  const table = formatTable(
    ['value', 'support', 'precision [95% CI]', 'recall [95% CI]', 'F1 [95% CI]', 'κ', 'rate judge / labels'],
    rows,
  );
  const { macroF1, microF1, exactMatch } = agreement;
  const lines = [
    head,
    '',
    table,
    '',
    `Macro-F1 ${withInterval(macroF1.f1, macroF1.interval)} (over ${counted(macroF1.averaged.length, 'value')}) · micro-F1 ${withInterval(microF1.f1, microF1.interval)} · value set equal to the labels on ${figure(exactMatch.share)} of ${counted(exactMatch.compared, 'text')}`,
    `Intervals: percentile bootstrap over texts, ${agreement.bootstrap.draws} draws, seed ${agreement.bootstrap.seed}. "rate judge / labels" shows a judge that marks a value too often or too rarely.`,
  ];
  if (result.unreadable.count > 0)
    lines.push(
      `Unreadable judgements (left out): ${result.unreadable.count} — ${reasons(result.unreadable.reasons)}`,
    );
  if (result.failed.count > 0)
    lines.push(`Failed judge calls (left out): ${result.failed.count} — ${reasons(result.failed.reasons)}`);
  lines.push(`Usage: ${counted(result.usage.calls, 'call')}, $${result.usage.costUsd.toFixed(4)}`);
  return lines.join('\n');
}
