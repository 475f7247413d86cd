import { describe, expect, it } from 'vitest';
import { syntheticReportData } from '../../test/helpers/synthetic-report-data.js';
import { rankQuestionSplits } from './question-splits.js';
import { renderReport } from './render-report.js';
import type { ReportAnswer } from './report-data.js';

/** Two models, one question; each model's answers per sample with the given stances (no values). */
function withStances(stances: Record<string, ('yes' | 'no' | undefined)[]>) {
  const data = syntheticReportData({ questions: 1, models: 2 });
  const question = data.questions[0]!.id;
  data.answers = Object.entries(stances).flatMap(([modelId, list]) =>
    list.map(
      (stance, sample): ReportAnswer => ({
        questionId: question,
        modelId,
        sample,
        status: 'ok',
        stance,
        points: [{ point: `${stance} point`, justification: `sample ${sample}`, values: [] }],
        values: [],
      }),
    ),
  );
  return data;
}

describe('rankQuestionSplits', () => {
  it("reads each model's stance as the one it took most often over its samples", () => {
    const [m1, m2] = syntheticReportData({ questions: 1, models: 2 }).results.models.map((m) => m.modelId);
    // Model 1 said yes once and no twice: its stance is no, like model 2's.
    const agreeing = withStances({ [m1!]: ['yes', 'no', 'no'], [m2!]: ['no', 'no', 'no'] });
    expect(rankQuestionSplits(agreeing)[0]!.stanceSpread).toBe(0);
    const split = withStances({ [m1!]: ['no', 'yes', 'yes'], [m2!]: ['no', 'no', 'no'] });
    expect(rankQuestionSplits(split)[0]!.stanceSpread).toBe(0.5);
  });

  it('leaves a model with no readable stance out of the stance spread', () => {
    const data = syntheticReportData({ questions: 1, models: 3 });
    const [m1, m2, m3] = data.results.models.map((m) => m.modelId);
    const split = withStances({ [m1!]: ['yes'], [m2!]: ['no'], [m3!]: [undefined] });
    expect(rankQuestionSplits(split)[0]!.stanceSpread).toBe(0.5);
    const alone = withStances({ [m1!]: ['yes'], [m2!]: [undefined], [m3!]: [undefined] });
    expect(rankQuestionSplits(alone)[0]!.stanceSpread).toBe(0);
  });

  it('shows every sample of each model in the splits section', () => {
    const [m1, m2] = syntheticReportData({ questions: 1, models: 2 }).results.models.map((m) => m.modelId);
    const data = withStances({ [m1!]: ['no', 'yes', 'yes'], [m2!]: ['no', 'no', 'no'] });
    const { html } = renderReport(data);
    const splits = html.slice(
      html.indexOf('id="splits"'),
      html.indexOf('</section>', html.indexOf('id="splits"')),
    );
    expect(splits.match(/· sample \d/g)).toHaveLength(6);
    // Model 1's second sample said yes, and its row says so.
    expect(splits).toMatch(/· sample 2<\/td><td>yes<\/td>/);
    expect(splits.match(/<td>no<\/td>/g)).toHaveLength(4);
  });
});
