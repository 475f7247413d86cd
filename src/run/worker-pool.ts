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
  let lastYield = Date.now();
  const worker = async (): Promise<void> => {
    for (let step = next(); step && !step.done; step = next()) {
      // In-process providers resolve at once, so without this the event loop would never turn:
      // no signal handler (Ctrl-C), timer or I/O callback would run until the whole pool is done.
      if (Date.now() - lastYield > 20) {
        lastYield = Date.now();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
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
