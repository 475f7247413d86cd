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
    expect(results.models[0]!.counts).toMatchObject({ opinions: 2, ok: 2, scoredAnswers: 2 });
    const store = openStore({ path });
    expect(store.runs.get(results.runId)?.status).toBe('done');
    expect(store.responses.list(results.runId)).toHaveLength(4);
    store.close();
  });
});

describe('repeated samples', () => {
  it('asks each sample for real: distinct cache entries and answers that vary', async () => {
    const path = join(tmp(), 'samples.db');
    const questions = Array.from({ length: 12 }, (_, index) => ({
      id: `q${index}`,
      text: `Should Chile fine citizens who break minor rules by ${2030 + index} even if it means less personal freedom?`,
    }));
    const results = await evaluate({
      questions,
      models: ['sandbox:fjord'],
      judge: 'sandbox:judge',
      store: path,
      samples: 3,
    });
    expect(results.models[0]!.counts.opinions).toBe(36);
    const store = openStore({ path });
    const raws = store.responses.list(results.runId);
    const byQuestion = new Map<string, Set<string | null>>();
    for (const row of raws)
      byQuestion.set(row.questionId, (byQuestion.get(row.questionId) ?? new Set()).add(row.raw));
    expect([...byQuestion.values()].some((answers) => answers.size > 1)).toBe(true);
    expect(store.cache.stats().byProvider.find((row) => row.providerId === 'sandbox:fjord')?.entries).toBe(
      36,
    );
    store.close();
  });
});

describe('library evaluate() with bad input', () => {
  it('rejects an unknown model before recording a run', async () => {
    const path = join(tmp(), 'bad.db');
    await expect(
      evaluate({
        questions: [{ id: 'q', text: 'Is it fine?' }],
        models: ['sandbox:nobody'],
        judge: 'sandbox:judge',
        store: path,
      }),
    ).rejects.toThrow(/unknown sandbox model "nobody"/);
    const store = openStore({ path });
    expect(store.runs.list()).toEqual([]);
    store.close();
  });
});
