import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { devQuestions, measureRealism } from './helpers/realism.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

// Natural questions nobody on the project wrote (test/fixtures/dev-questions): the sandbox must read them
// like real models do, not only adaem's own templates.
describe('the sandbox on natural questions', () => {
  it('reveals every planted profile on contested debate questions', async () => {
    const contested = await measureRealism(tmp(), devQuestions('contested'));
    expect(contested.meanRecovery).toBeGreaterThanOrEqual(0.8);
    for (const [model, correlation] of Object.entries(contested.recovery)) {
      expect(correlation, `${model} recovery on contested questions`).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('makes models look alike on generic questionnaire items and different on contested ones', async () => {
    const generic = await measureRealism(tmp(), devQuestions('generic'));
    const contested = await measureRealism(tmp(), devQuestions('contested'));
    const tradeoffs = await measureRealism(tmp(), sandboxQuestions({ count: 90, kind: 'tradeoff' }));
    expect(generic.meanPairwisePearson).toBeGreaterThan(0.8);
    expect(generic.meanPairwisePearson - contested.meanPairwisePearson).toBeGreaterThanOrEqual(0.3);
    expect(generic.meanPairwisePearson - tradeoffs.meanPairwisePearson).toBeGreaterThanOrEqual(0.3);
  });
});
