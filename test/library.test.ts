import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, openStore } from '../src/index.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

describe('library evaluate()', () => {
  it('evaluates models on questions and returns typed results backed by the store', async () => {
    const path = join(tmp(), 'lib.db');
    const results = await evaluate({
      questions: [
        {
          id: 'q1',
          text: 'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
        },
        {
          id: 'q2',
          text: 'Should Brazil admit more climate refugees even if it means less national wealth?',
        },
      ],
      models: ['sandbox:atlas', 'sandbox:basalt'],
      judge: 'sandbox:judge',
      store: path,
    });
    expect(results.status).toBe('done');
    expect(results.models.map((model) => model.modelId)).toEqual(['sandbox:atlas', 'sandbox:basalt']);
    expect(results.models[0]!.values).toHaveLength(10);
    expect(results.models[0]!.counts).toMatchObject({ opinions: 2, ok: 2, scoredQuestions: 2 });
    const store = openStore({ path });
    expect(store.runs.get(results.runId)?.status).toBe('done');
    expect(store.responses.list(results.runId)).toHaveLength(4);
    store.close();
  });
});
