import { describe, expect, it } from 'vitest';
import type { OpinionOutcome } from '../../core/question.js';
import { buildObservations } from './observations.js';

const point = { point: 'Cost', justification: 'too high' };

function response(questionId: string, outcome: OpinionOutcome) {
  return { runId: 'r', questionId, modelId: 'm', sample: 0, outcome, raw: null };
}

describe('buildObservations', () => {
  it('counts answers without a stance and every reply it could not read, by reason, and scores neither as a stance', () => {
    const { counts, records } = buildObservations({
      questions: ['q1', 'q2', 'q3', 'q4'].map((id) => ({ id, text: `${id}?` })),
      examinees: ['m'],
      valueIds: ['power'],
      responses: [
        response('q1', {
          status: 'ok',
          stance: null,
          stanceReason: 'no stance in the answer',
          points: [point],
        }),
        response('q2', { status: 'unparseable', reason: 'the judge answered "Partially"' }),
        response('q3', { status: 'unparseable', reason: 'the judge answered "Maybe"' }),
        response('q4', { status: 'ok', stance: 'yes', points: [point] }),
      ],
      judgements: ['q1', 'q4'].map((questionId) => ({
        runId: 'r',
        questionId,
        modelId: 'm',
        sample: 0,
        pointIndex: 0,
        judgeModelId: 'j',
        mode: 'batched',
        outcome:
          questionId === 'q1'
            ? ({ status: 'ok', values: { power: true } } as const)
            : ({ status: 'unscored', reason: 'no JSON object in the reply' } as const),
      })),
    });
    expect(counts.get('m')).toMatchObject({
      ok: 2,
      noStance: 1,
      unparseable: 2,
      unscored: 1,
      scoredAnswers: 1,
      unread: {
        'stance: no stance in the answer': 1,
        'answer: the judge answered "…"': 2,
        'judgement: no JSON object in the reply': 1,
      },
    });
    expect(records).toEqual([{ questionId: 'q1', sample: 0, modelId: 'm', values: { power: true } }]);
  });
});
