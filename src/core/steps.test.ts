import { describe, expect, it } from 'vitest';
import { CancelledError } from './errors.js';
import { finishSteps, runSteps, type Steps } from './steps.js';

/** Busy work for about `ms`, pausing every millisecond; returns how many pauses it made. */
function* busy(ms: number): Steps<number> {
  const end = performance.now() + ms;
  let pauses = 0;
  while (performance.now() < end) {
    const slice = performance.now() + 1;
    while (performance.now() < slice) {
      // spin
    }
    pauses++;
    yield;
  }
  return pauses;
}

describe('steps', () => {
  it('return the same value run at once or on the event loop', async () => {
    function* sum(): Steps<number> {
      let total = 0;
      for (let index = 1; index <= 1000; index++) {
        total += index;
        if (index % 10 === 0) yield;
      }
      return total;
    }
    expect(finishSteps(sum())).toBe(500500);
    expect(await runSteps(sum())).toBe(500500);
  });

  it('let timers run while they work, and stop within a slice once the signal aborts', async () => {
    const controller = new AbortController();
    let timerRanAt: number | undefined;
    const started = performance.now();
    setTimeout(() => {
      timerRanAt = performance.now() - started;
      controller.abort();
    }, 50);
    const outcome = await runSteps(busy(3000), { signal: controller.signal, sliceMs: 20 }).catch(
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(CancelledError);
    expect(timerRanAt).toBeDefined();
    // Generous: the work would have run 3 s without pauses.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('stop after at most one step once the signal has aborted', async () => {
    const steps = busy(1000);
    await expect(runSteps(steps, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(CancelledError);
  });
});
