import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressLine, type ProgressSnapshot } from './progress-line.js';

afterEach(() => {
  vi.useRealTimers();
});

function capture(terminal?: { columns: number }, legend?: string) {
  const lines: string[] = [];
  const stream = {
    isTTY: terminal !== undefined,
    columns: terminal?.columns,
    write: (text: string) => lines.push(text),
  } as unknown as NodeJS.WriteStream;
  return {
    lines,
    progress: createProgressLine({ stream, label: 'evaluate', ...(legend ? { legend } : {}) }),
  };
}

/** What starts every redraw on a terminal: back to the line's start, then clear it. */
const REDRAW = '\r\u001b[2K';

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
    expect(lines.at(-1)).toMatch(/0\/2000 \(0 %\) ETA --:-- \|/);
    // A resume: 900 stored items are counted at once, then real work runs at 10 items/s.
    vi.setSystemTime(500);
    progress.update(at(900), true);
    for (let second = 1; second <= 60; second++) {
      vi.setSystemTime(500 + second * 1000);
      progress.update(at(900 + second * 10), true);
    }
    // 500 items left at 10/s: 50 s (the whole-run average, 25/s, would say 20 s).
    expect(lines.at(-1)).toMatch(/1500\/2000 \(75 %\) ETA 0:50 \|/);
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
    expect(lines.at(-1)).toMatch(/2000\/2000 \(100 %\) ETA 0:00 \|/);
    expect(lines).toHaveLength(4);
  });

  it('starts the ETA afresh when a new phase begins (seeds scored, then pulls), even between draws', () => {
    const start = 1_000_000;
    vi.useFakeTimers({ now: start });
    const { lines, progress } = capture();
    for (let seed = 0; seed <= 170; seed += 10) {
      vi.setSystemTime(start + seed * 10);
      progress.update(at(seed, 170));
    }
    // Pulls every 500 ms: only every tenth update is drawn, yet each one counts towards the rate.
    for (let pull = 0; pull <= 10; pull++) {
      vi.setSystemTime(start + 2000 + pull * 500);
      progress.update(at(pull, 30));
    }
    vi.setSystemTime(start + 7000);
    progress.update(at(10, 30), true);
    expect(lines.at(-1)).toMatch(/10\/30 \(33 %\) ETA 0:10 \|/);
  });

  it('keeps every redraw within the terminal width, dropping the least useful parts first', () => {
    const { lines, progress } = capture({ columns: 60 });
    const long = {
      ...at(5, 30),
      calls: 123_456,
      cached: 99_999,
      tokens: 12_345_678,
      note: 'S best 11.73, mean 10.23',
    };
    progress.update(long, true);
    progress.finish(long);
    for (const line of lines) {
      const drawn = line.replace(REDRAW, '').replace(/\n$/, '');
      expect(drawn.length).toBeLessThanOrEqual(59);
      expect(drawn).toMatch(/^evaluate [█░]+ 5\/30 ETA/);
    }
    expect(lines[0]!.startsWith(REDRAW)).toBe(true);
    const { lines: narrow, progress: cramped } = capture({ columns: 20 });
    cramped.update(long, true);
    expect(narrow[0]!.replace(REDRAW, '').length).toBeLessThanOrEqual(19);
  });

  it('prints its legend once, above the first line', () => {
    const { lines, progress } = capture(undefined, 'ETA = time left');
    progress.update(at(1), true);
    progress.update(at(2), true);
    progress.finish(at(2000));
    expect(lines.filter((line) => line === 'ETA = time left\n')).toHaveLength(1);
    expect(lines[0]).toBe('ETA = time left\n');
  });
});
