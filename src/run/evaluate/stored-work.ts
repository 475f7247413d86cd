import type { OpinionOutcome } from '../../core/question.js';
import { createPacer, runSteps } from '../../core/steps.js';
import type { Store } from '../../store/index.js';
import { itemKey, judgementKey } from './item-keys.js';

/** What a resumed run need not ask again, and what its earlier attempts spent. */
export interface StoredWork {
  /** Answers that did not fail, by `itemKey`. */
  storedResponses: Map<string, OpinionOutcome>;
  /** Judgements that did not fail, by `judgementKey`. */
  storedJudgements: Set<string>;
  /** USD spent by earlier attempts of the run: it counts against the budget too. */
  spentBefore: number;
}

/** Reads a run's finished work in pages, letting the event loop turn (Ctrl-C stops it at once). */
export async function readStoredWork(store: Store, runId: string, signal?: AbortSignal): Promise<StoredWork> {
  const pacer = createPacer({ signal });
  const storedResponses = new Map<string, OpinionOutcome>();
  for (const page of store.responses.pages(runId)) {
    for (const row of page)
      if (row.outcome.status !== 'error') storedResponses.set(itemKey(row), row.outcome);
    await pacer.pause();
  }
  const storedJudgements = new Set<string>();
  for (const page of store.judgements.pages(runId)) {
    for (const row of page) if (row.outcome.status !== 'error') storedJudgements.add(judgementKey(row));
    await pacer.pause();
  }
  const summary = await runSteps(store.calls.summarySteps(runId), { signal });
  return {
    storedResponses,
    storedJudgements,
    spentBefore: summary.reduce((sum, row) => sum + row.costUsd, 0),
  };
}
