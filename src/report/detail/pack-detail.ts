import { deflateRawSync } from 'node:zlib';
import type { QuestionSplit } from '../question-splits.js';
import type { ReportAnswer, ReportData } from '../report-data.js';

/**
 * How much answer text the explorer carries: all of it; key points without justifications; key points of
 * the most splitting questions only (`top`); or none (stances and values only).
 */
export type DetailLevel = 'full' | 'points' | 'top' | 'none';
const STATUS_CODES: Record<ReportAnswer['status'], number> = { ok: 0, refusal: 1, unparseable: 2, error: 3 };
const STANCE_CODES: Record<NonNullable<ReportAnswer['stance']>, number> = { yes: 0, no: 1, neutral: 2 };

/** The explorer's data, deflated and base64-encoded for a non-executable `<script>` element. */
export interface PackedDetail {
  level: DetailLevel;
  base64: string;
  /** Size of the JSON before compression, in bytes. */
  jsonBytes: number;
  /** Questions whose key point text is included. */
  questionsWithText: number;
}

/**
 * Compact, index-based JSON of every question and answer. Answers are grouped by question:
 * `[model, sample, status, stance, values, reason, points]`, with `points` as `[point, justification, values]`
 * and value lists as indices into `values` (null when not judged).
 */
function compactDetail(
  data: ReportData,
  splits: readonly QuestionSplit[],
  level: DetailLevel,
  withText: ReadonlySet<string> = new Set(),
): unknown {
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
      level === 'none' || (level === 'top' && !withText.has(answer.questionId))
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
    textQuestions: level === 'full' || level === 'points' ? data.questions.length : withText.size,
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

const deflate = (json: string): string =>
  // Level 6: at paper scale level 9 takes several times longer for about 1 % less.
  deflateRawSync(Buffer.from(json, 'utf8'), { level: 6 }).toString('base64');

function pack(json: string, level: DetailLevel, questionsWithText: number): PackedDetail {
  return { level, base64: deflate(json), jsonBytes: Buffer.byteLength(json), questionsWithText };
}

/**
 * Packs the explorer's data at the richest level whose base64 fits `budgetBytes`: everything; key points
 * without justifications; key points of as many of the most splitting questions as fit (sized from the
 * compression ratio of the `points` level); or, whatever its size, stances and values only.
 */
export function packDetail(options: {
  data: ReportData;
  splits: readonly QuestionSplit[];
  budgetBytes: number;
}): PackedDetail {
  const { data, splits, budgetBytes } = options;
  const total = data.questions.length;
  const jsonOf = (level: DetailLevel, withText?: ReadonlySet<string>) =>
    JSON.stringify(compactDetail(data, splits, level, withText));
  let ratio = 0;
  for (const level of ['full', 'points'] as const) {
    const json = jsonOf(level);
    // Skip a deflate that cannot fit: answer text deflates to about a third, and base64 adds a third back.
    if (Buffer.byteLength(json) / 6 > budgetBytes) continue;
    const packed = pack(json, level, total);
    if (packed.base64.length <= budgetBytes) return packed;
    if (level === 'points') ratio = packed.base64.length / packed.jsonBytes;
  }
  const none = pack(jsonOf('none'), 'none', 0);
  if (none.base64.length >= budgetBytes) return none;
  if (ratio === 0) {
    const sample = new Set(splits.slice(0, 500).map((split) => split.questionId));
    const json = jsonOf('top', sample);
    ratio = deflate(json).length / Buffer.byteLength(json);
  }
  // Estimate each question's share from the `points` JSON sizes of its answers' text.
  const textBytes = new Map<string, number>();
  for (const answer of data.answers) {
    const bytes = (answer.points ?? []).reduce((sum, point) => sum + Buffer.byteLength(point.point) + 8, 0);
    textBytes.set(answer.questionId, (textBytes.get(answer.questionId) ?? 0) + bytes);
  }
  let room = (budgetBytes - none.base64.length) * 0.95;
  let count = 0;
  for (const split of splits) {
    const cost = (textBytes.get(split.questionId) ?? 0) * ratio;
    if (cost > room) break;
    room -= cost;
    count++;
  }
  for (let attempt = 0; attempt < 4 && count > 0; attempt++) {
    const withText = new Set(splits.slice(0, count).map((split) => split.questionId));
    const packed = pack(jsonOf('top', withText), 'top', count);
    if (packed.base64.length <= budgetBytes) return packed;
    count = Math.floor(count * 0.8);
  }
  return none;
}
