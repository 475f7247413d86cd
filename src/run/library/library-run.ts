import type { AdaemConfig } from '../../core/config.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import { openStore, type Store } from '../../store/index.js';
import type { RunKind } from '../../store/runs-table.js';

/**
 * What a library function needs to run a stage: the store (opened from a path, or the caller's),
 * a run id and an engine writing to that store's cache and call log; both are closed afterwards
 * (a store the caller passed stays open).
 */
export async function withLibraryRun<T>(
  options: {
    config: AdaemConfig;
    theory: ValueTheory;
    kind: RunKind;
    store?: string | Store;
    runId?: string;
    env?: Record<string, string | undefined>;
    signal?: AbortSignal;
  },
  work: (run: { store: Store; engine: Engine; runId: string }) => Promise<T>,
): Promise<T> {
  const { config, theory } = options;
  const store =
    typeof options.store === 'object' ? options.store : openStore({ path: options.store ?? config.store });
  const runId = options.runId ?? store.runs.newRunId(options.kind);
  const engine = createEngine({
    config,
    theory,
    env: options.env,
    cache: store.cache,
    recorder: store.calls,
    runId,
    signal: options.signal,
  });
  try {
    return await work({ store, engine, runId });
  } finally {
    await engine.close();
    if (typeof options.store !== 'object') store.close();
  }
}
