import type { Question } from '../../core/question.js';
import { finishSteps, type Steps } from '../../core/steps.js';
import type { ValueVectorRecord } from '../../stages/aggregate/value-scores.js';
import type { JudgementRecord, ResponseRecord } from '../../store/index.js';
import { itemKey } from './item-keys.js';

/** What happened to a model's answers: kept, refused, unparseable, failed, judged, scored. */
export interface ModelCounts {
  /** Answers recorded (question × sample). */
  opinions: number;
  ok: number;
  refusals: number;
  unparseable: number;
  errors: number;
  /** Parsed answers with fewer key points than asked for (still scored). */
  shortAnswers: number;
  judgements: number;
  unscored: number;
  judgeErrors: number;
  /** Parsed answers of which some key point has no judgement: recorded, not scored, retried on resume. */
  partiallyJudged: number;
  /** (key point, value) labels the judge left unreadable in per-value modes; that value is unknown. */
  missingLabels: number;
  /** Answers with every key point judged: the observations that count in the scores. */
  scoredAnswers: number;
  /** Read answers that state no readable stance (null, never defaulted; left out of anything using stances). */
  noStance: number;
  /** Why replies were not read, "what: reason" → count (unparseable answers, missing stances, unscored judgements). */
  unread: Record<string, number>;
}

/** A reason with the reply text it quotes left out, so equal reasons count together. */
export function reasonKind(reason: string): string {
  return reason.replace(/"[^"]*"/g, '"…"').slice(0, 120);
}

/** Counts one reply left unread under its kind of reason. */
function tally(counts: ModelCounts, what: string, reason: string): void {
  const key = `${what}: ${reasonKind(reason)}`;
  counts.unread[key] = (counts.unread[key] ?? 0) + 1;
}

/** Zeroed counts. */
export function emptyCounts(): ModelCounts {
  return {
    opinions: 0,
    ok: 0,
    refusals: 0,
    unparseable: 0,
    errors: 0,
    shortAnswers: 0,
    judgements: 0,
    unscored: 0,
    judgeErrors: 0,
    partiallyJudged: 0,
    missingLabels: 0,
    scoredAnswers: 0,
    noStance: 0,
    unread: {},
  };
}

/**
 * Turns stored answers and judgements into observations: one value vector (OR over key points) per
 * (question, model, sample) answer whose every key point was judged. A value some point left
 * unlabelled stays unknown unless another point expressed it.
 */
export function buildObservations(options: ObservationsOptions): Observations {
  return finishSteps(buildObservationsSteps(options));
}

export interface ObservationsOptions {
  questions: readonly Question[];
  examinees: readonly string[];
  valueIds: readonly string[];
  responses: readonly ResponseRecord[];
  judgements: readonly JudgementRecord[];
}

export interface Observations {
  records: ValueVectorRecord[];
  counts: Map<string, ModelCounts>;
}

/** Rows read between two pauses. */
const ROWS_PER_STEP = 512;

/** `buildObservations` as steps that pause every few hundred rows (see core/steps.ts). */
export function* buildObservationsSteps(options: ObservationsOptions): Steps<Observations> {
  const counts = new Map(options.examinees.map((id) => [id, emptyCounts()]));
  const judged = yield* judgedPointsSteps(options.judgements, counts);
  const categories = new Map(options.questions.map((question) => [question.id, question.category]));
  const records: ValueVectorRecord[] = [];
  for (const [index, row] of options.responses.entries()) {
    if (index % ROWS_PER_STEP === 0) yield;
    const modelCounts = counts.get(row.modelId);
    if (!modelCounts || !categories.has(row.questionId)) continue;
    const values = observeAnswer(row, modelCounts, judged.get(itemKey(row)), options.valueIds);
    if (!values) continue;
    const category = categories.get(row.questionId);
    records.push({
      questionId: row.questionId,
      sample: row.sample,
      modelId: row.modelId,
      ...(category === undefined ? {} : { category }),
      values,
    });
  }
  yield;
  sortRecords(records, options);
  return { records, counts };
}

/** The labels the judge read, per answer (item key) and key point. */
type JudgedPoints = Map<string, Map<number, Record<string, boolean>>>;

/** Counts every judgement per model and collects the readable ones' labels, pausing every few hundred rows. */
function* judgedPointsSteps(
  judgements: readonly JudgementRecord[],
  counts: ReadonlyMap<string, ModelCounts>,
): Steps<JudgedPoints> {
  const judged: JudgedPoints = new Map();
  for (const [index, row] of judgements.entries()) {
    if (index % ROWS_PER_STEP === 0) yield;
    const modelCounts = counts.get(row.modelId);
    if (!modelCounts) continue;
    modelCounts.judgements++;
    if (row.outcome.status === 'unscored') {
      modelCounts.unscored++;
      tally(modelCounts, 'judgement', row.outcome.reason);
    }
    if (row.outcome.status === 'error') modelCounts.judgeErrors++;
    if (row.outcome.status !== 'ok') continue;
    modelCounts.missingLabels += row.outcome.missing?.length ?? 0;
    const points = judged.get(itemKey(row)) ?? new Map<number, Record<string, boolean>>();
    points.set(row.pointIndex, row.outcome.values);
    judged.set(itemKey(row), points);
  }
  return judged;
}

/**
 * Counts one answer in its model's counts and returns its value vector when every key point was
 * judged (undefined for a failed or partially judged answer).
 */
function observeAnswer(
  row: ResponseRecord,
  modelCounts: ModelCounts,
  points: ReadonlyMap<number, Record<string, boolean>> | undefined,
  valueIds: readonly string[],
): Record<string, boolean> | undefined {
  modelCounts.opinions++;
  const outcome = row.outcome;
  if (outcome.status === 'refusal') modelCounts.refusals++;
  else if (outcome.status === 'unparseable') {
    modelCounts.unparseable++;
    tally(modelCounts, 'answer', outcome.reason);
  } else if (outcome.status === 'error') modelCounts.errors++;
  if (outcome.status !== 'ok') return undefined;
  modelCounts.ok++;
  if (outcome.missingPoints) modelCounts.shortAnswers++;
  // A recorded free-text answer judged whole has no stance by design: not a reply left unread.
  if (outcome.stance === null && !outcome.whole) {
    modelCounts.noStance++;
    tally(modelCounts, 'stance', outcome.stanceReason ?? 'no stance');
  }
  const labels = outcome.points.map((_, index) => points?.get(index));
  if (labels.some((label) => label === undefined)) {
    modelCounts.partiallyJudged++;
    return undefined;
  }
  modelCounts.scoredAnswers++;
  return valueVector(labels, valueIds);
}

/** OR over key points: a value is expressed if some point expressed it, absent if every point said not, else unknown. */
function valueVector(
  labels: readonly (Record<string, boolean> | undefined)[],
  valueIds: readonly string[],
): Record<string, boolean> {
  const values: Record<string, boolean> = {};
  for (const valueId of valueIds) {
    const pointLabels = labels.map((label) => label?.[valueId]);
    if (pointLabels.some((label) => label === true)) values[valueId] = true;
    else if (pointLabels.every((label) => label === false)) values[valueId] = false;
  }
  return values;
}

/**
 * Sorts observations by question order, then sample, then examinee: the paper's single pass runs in
 * this order, and shuffles of it are reproducible whatever order the store returns rows in.
 */
function sortRecords(records: ValueVectorRecord[], options: ObservationsOptions): void {
  const position = new Map(options.questions.map((question, index) => [question.id, index]));
  const examinee = new Map(options.examinees.map((id, index) => [id, index]));
  records.sort(
    (a, b) =>
      position.get(a.questionId)! - position.get(b.questionId)! ||
      (a.sample ?? 0) - (b.sample ?? 0) ||
      examinee.get(a.modelId)! - examinee.get(b.modelId)!,
  );
}
