import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { openStore } from './index.js';

const tmp = useTmpDir();
const requests = [{ customId: 'c1', modelId: 'lab:atlas', role: 'examinee' as const }];
const intent = {
  key: '0123456789abcdef',
  runId: 'r',
  transport: 'openai',
  wave: 1,
  requests,
  createdAt: 1000,
};

describe('batches table', () => {
  it('keeps an intent across a reopen, apart from the open batches, until its batch id replaces it', () => {
    const path = join(tmp(), 'a.db');
    const store = openStore({ path });
    store.batches.intended(intent);
    store.close();
    const again = openStore({ path });
    expect(again.batches.intents('r')).toEqual([intent]);
    expect(again.batches.open('r')).toEqual([]);
    expect(again.batches.list('r')).toEqual([]);
    again.batches.submitted({
      id: 'batch_1',
      runId: 'r',
      transport: 'openai',
      wave: 1,
      requests,
      submittedAt: 2000,
      key: intent.key,
    });
    expect(again.batches.intents('r')).toEqual([]);
    expect(again.batches.open('r').map((batch) => batch.id)).toEqual(['batch_1']);
    expect(again.batches.list('r')).toHaveLength(1);
    again.close();
  });

  it('drops an intent whose batch was never created', () => {
    const store = openStore({ path: join(tmp(), 'b.db') });
    store.batches.intended(intent);
    store.batches.dropped(intent.key);
    expect(store.batches.intents('r')).toEqual([]);
    store.close();
  });
});
