import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressLine, type ProgressSnapshot } from './progress-line.js';

afterEach(() => {
  vi.useRealTimers();
});

function capture() {
  const lines: string[] = [];
  const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  return { lines, progress: createProgressLine({ stream, label: 'evaluate' }) };
}

const at = (done: number, total = 2000): ProgressSnapshot => ({
  done,
  total,
  calls: done,
  cached: 0,
  errors: 0,
  tokens: 0,
  costUsd: 0,
});

describe('progress line', () => {
  it('has no ETA before any throughput is seen, then one from the last 30 s only', () => {
    vi.useFakeTimers({ now: 0 });
    const { lines, progress } = capture();
    progress.update(at(0), true);
    expect(lines.at(-1)).toMatch(/0\/2000 ETA --:-- \|/);
    // A resume: 900 stored items are counted at once, then real work runs at 10 items/s.
    vi.setSystemTime(500);
    progress.update(at(900), true);
    for (let second = 1; second <= 60; second++) {
      vi.setSystemTime(500 + second * 1000);
      progress.update(at(900 + second * 10), true);
    }
    // 500 items left at 10/s: 50 s (the whole-run average, 25/s, would say 20 s).
    expect(lines.at(-1)).toMatch(/1500\/2000 ETA 0:50 \|/);
  });

  it('redraws at most every 5 s when stderr is not a terminal, and prints the last state once', () => {
    const start = 1_000_000;
    vi.useFakeTimers({ now: start });
    const { lines, progress } = capture();
    for (let step = 0; step <= 100; step++) {
      vi.setSystemTime(start + step * 100);
      progress.update(at(step * 10));
    }
    expect(lines).toHaveLength(3);
    progress.finish(at(2000));
    expect(lines.at(-1)).toMatch(/2000\/2000 ETA 0:00 \|/);
    expect(lines).toHaveLength(4);
  });
});
