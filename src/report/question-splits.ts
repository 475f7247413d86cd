import type { ReportAnswer, ReportData } from './report-data.js';

/** How much the models' answers to one question differ. */
export interface QuestionSplit {
  questionId: string;
  /** Mean over values of the variance, across models, of each model's share of samples expressing the value. */
  valueSpread: number;
  /** 1 − the share of models whose usual stance (over their samples) is the most common one (0 when all agree). */
  stanceSpread: number;
  /** `valueSpread + stanceSpread / 2`: the order of the "questions that split the models" section. */
  score: number;
  /** Models with at least one judged answer to the question. */
  models: number;
}

/** The stance a model took most often over its samples (the earliest of tied ones). */
function modalStance(answers: readonly ReportAnswer[]): string | undefined {
  const counts = new Map<string, number>();
  for (const answer of answers)
    if (answer.stance) counts.set(answer.stance, (counts.get(answer.stance) ?? 0) + 1);
  let best: string | undefined;
  for (const [stance, count] of counts) if (best === undefined || count > counts.get(best)!) best = stance;
  return best;
}

function spreadOf(
  answers: readonly ReportAnswer[],
  valueIds: readonly string[],
): Omit<QuestionSplit, 'questionId'> {
  const byModel = new Map<string, ReportAnswer[]>();
  for (const answer of answers) {
    if (answer.status !== 'ok') continue;
    const list = byModel.get(answer.modelId) ?? [];
    list.push(answer);
    byModel.set(answer.modelId, list);
  }
  const judged = [...byModel.values()]
    .map((list) => list.filter((answer) => answer.values !== undefined))
    .filter((list) => list.length > 0);
  let valueSpread = 0;
  if (judged.length > 1) {
    for (const valueId of valueIds) {
      const shares = judged.map(
        (list) => list.filter((answer) => answer.values?.includes(valueId)).length / list.length,
      );
      const mean = shares.reduce((sum, share) => sum + share, 0) / shares.length;
      valueSpread += shares.reduce((sum, share) => sum + (share - mean) ** 2, 0) / shares.length;
    }
    valueSpread /= Math.max(1, valueIds.length);
  }
  const stances = new Map<string, number>();
  for (const list of byModel.values()) {
    const stance = modalStance(list);
    if (stance) stances.set(stance, (stances.get(stance) ?? 0) + 1);
  }
  // Models with no readable stance on this question are left out, never counted as a stance.
  const withStance = [...stances.values()].reduce((sum, count) => sum + count, 0);
  const stanceSpread = withStance > 1 ? 1 - Math.max(0, ...stances.values()) / withStance : 0;
  return { valueSpread, stanceSpread, score: valueSpread + stanceSpread / 2, models: judged.length };
}

/** Ranks the questions by how much the models' answers split on them (most first; ties keep run order). */
export function rankQuestionSplits(data: ReportData): QuestionSplit[] {
  const valueIds = data.results.theory.values.map((value) => value.id);
  const byQuestion = new Map<string, ReportAnswer[]>();
  for (const answer of data.answers) {
    const list = byQuestion.get(answer.questionId) ?? [];
    list.push(answer);
    byQuestion.set(answer.questionId, list);
  }
  return data.questions
    .map((question) => ({
      questionId: question.id,
      ...spreadOf(byQuestion.get(question.id) ?? [], valueIds),
    }))
    .sort((a, b) => b.score - a.score);
}
