import type { DominantFailure, EvaluateResults } from '../../run/evaluate/collect-results.js';
import { counted, runName } from './wording.js';

/** Short column labels for values: initials of multi-word names, else the first two letters. */
export function valueAbbreviations(values: { id: string; name: string }[]): string[] {
  const labels = values.map((value) => {
    const words = value.name.split(/[\s-]+/).filter(Boolean);
    return (words.length > 1 ? words.map((word) => word[0]).join('') : value.name.slice(0, 2)).toUpperCase();
  });
  const unique = new Set(labels).size === labels.length;
  return unique ? labels : values.map((value) => value.id.slice(0, 4).toUpperCase());
}

/** Lays out rows as an aligned text table (first column left-aligned, the others right-aligned). */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

/** A rate as a whole percentage, without the sign. */
function percent(rate: number): string {
  return `${Math.round(rate * 100)}`;
}

/** "—" marks a figure that could not be computed (no scored answer). */
const NONE = '—';

/** An expression rate with its 95% interval, in percent. */
function rateCell(value: { rate: number | null; rateLow: number; rateHigh: number }): string {
  return value.rate === null
    ? NONE
    : `${percent(value.rate)} [${percent(value.rateLow)}–${percent(value.rateHigh)}]`;
}

/** A TrueSkill score with its spread over match orders. */
function scoreCell(value: { score: number | null; scoreSpread: number }): string {
  return value.score === null ? NONE : `${value.score.toFixed(1)} ±${value.scoreSpread.toFixed(1)}`;
}

/** Calls, cache hits, errors, retries, tokens and cost per model and role, with a total row. */
function usageTable(results: EvaluateResults): string {
  const rows = results.usage.byModel.map((row) => [
    row.providerId,
    row.role,
    String(row.calls),
    String(row.cached),
    String(row.shared),
    String(row.errors),
    String(Math.max(0, row.attempts - (row.calls - row.cached - row.shared))),
    String(row.inputTokens),
    String(row.outputTokens),
    `$${row.costUsd.toFixed(4)}`,
  ]);
  const total = results.usage.total;
  rows.push([
    'total',
    '',
    String(total.calls),
    String(total.cached),
    String(total.shared),
    String(total.errors),
    '',
    String(total.inputTokens),
    String(total.outputTokens),
    `$${total.costUsd.toFixed(4)}`,
  ]);
  const table = formatTable(
    ['model', 'role', 'calls', 'cached', 'shared', 'errors', 'retries', 'input tok', 'output tok', 'cost'],
    rows,
  );
  return `${table}${savingsLine(total)}`;
}

/** Calls in batches and input tokens read from providers' prompt caches, with what the cache saved. */
function savingsLine(total: EvaluateResults['usage']['total']): string {
  const batched = total.batched ?? 0;
  const cached = total.cachedInputTokens ?? 0;
  if (batched === 0 && cached === 0) return '';
  return `\n${batched} calls in batches (batch prices); ${cached} input tokens from prompt caches, saving $${(total.savedUsd ?? 0).toFixed(4)}`;
}

/**
 * The run's two error rates, each with its counts: failed answers over answers (what
 * `--max-error-rate` checks) and failed judgements over judgements; with the failure most of them
 * share (model, endpoint, error) when any failed.
 */
export function errorRates(
  results: Pick<EvaluateResults, 'answers' | 'judgements'> & { failure?: DominantFailure },
): string {
  const rate = (tally: { recorded: number; failed: number }): string =>
    `${tally.recorded === 0 ? '0.00' : ((tally.failed / tally.recorded) * 100).toFixed(2)}% (${tally.failed.toLocaleString('en-US')} of ${tally.recorded.toLocaleString('en-US')})`;
  const rates = `failed answers ${rate(results.answers)} · failed judgements ${rate(results.judgements)}`;
  return results.failure ? `${rates}; ${describeFailure(results.failure)}` : rates;
}

/** "most failures (9 of 12): broken:m (examinee) at http://…/v1 — HTTP 404 model not found". */
export function describeFailure(failure: DominantFailure): string {
  const share =
    failure.failed === 1
      ? 'the failure'
      : failure.count === failure.failed
        ? `every failure (${failure.failed})`
        : `${failure.count * 2 > failure.failed ? 'most failures' : 'the most frequent failure'} (${failure.count} of ${failure.failed})`;
  const where = failure.endpoint ? ` at ${failure.endpoint}` : '';
  return `${share}: ${failure.modelId} (${failure.role})${where} — ${failure.reason}`;
}

/** Fewer scored answers than this behind a rate or score earn a small-sample note. */
const SMALL_SAMPLE = 30;

/**
 * A note when intervals rest on few answers: the rate intervals are then wide and the scores' ±
 * (a spread over match orders) says nothing about sampling error.
 */
function smallSampleNote(results: EvaluateResults): string[] {
  const few = results.models
    .map((model) => ({
      label: model.label,
      answers: Math.min(...model.values.map((value) => value.observations)),
    }))
    .filter((model) => model.answers > 0 && model.answers < SMALL_SAMPLE);
  if (few.length === 0) return [];
  const same =
    few.length === results.models.length && few.every((model) => model.answers === few[0]!.answers);
  const who = same
    ? `${results.models.length === 1 ? 'the model' : 'each model'} rests on ${counted(few[0]!.answers, 'scored answer')}`
    : `${few
        .slice(0, 3)
        .map((model) => `${model.label} rests on ${counted(model.answers, 'scored answer')}`)
        .join(', ')}${few.length > 3 ? ` (and ${few.length - 3} more models)` : ''}`;
  return [
    `Small sample: ${who} for some values (fewer than ${SMALL_SAMPLE}): the rates are rough, see their intervals; a score's ± is only its spread over match orders, not the uncertainty of so few answers.`,
  ];
}

/** The text with its first letter in upper case. */
function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** Expression rates per question category: one table per category. */
export function renderCategories(results: EvaluateResults): string {
  const abbreviations = valueAbbreviations(results.theory.values);
  const labels = new Map(results.models.map((model) => [model.modelId, model.label]));
  return results.categories
    .map((category) => {
      const rows = category.models.map((model) => [
        labels.get(model.modelId) ?? model.modelId,
        String(model.values[0]?.observations ?? 0),
        ...model.values.map((value) => (value.rate === null ? NONE : percent(value.rate))),
      ]);
      return `${category.category} — expression rate %\n${formatTable(['model', 'answers', ...abbreviations], rows)}`;
    })
    .join('\n\n');
}

/** How the TrueSkill games were played, and what the ± of a score means. */
function orderNote(results: EvaluateResults): string {
  const format = results.matches.format === 'pairs' ? '1-on-1 games' : 'team games';
  return results.matches.order === 'given'
    ? `${format}, one pass in question order: no order spread`
    : `${format}; ± standard deviation over ${results.matches.orders} shuffled match orders`;
}

/** Replies adaem could not read, per model, most frequent reasons first (three per model). */
function unreadLines(results: EvaluateResults): string[] {
  const lines = results.models.flatMap((model) => {
    const reasons = Object.entries(model.counts.unread ?? {}).sort((a, b) => b[1] - a[1]);
    if (reasons.length === 0) return [];
    const shown = reasons.slice(0, 3).map(([reason, count]) => `${count} × ${reason}`);
    const more =
      reasons.length > 3 ? ` (+${reasons.length - 3} more reasons; adaem export has each reply)` : '';
    return [`  ${model.label}: ${shown.join(' · ')}${more}`];
  });
  return lines.length > 0 ? ['Replies not read, by reason', ...lines] : [];
}

/** What the run found, first: a few sentences a researcher can paste (from the expression rates). */
function findingLines(results: EvaluateResults): string[] {
  const sentences = results.findings?.sentences ?? [];
  if (sentences.length === 0) return [];
  return ['Findings', ...sentences.map((sentence) => `  ${sentence}`), ''];
}

/** The terminal report of an evaluation: TrueSkill scores, expression rates with CIs, counts and usage. */
export function renderResults(results: EvaluateResults, options: { byCategory?: boolean } = {}): string {
  const abbreviations = valueAbbreviations(results.theory.values);
  const scoreRows = results.models.map((model) => [model.label, ...model.values.map(scoreCell)]);
  const rateRows = results.models.map((model) => [model.label, ...model.values.map(rateCell)]);
  return [
    summaryLine(results),
    '',
    ...findingLines(results),
    `Value scores (TrueSkill win rate against the other models × 100, relative to this set; ${orderNote(results)})`,
    formatTable(['model', ...abbreviations], scoreRows),
    '',
    'Expression rate % [95% CI] (share of scored answers, question × sample, that expressed the value)',
    formatTable(['model', ...abbreviations], rateRows),
    ...smallSampleNote(results),
    '',
    'Answers',
    answersTable(results),
    ...noScoreLines(results),
    ...unreadLines(results),
    '',
    'Usage (every attempt of this run)',
    usageTable(results),
    ...(options.byCategory && results.categories.length > 0 ? ['', renderCategories(results)] : []),
    '',
    valueLegend(results.theory.values, abbreviations),
    closingLine(results),
  ].join('\n');
}

/** The run in one line: id, status, questions × models × samples, and the judge. */
function summaryLine(results: EvaluateResults): string {
  return `${runName(results.runId)} · ${results.status} · ${counted(results.questions, 'question')} × ${counted(results.models.length, 'model')} × ${counted(results.samples, 'sample')} · judge ${results.judge} (${results.judgeMode})`;
}

/** What became of each model's answers: ok, refused, unreadable, failed, unscored, scored. */
function answersTable(results: EvaluateResults): string {
  const countRows = results.models.map((model) => [
    model.label,
    String(model.counts.opinions),
    String(model.counts.ok),
    String(model.counts.refusals),
    String(model.counts.unparseable),
    String(model.counts.errors),
    String(model.counts.shortAnswers),
    String(model.counts.noStance ?? 0),
    String(model.counts.unscored),
    String(model.counts.judgeErrors),
    String(model.counts.partiallyJudged),
    String(model.counts.scoredAnswers),
  ]);
  return formatTable(
    [
      'model',
      'answers',
      'ok',
      'refused',
      'unparseable',
      'errors',
      'short',
      'no stance',
      'unscored',
      'judge errors',
      'partly judged',
      'scored',
    ],
    countRows,
  );
}

/** Why some models have no scores, in one line (none when all have). */
function noScoreLines(results: EvaluateResults): string[] {
  const reasons = results.models
    .filter((model) => model.unscoredReason)
    .map((model) => `${model.label}: ${model.unscoredReason}`);
  return reasons.length > 0 ? [`${NONE} no scores: ${reasons.join('; ')}`] : [];
}

/** The column abbreviations with the value names they stand for. */
function valueLegend(values: { name: string }[], abbreviations: string[]): string {
  return values.map((value, index) => `${abbreviations[index]} ${value.name}`).join(' · ');
}

/** The error rates, whether the run stopped early, and a note when sandbox models were measured. */
function closingLine(results: EvaluateResults): string {
  const simulated = results.models.some((model) => model.modelId.startsWith('sandbox:'))
    ? '\nNote: sandbox:* models are simulated (adaem sandbox truth shows their planted profiles).'
    : '';
  return `${capitalise(errorRates(results))}${results.stoppedBy ? ` · stopped early (${results.stoppedBy})` : ''}${simulated}`;
}
