import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { StoreError } from '../core/errors.js';
import { openStore } from './index.js';

const tmp = useTmpDir();
const result = { text: 'hello', usage: { inputTokens: 3, outputTokens: 1 }, model: 'm' };

describe('store', () => {
  it('serves a cached result again, also after reopening, and not for another key', () => {
    const path = join(tmp(), 'a.db');
    const store = openStore({ path });
    store.cache.put('k1', { providerId: 'openai:m', result: { ...result, cached: false, latencyMs: 5 } });
    expect(store.cache.get('k1')).toEqual(result);
    expect(store.cache.get('k2')).toBeUndefined();
    store.close();
    const again = openStore({ path });
    expect(again.cache.get('k1')).toEqual(result);
    expect(again.cache.stats()).toMatchObject({
      entries: 1,
      byProvider: [{ providerId: 'openai:m', entries: 1 }],
    });
    expect(again.cache.clear({ providerId: 'other:x' })).toBe(0);
    expect(again.cache.clear()).toBe(1);
    expect(again.cache.get('k1')).toBeUndefined();
    again.close();
  });

  it('refuses a file that is not a SQLite database with a one-line StoreError', () => {
    const path = join(tmp(), 'garbage.db');
    writeFileSync(path, 'this is not sqlite at all, just text '.repeat(200));
    expect(() => openStore({ path })).toThrow(StoreError);
    expect(() => openStore({ path })).toThrow(/cannot open store .*garbage\.db/);
  });

  it('says when buffered writes are committed, and passes on the fault of a commit that failed', async () => {
    const path = join(tmp(), 'committed.db');
    const store = openStore({ path });
    const reader = new Database(path, { readonly: true });
    const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM cache').get() as { n: number }).n;
    await store.cache.committed();
    store.cache.put('k1', { providerId: 'openai:m', result });
    expect(count()).toBe(0);
    await store.cache.committed();
    expect(count()).toBe(1);
    reader.close();
    store.close();

    const full = openStore({ path: join(tmp(), 'full.db'), maxPages: 40 });
    // One write larger than the 40-page limit (a single put is never committed at once).
    full.cache.put('big', { providerId: 'openai:m', result: { ...result, text: 'x'.repeat(400_000) } });
    await expect(full.cache.committed()).rejects.toThrow(
      /store .*full\.db: the disk \(or the store size limit\) is full/,
    );
    await expect(full.cache.committed()).rejects.toBeInstanceOf(StoreError);
    full.close();
  });

  it('reads generation candidates with all their detail, only the kept ones’, or none', () => {
    const store = openStore({ path: join(tmp(), 'g.db') });
    const base = {
      runId: 'g',
      pull: 1,
      round: 0,
      armId: 's1',
      parentId: null,
      modelId: 'm',
      depth: 0,
      reason: null,
      sP1: 7,
      sP2: null,
    };
    store.generation.commit(
      [
        {
          ...base,
          id: 's1',
          position: 0,
          pull: 0,
          round: null,
          modelId: null,
          step: 'seed',
          text: 'Is x good?',
          status: 'seed',
          detail: { category: 'Arts' },
        },
        {
          ...base,
          id: 'a',
          position: 1,
          step: 'explore',
          text: 'Should A?',
          status: 'accepted',
          sP2: 9,
          detail: { p2: { terms: { s: 9 } } },
        },
        {
          ...base,
          id: 'b',
          position: 2,
          step: 'explore',
          text: 'Should B?',
          status: 'rejected',
          reason: 'no-gain',
          detail: { p1: { answers: ['long'] } },
        },
      ],
      { runId: 'g', pull: 1, armId: 's1', reward: 9, accepted: 1, rejected: 1, finishedAt: 1, failed: null },
    );
    const details = (detail?: 'all' | 'kept' | 'none') =>
      store.generation.candidates('g', detail ? { detail } : {}).map((record) => record.detail);
    expect(details()).toEqual([
      { category: 'Arts' },
      { p2: { terms: { s: 9 } } },
      { p1: { answers: ['long'] } },
    ]);
    expect(details('kept')).toEqual([{ category: 'Arts' }, { p2: { terms: { s: 9 } } }, {}]);
    expect(details('none')).toEqual([{}, {}, {}]);
    expect(
      store.generation
        .candidates('g', { detail: 'none' })
        .map((record) => [record.id, record.text, record.status, record.reason]),
    ).toEqual([
      ['s1', 'Is x good?', 'seed', null],
      ['a', 'Should A?', 'accepted', null],
      ['b', 'Should B?', 'rejected', 'no-gain'],
    ]);
    store.close();
  });

  it('keeps runs with manifests and refuses a duplicate run id', () => {
    const store = openStore({ path: join(tmp(), 'r.db') });
    const id = store.runs.newRunId('evaluate');
    expect(id).toMatch(/^eval-\d{8}-\d{6}-[0-9a-f]{4}$/);
    store.runs.create({ id, kind: 'evaluate', manifest: { seed: 1 } });
    expect(() => store.runs.create({ id, kind: 'evaluate', manifest: {} })).toThrow(/already exists/);
    store.runs.setStatus(id, 'done', { errorRate: 0 });
    expect(store.runs.get(id)).toMatchObject({
      status: 'done',
      manifest: { seed: 1 },
      summary: { errorRate: 0 },
    });
    store.close();
  });

  it('opens cleanly after a writer is killed with SIGKILL and keeps every committed row', async () => {
    const path = join(tmp(), 'kill.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/store-writer.ts', path], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let committed = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const counts = chunk.toString().trim().split('\n').map(Number);
        committed = Math.max(committed, ...counts);
        if (committed >= 5000 && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const db = new Database(path);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const store = openStore({ path });
    expect(store.responses.list('kill').length).toBeGreaterThanOrEqual(committed);
    store.close();
  });
});
