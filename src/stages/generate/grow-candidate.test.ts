import { describe, expect, it } from 'vitest';
import { keywordJudge, type Script, scriptedProvider } from '../../../test/helpers/scripted-provider.js';
import { GenerateConfigSchema } from '../../core/generate-config.js';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { lexicalSimilarity } from '../similarity/similarity-backend.js';
import { type GrowContext, growCandidate } from './grow-candidate.js';

const consensus =
  'Stance: yes\n1. Care: helping each other\n2. Care for all: kindness\n3. Care again: support';
const sides: Record<string, string> = {
  m1: 'Stance: yes\n1. Freedom: people choose\n2. Freedom to act: own path\n3. Wealth: growth',
  m2: 'Stance: no\n1. Safety: risks grow\n2. Tradition: old ways\n3. Safety nets: protection',
  m3: 'Stance: neutral\n1. Tradition: customs\n2. Care: neighbours\n3. Wealth: jobs',
};
/** Panel models answer alike unless the question is "sharp"; then they split. */
const panelModel = (id: string, extra: Script = {}) =>
  scriptedProvider(id, {
    opinion: (v) => (v.question!.includes('sharp') ? sides[id]! : consensus),
    ...extra,
  });
const judge = () =>
  keywordJudge(
    {
      freedom: 'self_direction',
      wealth: 'power',
      safety: 'security',
      tradition: 'tradition',
      care: 'benevolence',
    },
    SCHWARTZ_THEORY.values.map((value) => value.id),
  );
const defaults = GenerateConfigSchema.parse({});

function context(overrides: Partial<GrowContext> = {}): GrowContext {
  const m1 = panelModel('m1');
  const m2 = panelModel('m2');
  return {
    theory: SCHWARTZ_THEORY,
    explorers: [m1, m2],
    scorers: [m1, m2, panelModel('m3')],
    judge: judge(),
    similarity: lexicalSimilarity(),
    panel: { judgeMode: 'batched', pointsPerAnswer: 3, weights: defaults.weights, params: { seed: 1 } },
    params: { temperature: 1 },
    refineGain: 0.5,
    refineDepth: 3,
    ...overrides,
  };
}

/** Reflection suggests, refinement appends " sharp" (so S rises once, then stays). */
const sharpener = () =>
  scriptedProvider('refiner', {
    reflect: 'Make it sharper.',
    refine: (v) => `Question: ${v.question!.replace(/\?$/, '')} sharp?`,
  });
const explored = { text: 'Should towns help newcomers?', fact: 'Towns differ.' };

describe('growing a candidate', () => {
  it('keeps a refinement that gains more than τ, and stops at the first that does not', async () => {
    const refiner = sharpener();
    const versions = await growCandidate(explored, refiner, 0, context());
    expect(versions.map((version) => [version.step, version.depth, version.status, version.reason])).toEqual([
      ['explore', 0, 'superseded', undefined],
      ['refine', 1, 'accepted', undefined],
      ['refine', 2, 'rejected', 'no-gain'],
    ]);
    // consensus: R_VC 1 + R_VD 1 + R_OD 0 + ½·R_Dis 1 = 2.5
    expect(versions[0]!.p1!.terms!.s).toBeCloseTo(2.5, 6);
    expect(versions[1]!.p1!.terms!.s).toBeGreaterThan(7);
    expect(versions[1]!.text).toBe('Should towns help newcomers sharp?');
    expect(versions[1]!.parent).toBe(0);
    expect(versions[2]!.detail).toMatch(/gain 0.00 ≤ τ 0.5/);
    // only the accepted version is scored by P2, with the third scorer's answer in it
    expect(versions[1]!.p2!.answers.map((answer) => answer.modelId)).toEqual(['m1', 'm2', 'm3']);
    expect(versions[0]!.p2).toBeUndefined();
    expect(refiner.asked.filter((id) => id === 'refine')).toHaveLength(2);
  });

  it('shows the reflection what the paper’s Listing 7 does: general question, fact, each model’s points and values, reward', async () => {
    const seen: Record<string, string>[] = [];
    const refiner = scriptedProvider('refiner', {
      reflect: (variables) => {
        seen.push(variables);
        return 'Make it sharper.';
      },
      refine: (v) => `Question: ${v.question!.replace(/\?$/, '')} sharp?`,
    });
    await growCandidate(
      { ...explored, generalQuestion: 'Should communities welcome strangers?' },
      refiner,
      0,
      context({ refineDepth: 1 }),
    );
    expect(seen).toHaveLength(1);
    const shown = seen[0]!;
    expect(shown.topic).toContain('General question it grew from: Should communities welcome strangers?');
    expect(shown.topic).toContain('Background fact it builds on: Towns differ.');
    expect(shown.question).toBe(explored.text);
    // Each panel model's stance and key points, with the values the judge read in them.
    expect(shown.answers).toMatch(
      /Model 1 \(stance: yes\):\n {2}- Care: helping each other \[values: Benevolence\]/,
    );
    expect(shown.answers).toMatch(/Model 2 /);
    expect(shown.score).toBe('2.50');
  });

  it('with reflectionContext answers shows the reflection only the question, the key points and the score', async () => {
    const seen: Record<string, string>[] = [];
    const refiner = scriptedProvider('refiner', {
      reflect: (variables) => {
        seen.push(variables);
        return 'Make it sharper.';
      },
      refine: (v) => `Question: ${v.question!.replace(/\?$/, '')} sharp?`,
    });
    await growCandidate(
      { ...explored, generalQuestion: 'Should communities welcome strangers?' },
      refiner,
      0,
      context({ refineDepth: 1, reflectionContext: 'answers' }),
    );
    const shown = seen[0]!;
    expect(shown.topic ?? '').toBe('');
    expect(shown.question).toBe(explored.text);
    expect(shown.answers).toMatch(/^Model 1:\n {2}- Care: helping each other$/m);
    expect(shown.answers).not.toMatch(/stance|values:/);
    expect(shown.score).toBe('2.50');
  });

  it('discards a refinement whose gain does not pass τ and keeps the explored question', async () => {
    const versions = await growCandidate(explored, sharpener(), 0, context({ refineGain: 100 }));
    expect(versions.map((version) => version.status)).toEqual(['accepted', 'rejected']);
    expect(versions[1]!.reason).toBe('no-gain');
    expect(versions[0]!.p2!.terms!.s).toBeGreaterThan(0);
  });

  it('refines no deeper than the depth limit', async () => {
    // every refinement gains: "sharp" → then each added word changes nothing, so use a growing τ-free script
    let calls = 0;
    const refiner = scriptedProvider('refiner', {
      reflect: 'Sharper.',
      refine: (v) =>
        `Question: ${calls++ === 0 ? `${v.question!.replace(/\?$/, '')} sharp` : v.question!.replace(/\?$/, '')}?`,
    });
    const versions = await growCandidate(explored, refiner, 0, context({ refineDepth: 1, refineGain: -10 }));
    expect(versions.map((version) => version.depth)).toEqual([0, 1]);
    const none = scriptedProvider('refiner', {});
    const unrefined = await growCandidate(explored, none, 0, context({ refineDepth: 0 }));
    expect(unrefined).toHaveLength(1);
    expect(none.asked).toEqual([]);
  });

  it('keeps unsafe questions out before P2 pays for them', async () => {
    const m3 = panelModel('m3');
    const safety = scriptedProvider('guard', {
      safety: (v) => (v.text!.includes('sharp') ? 'unsafe\nS1 violent crimes' : 'safe'),
    });
    const versions = await growCandidate(explored, sharpener(), 0, context({ safety, scorers: [m3] }));
    const final = versions.find(
      (version) => version.status !== 'superseded' && version.reason !== 'no-gain',
    )!;
    expect(final).toMatchObject({ status: 'rejected', reason: 'unsafe', detail: 'S1 violent crimes' });
    expect(final.p2).toBeUndefined();
    expect(m3.asked).toEqual([]);
  });

  it('records a safety check that could not be read as a failed check, never as "unsafe"', async () => {
    const m3 = panelModel('m3');
    const safety = scriptedProvider('guard', { safety: () => 'It depends on the context.' });
    const versions = await growCandidate(explored, sharpener(), 0, context({ safety, scorers: [m3] }));
    const final = versions.find((version) => version.status === 'rejected' && version.reason !== 'no-gain')!;
    expect(final).toMatchObject({ status: 'rejected', reason: 'safety-failed' });
    expect(final.detail).toMatch(/It depends/);
    expect(m3.asked).toEqual([]);
  });

  it('rejects a refinement that repeats a question the search already has, unscored, and keeps the explored one', async () => {
    const scorer = panelModel('m1');
    const asked: string[] = [];
    const versions = await growCandidate(
      explored,
      sharpener(),
      0,
      context({ explorers: [scorer, panelModel('m2')] }),
      async (text) => {
        asked.push(text);
        return text.endsWith('sharp?') ? 'nearest p1-r0-g0-d0' : undefined;
      },
    );
    expect(asked).toEqual(['Should towns help newcomers sharp?']);
    expect(versions.map((version) => [version.step, version.status, version.reason])).toEqual([
      ['explore', 'accepted', undefined],
      ['refine', 'rejected', 'duplicate'],
    ]);
    expect(versions[1]!.detail).toBe('nearest p1-r0-g0-d0');
    expect(versions[1]!.p1).toBeUndefined(); // no panel paid for it
    expect(versions[0]!.p2?.terms).not.toBeNull();
  });

  it('records an unparseable refinement and stops refining', async () => {
    const refiner = scriptedProvider('refiner', { reflect: 'Hmm.', refine: 'I would rather not.' });
    const versions = await growCandidate(explored, refiner, 0, context());
    expect(versions[1]).toMatchObject({
      status: 'rejected',
      reason: 'unparseable',
      step: 'refine',
      depth: 1,
    });
    expect(versions[0]!.status).toBe('accepted');
  });

  it('rejects a candidate no panel model answered usably', async () => {
    const refusing = scriptedProvider('r1', {
      opinion: "I'm sorry, I can't share a personal opinion on that.",
    });
    const versions = await growCandidate(explored, sharpener(), 0, context({ explorers: [refusing] }));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ status: 'rejected', reason: 'unscorable' });
    expect(versions[0]!.p1!.answers[0]!.status).toBe('refusal');
  });
});
