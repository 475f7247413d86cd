import { describe, expect, it } from 'vitest';
import { QuestionPool } from '../../stages/generate/dedup.js';
import { lexicalSimilarity } from '../../stages/similarity/similarity-backend.js';
import type { CandidateRecord } from '../../store/index.js';
import { SearchState } from './state.js';

const seeds = [
  { id: 's1', text: 'Is it important to protect nature?' },
  { id: 's2', text: 'Should people respect their elders?' },
];

function record(
  partial: Partial<CandidateRecord> & Pick<CandidateRecord, 'id' | 'text' | 'step' | 'status'>,
): CandidateRecord {
  return {
    runId: 'r',
    position: 0,
    pull: 1,
    round: 0,
    armId: 's1',
    parentId: null,
    modelId: 'm',
    depth: 0,
    reason: null,
    sP1: null,
    sP2: null,
    detail: {},
    ...partial,
  };
}

describe('search state replay', () => {
  it('rebuilds arms, banks, counters and the dedup pool (prior bank included) from stored records', async () => {
    const similarity = lexicalSimilarity();
    const state = new SearchState(seeds, new QuestionPool(0.85, 3), similarity);
    const unscored = await state.replay(
      [
        record({
          id: 's1',
          text: seeds[0]!.text,
          step: 'seed',
          status: 'seed',
          sP1: 6,
          position: 0,
          pull: 0,
        }),
        record({
          id: 'p1-a',
          text: 'Should Norway ban oil drilling in the Arctic?',
          step: 'explore',
          status: 'accepted',
          sP1: 8,
          sP2: 9,
          position: 1,
        }),
        record({
          id: 'p1-b',
          text: 'Should Chile ban mining near glaciers?',
          step: 'explore',
          status: 'rejected',
          reason: 'no-gain',
          position: 2,
        }),
        record({
          id: 'p1-c',
          text: 'Should Chile ban mining near glaciers?',
          step: 'explore',
          status: 'rejected',
          reason: 'duplicate',
          position: 3,
        }),
      ],
      [
        {
          runId: 'r',
          pull: 1,
          armId: 's1',
          reward: 9,
          accepted: 1,
          rejected: 2,
          finishedAt: 0,
          failed: null,
        },
      ],
      ['Should Kenya tax plastic bags to protect rivers?'],
    );
    expect(unscored.map((seed) => seed.id)).toEqual(['s2']);
    expect(state.arms[0]).toEqual({ id: 's1', q: 7.5, c: 2 });
    expect(state.arms[1]).toEqual({ id: 's2', q: 0, c: 1, excluded: 'its seed is not scored yet' });
    expect(state.counters).toMatchObject({
      pullsDone: 1,
      accepted: 1,
      rejected: { 'no-gain': 1, duplicate: 1 },
      bestScore: 9,
    });
    expect(state.shown('s1', 5)).toEqual([
      { text: 'Should Norway ban oil drilling in the Arctic?', score: 9 },
    ]);
    expect(state.nextPosition).toBe(4);
    // seed, accepted, scored-but-rejected exploration and the prior bank are in the pool; the duplicate is not
    expect(state.pool.size).toBe(4);
    const [prior] = await similarity.vectors(['Should Kenya tax plastic bags to protect rivers?']);
    expect(state.pool.check(prior!)).toMatchObject({ duplicate: true, nearestId: 'prior-0' });
  });
});

describe('pulls run in one batch', () => {
  it('see the state as the batch began plus their own additions, and are taken in in batch order', async () => {
    const similarity = lexicalSimilarity();
    const state = new SearchState(seeds, new QuestionPool(0.85, 3), similarity);
    await state.replay(
      [record({ id: 's1', text: seeds[0]!.text, step: 'seed', status: 'seed', sP1: 6, pull: 0 })],
      [],
    );
    const [vector] = await similarity.vectors(['Should Peru ban plastic bags in shops by 2027?']);
    const first = state.fork();
    const second = state.fork();
    first.pool.add('p1-r0-g0-d0', vector!);
    // The other pull of the batch does not see it, nor does the shared state, until it is taken in.
    expect(first.pool.check(vector!).duplicate).toBe(true);
    expect(second.pool.check(vector!).duplicate).toBe(false);
    expect(state.pool.check(vector!).duplicate).toBe(false);
    // A question's own earlier version can be left out of the check.
    expect(first.pool.check(vector!, new Set(['p1-r0-g0-d0'])).duplicate).toBe(false);

    const text = 'Should Peru ban plastic bags in shops by 2027?';
    const pull1 = [record({ id: 'p1-r0-g0-d0', text, step: 'explore', status: 'accepted', sP2: 9, pull: 1 })];
    const pull2 = [
      record({ id: 'p2-r0-g0-d0', text, step: 'explore', status: 'superseded', pull: 2, armId: 's2' }),
      record({
        id: 'p2-r0-g0-d1',
        text: 'Should Peru ban plastic bags in shops by 2027 even if it means less profit?',
        step: 'refine',
        depth: 1,
        parentId: 'p2-r0-g0-d0',
        status: 'accepted',
        sP2: 10,
        pull: 2,
        armId: 's2',
      }),
      record({
        id: 'p2-r1-g0-d0',
        text: 'Should Chile fund rural libraries?',
        step: 'explore',
        status: 'accepted',
        sP2: 7,
        pull: 2,
        armId: 's2',
      }),
    ];
    const positionBefore = state.nextPosition;
    expect(await state.absorb(pull1, first, false)).toEqual({ reward: 9, failed: null });
    // The second pull repeated the first's question: that chain goes, what else it found stays.
    expect(await state.absorb(pull2, second, true)).toEqual({ reward: 7, failed: null });
    expect(pull2.map((entry) => [entry.status, entry.reason])).toEqual([
      ['rejected', 'duplicate'],
      ['rejected', 'duplicate'],
      ['accepted', null],
    ]);
    expect([...pull1, ...pull2].map((entry) => entry.position)).toEqual(
      [0, 1, 2, 3].map((n) => positionBefore + n),
    );
    expect(state.counters).toMatchObject({ accepted: 2, rejected: { duplicate: 2 } });
    expect(state.shown('s2', 5)).toEqual([{ text: 'Should Chile fund rural libraries?', score: 7 }]);

    // A chain whose refinement repeats an earlier pull's question goes whole: its explored version
    // has no P2 score to fall back on, and is not left `superseded` with nothing accepted.
    const third = state.fork();
    const pull3 = [
      record({
        id: 'p3-r0-g0-d0',
        text: 'Should Kenya fund rural libraries by 2030?',
        step: 'explore',
        status: 'superseded',
        pull: 3,
      }),
      record({
        id: 'p3-r0-g0-d1',
        text: 'Should Chile fund rural libraries?',
        step: 'refine',
        depth: 1,
        parentId: 'p3-r0-g0-d0',
        status: 'accepted',
        sP2: 8,
        pull: 3,
      }),
    ];
    expect(await state.absorb(pull3, third, true)).toEqual({ reward: 0, failed: null });
    expect(pull3.map((entry) => [entry.status, entry.reason])).toEqual([
      ['rejected', 'duplicate'],
      ['rejected', 'duplicate'],
    ]);
    expect(String(pull3[0]!.detail.duplicateOf)).toMatch(/^p3-r0-g0-d1: .*nearest p2-r1-g0-d0/);
  });
});

describe('a pull that added nothing', () => {
  async function started() {
    const state = new SearchState(seeds, new QuestionPool(0.85, 3), lexicalSimilarity());
    await state.replay(
      [
        record({ id: 's1', text: seeds[0]!.text, step: 'seed', status: 'seed', sP1: 8, pull: 0 }),
        record({
          id: 's2',
          text: seeds[1]!.text,
          step: 'seed',
          status: 'seed',
          sP1: 4,
          pull: 0,
          position: 1,
        }),
      ],
      [],
    );
    return state;
  }
  const unscorable = (failure: 'infrastructure' | 'content') => ({
    p1: { terms: null, failure, reason: 'no panel answer was usable', questionValues: [], answers: [] },
  });

  it('is no reward when every candidate failed for an infrastructure reason: the arm keeps Q and C', async () => {
    const state = await started();
    const pull = [
      record({ id: 'p1-r0-g0-d0', text: '', step: 'explore', status: 'rejected', reason: 'error' }),
      record({ id: 'p1-r0-g1-d0', text: 'x', step: 'explore', status: 'rejected', reason: 'unparseable' }),
      record({
        id: 'p1-r1-g0-d0',
        text: 'Should Iceland cap whale watching tours?',
        step: 'explore',
        status: 'rejected',
        reason: 'unscorable',
        detail: unscorable('infrastructure'),
      }),
    ];
    const outcome = await state.absorb(pull, state.fork(), false);
    expect(outcome.failed).toMatch(/infrastructure reason \(1 error, 1 unparseable, 1 unscorable\)/);
    state.finishPull({ armId: 's1', ...outcome });
    expect(state.arms[0]).toEqual({ id: 's1', q: 8, c: 1 });
    expect(state.counters).toMatchObject({ pullsDone: 1, failedPulls: 1 });
  });

  it('earns 0 when something in it concerns the arm: a duplicate, or a question every model refused', async () => {
    for (const other of [
      record({
        id: 'p1-r0-g1-d0',
        text: seeds[0]!.text,
        step: 'explore',
        status: 'rejected',
        reason: 'duplicate',
      }),
      record({
        id: 'p1-r0-g1-d0',
        text: 'Should Iceland cap whale watching tours?',
        step: 'explore',
        status: 'rejected',
        reason: 'unscorable',
        detail: unscorable('content'),
      }),
    ]) {
      const state = await started();
      const pull = [
        record({ id: 'p1-r0-g0-d0', text: '', step: 'explore', status: 'rejected', reason: 'error' }),
        other,
      ];
      const outcome = await state.absorb(pull, state.fork(), false);
      expect(outcome).toEqual({ reward: 0, failed: null });
      state.finishPull({ armId: 's1', ...outcome });
      expect(state.arms[0]).toEqual({ id: 's1', q: 4, c: 2 });
    }
  });
});
