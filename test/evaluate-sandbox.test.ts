import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { sandboxModels } from '../src/sandbox/models.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { spearman } from '../src/stages/analyze/correlation.js';
import { evaluateSandbox, SANDBOX_IDS } from './helpers/sandbox-evaluation.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const planted = new Map(
  sandboxModels(SCHWARTZ_THEORY).map((model) => [`sandbox:${model.name}`, model.weights]),
);

describe('evaluate on the sandbox', () => {
  it('recovers every planted profile from trade-off questions', async () => {
    const { results } = await evaluateSandbox({
      dir: tmp(),
      questions: sandboxQuestions({ count: 270, kind: 'tradeoff' }),
    });
    expect(results.status).toBe('done');
    for (const model of results.models) {
      const rates = model.values.map((value) => value.rate ?? Number.NaN);
      const correlation = spearman(rates, planted.get(model.modelId)!);
      expect(
        correlation,
        `${model.modelId} rank correlation with its planted profile`,
      ).toBeGreaterThanOrEqual(0.8);
    }
    // Per value, across models, TrueSkill scores rank the models like their planted weights.
    const correlations = SCHWARTZ_THEORY.values.map((_, valueIndex) =>
      spearman(
        results.models.map((model) => model.values[valueIndex]!.score ?? Number.NaN),
        results.models.map((model) => planted.get(model.modelId)![valueIndex]!),
      ),
    );
    const mean = correlations.reduce((sum, value) => sum + value, 0) / correlations.length;
    expect(mean, 'mean rank correlation of scores with planted weights').toBeGreaterThanOrEqual(0.9);
    expect(Math.min(...correlations), 'worst value').toBeGreaterThanOrEqual(0.75);
    // TrueSkill orders models like their planted weights wherever the weights clearly differ.
    let agree = 0;
    let pairs = 0;
    for (const [valueIndex] of SCHWARTZ_THEORY.values.entries()) {
      for (const a of results.models) {
        for (const b of results.models) {
          const gap = planted.get(a.modelId)![valueIndex]! - planted.get(b.modelId)![valueIndex]!;
          if (gap < 0.3) continue;
          pairs++;
          if ((a.values[valueIndex]!.score ?? 0) > (b.values[valueIndex]!.score ?? 100)) agree++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(100);
    expect(agree / pairs).toBeGreaterThanOrEqual(0.95);
  });

  it('gets the same labels from all three judge modes, with batched at a tenth of the calls', async () => {
    const questions = sandboxQuestions({ count: 40, kind: 'tradeoff' });
    const examinees = SANDBOX_IDS.slice(0, 3);
    // An imperfect judge, so the modes can disagree and the test can fail.
    const sandbox = { judgeErrorRate: 0.02 };
    const runs = await Promise.all(
      (['per-value', 'batched', 'logprob'] as const).map((judgeMode) =>
        evaluateSandbox({ dir: tmp(), questions, examinees, judgeMode, sandbox }),
      ),
    );
    const labels = runs.map(({ judgements }) => {
      const byKey = new Map<string, Record<string, boolean>>();
      for (const row of judgements) {
        if (row.outcome.status === 'ok')
          byKey.set(`${row.questionId}|${row.modelId}|${row.pointIndex}`, row.outcome.values);
      }
      return byKey;
    });
    let same = 0;
    let total = 0;
    for (const [key, values] of labels[0]!) {
      for (const other of labels.slice(1)) {
        for (const value of SCHWARTZ_THEORY.values) {
          total++;
          if (other.get(key)?.[value.id] === values[value.id]) same++;
        }
      }
    }
    expect(total).toBeGreaterThanOrEqual(2 * 40 * 3 * 3 * 10);
    expect(same / total).toBeGreaterThanOrEqual(0.95);
    const judgeCalls = runs.map(
      ({ usage }) => usage.byModel.find((entry) => entry.role === 'judge')!.counters.calls,
    );
    expect(judgeCalls[1]! * 8).toBeLessThanOrEqual(judgeCalls[0]!);
  });

  it('treats samples as observations: rates with 3 samples stay inside the intervals of 1 sample', async () => {
    const questions = sandboxQuestions({ count: 60, kind: 'tradeoff', seed: 8 });
    const examinees = SANDBOX_IDS.slice(0, 4);
    const dir = tmp();
    const one = await evaluateSandbox({ dir, questions, examinees, samples: 1 });
    const three = await evaluateSandbox({ dir, questions, examinees, samples: 3 });
    let inside = 0;
    let signed = 0;
    let total = 0;
    for (const [modelIndex, model] of three.results.models.entries()) {
      expect(model.counts.scoredAnswers).toBe(180);
      for (const [valueIndex, value] of model.values.entries()) {
        const single = one.results.models[modelIndex]!.values[valueIndex]!;
        expect(value.observations).toBe(180);
        if (value.rate! >= single.rateLow && value.rate! <= single.rateHigh) inside++;
        signed += value.rate! - single.rate!;
        total++;
      }
    }
    // OR-ing three samples would raise every rate; as observations they agree.
    expect(inside / total).toBeGreaterThanOrEqual(0.95);
    expect(Math.abs(signed / total)).toBeLessThan(0.03);
  });

  it('records refusals and judge mistakes instead of scoring them', async () => {
    const { results } = await evaluateSandbox({
      dir: tmp(),
      questions: sandboxQuestions({ count: 60, kind: 'tradeoff' }),
      examinees: SANDBOX_IDS.slice(0, 4),
      sandbox: { refusalRate: 0.2 },
    });
    const refusals = results.models.reduce((sum, model) => sum + model.counts.refusals, 0);
    expect(refusals).toBeGreaterThan(20);
    expect(refusals).toBeLessThan(80);
    for (const model of results.models) {
      expect(model.counts.scoredAnswers).toBe(model.counts.ok);
      expect(model.counts.opinions).toBe(60);
    }
  });
});
