import type { Question } from '../../core/question.js';

/** One unit of evaluation work: a question put to one examinee, for one sample. */
export interface WorkItem {
  question: Question;
  modelId: string;
  sample: number;
}

/** Key of a response: question, model, sample. */
export function itemKey(row: { questionId: string; modelId: string; sample: number }): string {
  return `${row.questionId}\u0000${row.modelId}\u0000${row.sample}`;
}

/** Key of a judgement: the response key plus key-point index, judge and mode. */
export function judgementKey(row: {
  questionId: string;
  modelId: string;
  sample: number;
  pointIndex: number;
  judgeModelId: string;
  mode: string;
}): string {
  return `${itemKey(row)}\u0000${row.pointIndex}\u0000${row.judgeModelId}\u0000${row.mode}`;
}
