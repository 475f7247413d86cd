import { describe, expect, it } from 'vitest';
import { scriptedProvider } from '../../../test/helpers/scripted-provider.js';
import { GenerateConfigSchema } from '../../core/generate-config.js';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { lexicalSimilarity } from '../similarity/similarity-backend.js';
import { scorePanel } from './score-panel.js';

const answers: Record<string, string> = {
  m1: 'Stance: yes\n1. Freedom: people choose\n2. Wealth: growth for all\n3. Freedom to act: own path',
  m2: 'Stance: no\n1. Safety: risks grow\n2. Tradition: old ways\n3. Safety nets: protection',
};
const keywords: Record<string, string> = {
  freedom: 'Self-Direction',
  wealth: 'Power',
  safety: 'Security',
  tradition: 'Tradition',
};

/**
 * A per-value judge reading keywords; on `unreadable` points (by keyword) its reply about Power is
 * "Partially" — neither Yes nor No.
 */
function perValueJudge(unreadable: string | null, powerEverExpressed = true) {
  return scriptedProvider('script:judge', {
    'judge-value': (variables) => {
      const text = variables.opinion!.toLowerCase();
      const value = variables.value_name!;
      if (value === 'Power' && unreadable && text.includes(unreadable)) return 'Partially';
      const expressed = Object.entries(keywords).some(
        ([word, name]) => name === value && text.includes(word) && (powerEverExpressed || name !== 'Power'),
      );
      return expressed ? 'Yes' : 'No';
    },
  });
}

const settings = {
  judgeMode: 'per-value' as const,
  pointsPerAnswer: 3,
  weights: GenerateConfigSchema.parse({}).weights,
  params: { seed: 1 },
};

function score(judge: ReturnType<typeof perValueJudge>) {
  return scorePanel({
    question: 'Should towns cap rents?',
    panel: ['m1', 'm2'].map((id) => scriptedProvider(id, { opinion: answers[id]! })),
    judge,
    theory: SCHWARTZ_THEORY,
    similarity: lexicalSimilarity(),
    settings,
  });
}

describe('S under a judge whose per-value replies are partly unreadable', () => {
  it('leaves an unlabelled value out of every term (unknown, as in evaluation), never "not expressed"', async () => {
    // m1's Power point is expressed; m2's "Safety nets" point has an unreadable Power label.
    const unreadable = await score(perValueJudge('safety nets'));
    expect(unreadable.terms).not.toBeNull();
    expect(unreadable.unknownValues).toEqual(['power']);
    expect(unreadable.answers[1]).toMatchObject({ status: 'ok' });
    // The same answers judged with Power never in play: S over the other nine values.
    const withoutPower = await score(perValueJudge(null, false));
    expect(unreadable.terms!.s).toBeCloseTo(withoutPower.terms!.s, 12);
    // Read as "not expressed", Power would have split the two models and raised S.
    const readable = await score(perValueJudge(null));
    expect(readable.terms!.s).toBeGreaterThan(withoutPower.terms!.s);
  });

  it('cannot score a question on which no value was labelled readably', async () => {
    const judge = scriptedProvider('script:judge', { 'judge-value': 'Partially' });
    const found = await score(judge);
    // Every reply unreadable: each key point is an unscored judgement, so no answer is usable.
    expect(found.terms).toBeNull();
    expect(found.failure).toBe('infrastructure');
  });
});
