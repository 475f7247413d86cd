import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../../core/config.js';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../../core/theories.js';
import { planEvaluation } from './plan.js';

const questions = Array.from({ length: 7 }, (_, index) => ({
  id: `q${index}`,
  text: `Should town ${index} ban cars?`,
}));
const config = AdaemConfigSchema.parse({
  models: [
    { id: 'x:a', price: { input: 1, output: 2 } },
    { id: 'x:b' },
    { id: 'x:judge', roles: ['judge'], price: { input: 0.5, output: 1 } },
  ],
});

describe('planEvaluation', () => {
  it('counts one call per question and sample for examinees, and judge calls per key point and mode', () => {
    const base = { config, questions, examinees: ['x:a', 'x:b'], judge: 'x:judge', samples: 2 };
    const batched = planEvaluation({ ...base, theory: SCHWARTZ_THEORY, judgeMode: 'batched' });
    expect(batched.map((row) => [row.modelId, row.role, row.calls])).toEqual([
      ['x:a', 'examinee', 14],
      ['x:b', 'examinee', 14],
      ['x:judge', 'judge', 7 * 2 * 2 * 3],
    ]);
    const perValue = planEvaluation({ ...base, theory: MFT_THEORY, judgeMode: 'per-value' });
    expect(perValue.at(-1)!.calls).toBe(7 * 2 * 2 * 3 * 5);
    expect(batched[1]!.costUsd).toBeNull();
    const a = batched[0]!;
    expect(a.costUsd).toBeCloseTo((a.inputTokens * 1 + a.outputTokens * 2) / 1e6, 12);
    expect(a.inputTokens).toBeGreaterThan(0);
  });

  it('follows the configured points per answer', () => {
    const five = AdaemConfigSchema.parse({ ...config, evaluate: { pointsPerAnswer: 5 } });
    const plan = planEvaluation({
      config: five,
      theory: SCHWARTZ_THEORY,
      questions,
      examinees: ['x:a'],
      judge: 'x:judge',
      judgeMode: 'batched',
      samples: 1,
    });
    expect(plan.at(-1)!.calls).toBe(7 * 5);
  });
});
