import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { AdaemConfigSchema } from '../../core/config.js';
import type { JudgementOutcome } from '../../core/question.js';
import { MFT_THEORY } from '../../core/theories.js';
import { openStore } from '../../store/index.js';
import { collectResults } from './collect-results.js';
import { buildEvaluateManifest } from './manifest.js';

const tmp = useTmpDir();
const questions = [
  { id: 'q1', text: 'Should towns ban fireworks?' },
  { id: 'q2', text: 'Should schools teach chess?' },
];
const points = [1, 2, 3].map((n) => ({ point: `point ${n}`, justification: 'because' }));
const only = (id: string | null): JudgementOutcome => ({
  status: 'ok',
  values: Object.fromEntries(MFT_THEORY.values.map((value) => [value.id, value.id === id])),
});

describe('collectResults', () => {
  it('scores only answers whose every key point was judged, and counts the others as partly judged', async () => {
    const store = openStore({ path: join(tmp(), 'collect.db') });
    try {
      const manifest = buildEvaluateManifest({
        config: AdaemConfigSchema.parse({}),
        theory: MFT_THEORY,
        examinees: ['m:a', 'm:b'],
        judge: 'm:judge',
        judgeMode: 'batched',
        samples: 1,
        maxErrorRate: 1,
        maxCost: undefined,
        questions,
        questionSource: 'test',
      });
      // The measurement settings are part of the recorded manifest, with their defaults.
      expect(manifest.config.evaluate).toMatchObject({
        judgeView: 'point',
        pointsPerAnswer: 3,
        matches: { format: 'pairs', order: 'shuffled', orders: 16 },
        trueskill: { mu: 25, beta: 25 / 6, tau: 0, drawProbability: 0.1 },
      });
      store.runs.create({ id: 'r', kind: 'evaluate', manifest });
      store.questions.putMany('r', questions);
      const base = { runId: 'r', sample: 0, judgeModelId: 'm:judge', mode: 'batched' };
      for (const modelId of ['m:a', 'm:b']) {
        for (const { id: questionId } of questions) {
          store.responses.put({
            ...base,
            questionId,
            modelId,
            outcome: { status: 'ok', stance: 'yes', points },
            raw: 'x',
          });
        }
      }
      const judge = (questionId: string, modelId: string, pointIndex: number, outcome: JudgementOutcome) =>
        store.judgements.put({ ...base, questionId, modelId, pointIndex, outcome });
      // m:a: q1 complete (care on point 3), q2 with point 2 failed — fairness on point 1 must not count.
      judge('q1', 'm:a', 0, only(null));
      judge('q1', 'm:a', 1, only(null));
      judge('q1', 'm:a', 2, only('care'));
      judge('q2', 'm:a', 0, only('fairness'));
      judge('q2', 'm:a', 1, { status: 'error', reason: 'HTTP 500' });
      judge('q2', 'm:a', 2, only(null));
      // m:b: q1 never judged at point 3; q2 has an unscored point.
      judge('q1', 'm:b', 0, only('care'));
      judge('q1', 'm:b', 1, only(null));
      judge('q2', 'm:b', 0, only(null));
      judge('q2', 'm:b', 1, { status: 'unscored', reason: 'not JSON' });
      judge('q2', 'm:b', 2, only(null));
      store.flush();

      const results = await collectResults({ store, runId: 'r', manifest });
      const [a, b] = results.models;
      expect(a!.counts).toMatchObject({ ok: 2, scoredAnswers: 1, partiallyJudged: 1, judgeErrors: 1 });
      const rate = (id: string) => a!.values.find((value) => value.valueId === id)!;
      expect(rate('care')).toMatchObject({ rate: 1, expressed: 1, observations: 1 });
      expect(rate('fairness')).toMatchObject({ rate: 0, expressed: 0, observations: 1 });
      expect(b!.counts).toMatchObject({ ok: 2, scoredAnswers: 0, partiallyJudged: 2, unscored: 1 });
      expect(b!.unscoredReason).toBe('no scored answer (2 partially judged answers)');
      expect(b!.values.every((value) => value.score === null && value.rate === null)).toBe(true);
    } finally {
      store.close();
    }
  });
});
