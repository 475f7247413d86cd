import type { Store } from '../../store/index.js';

/**
 * The evaluation run a given id means: the id itself, or — for a pipeline run of `adaem run`
 * (`run-…`) — its evaluation stage (`run-…-evaluate`), with a note saying so. Unknown ids are
 * returned as they are, for the caller's own message.
 */
export function evaluationIdOf(store: Store, runId: string): { runId: string; note?: string } {
  const run = store.runs.get(runId);
  if (run?.kind !== 'run') return { runId };
  const stage = `${runId}-evaluate`;
  if (store.runs.get(stage)?.kind !== 'evaluate') return { runId };
  return { runId: stage, note: `run ${runId} is a pipeline run: using its evaluation stage ${stage}` };
}
