import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { finishSteps } from '../core/steps.js';
import { openStore } from './index.js';

const tmp = useTmpDir();

function filledStore() {
  const store = openStore({ path: join(tmp(), 'paged.db') });
  for (const runId of ['r', 'other']) {
    for (let question = 0; question < 23; question++) {
      for (const modelId of ['m:a', 'm:b']) {
        store.responses.put({
          runId,
          questionId: `q${question}`,
          modelId,
          sample: question % 2,
          outcome: { status: 'ok', stance: 'yes', points: [{ point: `p${question}`, justification: 'j' }] },
          raw: `raw ${question}`,
          usage: { inputTokens: question, outputTokens: 1 },
        });
        for (const pointIndex of [0, 1])
          store.judgements.put({
            runId,
            questionId: `q${question}`,
            modelId,
            sample: 0,
            pointIndex,
            judgeModelId: 'm:judge',
            mode: 'batched',
            outcome: { status: 'ok', values: { care: question % 3 === 0 } },
            raw: 'r',
          });
        store.calls.record({
          runId,
          providerId: modelId,
          role: 'examinee',
          status: question % 5 === 0 ? 'error' : question % 4 === 0 ? 'cached' : 'ok',
          attempts: 1 + (question % 3),
          latencyMs: 1,
          inputTokens: question,
          outputTokens: 2,
          costUsd: question / 1000,
          finishedAt: question,
        });
      }
    }
  }
  store.flush();
  return store;
}

const byKey = (a: { questionId: string; modelId: string }, b: { questionId: string; modelId: string }) =>
  `${a.questionId}/${a.modelId}`.localeCompare(`${b.questionId}/${b.modelId}`);

describe('paged reads', () => {
  it('read every row of the run once, page by page, as the whole-table reads do (without raw text)', () => {
    const store = filledStore();
    const pages = [...store.responses.pages('r', 10)];
    expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 10, 6]);
    const withoutRaw = store.responses.list('r').map((row) => ({ ...row, raw: null }));
    expect(pages.flat().sort(byKey)).toEqual(withoutRaw.sort(byKey));

    const judgements = [...store.judgements.pages('r', 7)].flat();
    const listed = store.judgements.list('r').map(({ raw: _raw, ...row }) => row);
    expect(judgements).toHaveLength(92);
    expect(judgements.sort(byKey)).toEqual(listed.sort(byKey));
    store.close();
  });

  it('sum calls over id windows to the totals of one query', () => {
    const store = filledStore();
    const whole = store.calls.summary('r');
    expect(whole.map((row) => row.calls)).toEqual([23, 23]);
    for (const window of [1, 5, 46, 1000]) {
      const windowed = finishSteps(store.calls.summarySteps('r', window));
      expect(windowed.map(({ costUsd, ...row }) => row)).toEqual(whole.map(({ costUsd, ...row }) => row));
      for (const [index, row] of windowed.entries())
        expect(row.costUsd).toBeCloseTo(whole[index]!.costUsd, 12);
    }
    expect(finishSteps(store.calls.summarySteps('none'))).toEqual([]);
    store.close();
  });
});
