import { nextTurn, SLICE_MS } from '../core/steps.js';

/**
 * Runs `work` over `items` with at most `concurrency` in flight, in order of the items;
 * stops taking new items once `shouldStop` says so or the signal aborts, and waits for those in flight.
 */
export async function runPool<T>(options: {
  items: Iterable<T>;
  concurrency: number;
  work: (item: T) => Promise<void>;
  shouldStop?: () => boolean;
  signal?: AbortSignal;
}): Promise<{ stopped: boolean }> {
  const iterator = options.items[Symbol.iterator]();
  let stopped = false;
  let failure: { error: unknown } | undefined;
  const next = (): IteratorResult<T> | undefined => {
    if (failure || options.signal?.aborted || options.shouldStop?.()) {
      stopped = true;
      return undefined;
    }
    return iterator.next();
  };
  // In-process providers resolve at once, so without pauses the event loop would never turn: no
  // signal handler (Ctrl-C), timer or I/O callback would run until the whole pool is done. Once a
  // slice is used up, every worker waits for the same turn before it takes its next item, so the
  // loop turns as soon as the items in progress finish, and an abort is seen before the next one.
  let turn: Promise<void> | undefined;
  let sliceStart = performance.now();
  const pause = (): Promise<void> | undefined => {
    if (turn || performance.now() - sliceStart < SLICE_MS) return turn;
    turn = nextTurn().then(() => {
      turn = undefined;
      sliceStart = performance.now();
    });
    return turn;
  };
  const worker = async (): Promise<void> => {
    for (;;) {
      const waiting = pause();
      if (waiting) await waiting;
      const step = next();
      if (!step || step.done) return;
      try {
        await options.work(step.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  if (failure) throw failure.error;
  return { stopped };
}
