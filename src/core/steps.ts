import { CancelledError } from './errors.js';

/**
 * Long synchronous work written as a generator that `yield`s wherever it may pause: run it to the
 * end at once with `finishSteps`, or with `runSteps` so that Ctrl-C and timers are heard meanwhile.
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Runs steps to the end without pausing. */
export function finishSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Gives the event loop one turn: signal handlers, timers and I/O callbacks run. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** How often long work lets the event loop turn. */
export const SLICE_MS = 20;

/**
 * Paces long work on the event loop: `pause()` gives the loop a turn once `sliceMs` have passed
 * since the last one, and throws a CancelledError once the signal is aborted.
 */
export function createPacer(options: { signal?: AbortSignal; sliceMs?: number } = {}) {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  const check = (): void => {
    if (options.signal?.aborted) throw new CancelledError();
  };
  return {
    /** Whether the current slice is used up. */
    due: (): boolean => performance.now() - sliceStart >= sliceMs,
    async pause(): Promise<void> {
      check();
      if (performance.now() - sliceStart < sliceMs) return;
      await nextTurn();
      sliceStart = performance.now();
      check();
    },
  };
}

/** Runs steps, letting the event loop turn every slice; throws a CancelledError once the signal aborts. */
export async function runSteps<T>(
  steps: Steps<T>,
  options: { signal?: AbortSignal; sliceMs?: number } = {},
): Promise<T> {
  const pacer = createPacer(options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (pacer.due() || options.signal?.aborted) await pacer.pause();
  }
}
