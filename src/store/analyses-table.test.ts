import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { openStore } from './index.js';
import { MIGRATIONS } from './migrations.js';

const tmp = useTmpDir();

describe('analyses table', () => {
  it('is added to a store written before it existed, keeping its runs', () => {
    const path = join(tmp(), 'old.db');
    const old = new Database(path);
    const before = MIGRATIONS.findIndex((step) => step.includes('CREATE TABLE analyses'));
    for (const step of MIGRATIONS.slice(0, before)) old.exec(step);
    old.pragma(`user_version = ${before}`);
    old
      .prepare(
        "INSERT INTO runs (id, kind, status, manifest, created_at, updated_at) VALUES ('r1','evaluate','done','{}',1,1)",
      )
      .run();
    old.close();
    const store = openStore({ path });
    expect(store.runs.get('r1')?.status).toBe('done');
    store.analyses.put({
      id: 'a1',
      kind: 'reliability',
      runId: 'r1',
      manifest: { folds: 5 },
      result: { alpha: 0.9 },
    });
    store.analyses.put({ id: 'a2', kind: 'agreement', runId: 'r2', manifest: {}, result: {} });
    store.close();
    const again = openStore({ path, readonly: true });
    expect(again.analyses.list('r1')).toMatchObject([
      { id: 'a1', kind: 'reliability', manifest: { folds: 5 }, result: { alpha: 0.9 } },
    ]);
    expect(
      again.analyses
        .list()
        .map((record) => record.id)
        .sort(),
    ).toEqual(['a1', 'a2']);
    again.close();
  });
});
