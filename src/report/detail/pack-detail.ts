import { deflateRawSync } from 'node:zlib';
import type { QuestionSplit } from '../question-splits.js';
import type { ReportAnswer, ReportData } from '../report-data.js';

/** How much answer text the explorer carries: all of it, key points without justifications, or none. */
export type DetailLevel = 'full' | 'points' | 'none';

const LEVELS: DetailLevel[] = ['full', 'points', 'none'];
const STATUS_CODES: Record<ReportAnswer['status'], number> = { ok: 0, refusal: 1, unparseable: 2, error: 3 };
const STANCE_CODES: Record<NonNullable<ReportAnswer['stance']>, number> = { yes: 0, no: 1, neutral: 2 };

/** The explorer's data, deflated and base64-encoded for a non-executable `<script>` element. */
export interface PackedDetail {
  level: DetailLevel;
  base64: string;
  /** Size of the JSON before compression, in bytes. */
  jsonBytes: number;
}

/**
 * Compact, index-based JSON of every question and answer. Answers are grouped by question:
 * `[model, sample, status, stance, values, reason, points]`, with `points` as `[point, justification, values]`
 * and value lists as indices into `values` (null when not judged).
 */
function compactDetail(data: ReportData, splits: readonly QuestionSplit[], level: DetailLevel): unknown {
  const modelIndex = new Map(data.results.models.map((model, index) => [model.modelId, index]));
  const valueIndex = new Map(data.results.theory.values.map((value, index) => [value.id, index]));
  const categories = [...new Set(data.questions.map((question) => question.category ?? ''))].sort();
  const categoryIndex = new Map(categories.map((category, index) => [category, index]));
  const rank = new Map(splits.map((split, index) => [split.questionId, { index, score: split.score }]));
  const questionIndex = new Map(data.questions.map((question, index) => [question.id, index]));
  const answers: unknown[][] = data.questions.map(() => []);
  const indices = (values: string[] | undefined) =>
    values === undefined ? null : values.map((id) => valueIndex.get(id) ?? -1);
  for (const answer of data.answers) {
    const question = questionIndex.get(answer.questionId);
    const model = modelIndex.get(answer.modelId);
    if (question === undefined || model === undefined) continue;
    const points =
      level === 'none'
        ? []
        : (answer.points ?? []).map((point) => [
            point.point,
            level === 'full' ? point.justification : '',
            indices(point.values),
            point.unjudgedReason ?? null,
          ]);
    answers[question]!.push([
      model,
      answer.sample,
      STATUS_CODES[answer.status],
      answer.stance === undefined ? -1 : STANCE_CODES[answer.stance],
      indices(answer.values),
      answer.reason ?? null,
      points,
    ]);
  }
  return {
    level,
    models: data.results.models.map((model) => model.label),
    values: data.results.theory.values.map((value) => value.name),
    categories,
    questions: data.questions.map((question) => {
      const split = rank.get(question.id);
      return [
        question.id,
        question.text,
        categoryIndex.get(question.category ?? '') ?? 0,
        split ? Number(split.score.toFixed(4)) : 0,
        split?.index ?? 0,
      ];
    }),
    answers,
  };
}

/**
 * Packs the explorer's data at the richest level whose base64 fits `budgetBytes`
 * (the last level, which keeps stances and values but no text, is used whatever its size).
 */
export function packDetail(options: {
  data: ReportData;
  splits: readonly QuestionSplit[];
  budgetBytes: number;
}): PackedDetail {
  let packed: PackedDetail | undefined;
  for (const level of LEVELS) {
    const json = JSON.stringify(compactDetail(options.data, options.splits, level));
    const base64 = deflateRawSync(Buffer.from(json, 'utf8'), { level: 9, memLevel: 9 }).toString('base64');
    packed = { level, base64, jsonBytes: Buffer.byteLength(json) };
    if (base64.length <= options.budgetBytes) return packed;
  }
  return packed!;
}
