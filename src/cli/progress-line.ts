/** Counters shown on the progress line. */
export interface ProgressSnapshot {
  done: number;
  total: number;
  calls: number;
  cached: number;
  errors: number;
  tokens: number;
  costUsd: number;
}

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/**
 * A progress line on stderr with ETA, calls, cache hits, tokens and cost: redrawn in place on a
 * terminal at most every 100 ms, printed every 5 s when stderr is a file or pipe.
 */
export function createProgressLine(options: { stream?: NodeJS.WriteStream; label: string }) {
  const stream = options.stream ?? process.stderr;
  const interactive = stream.isTTY === true;
  const started = Date.now();
  let lastDraw = 0;
  let lastText = '';
  const render = (snapshot: ProgressSnapshot): string => {
    const elapsed = (Date.now() - started) / 1000;
    const fraction = snapshot.total === 0 ? 1 : snapshot.done / snapshot.total;
    const eta =
      snapshot.done === 0 ? Number.NaN : (elapsed / snapshot.done) * (snapshot.total - snapshot.done);
    return (
      `${options.label} ${bar(fraction)} ${snapshot.done}/${snapshot.total} ` +
      `ETA ${formatDuration(eta)} | calls ${snapshot.calls} (cached ${snapshot.cached}, errors ${snapshot.errors}) ` +
      `| tokens ${snapshot.tokens} | $${snapshot.costUsd.toFixed(4)}`
    );
  };
  return {
    update(snapshot: ProgressSnapshot, force = false): void {
      const now = Date.now();
      if (!force && now - lastDraw < (interactive ? 100 : 5000)) return;
      lastDraw = now;
      lastText = render(snapshot);
      stream.write(interactive ? `\r\u001b[2K${lastText}` : `${lastText}\n`);
    },
    finish(snapshot: ProgressSnapshot): void {
      const text = render(snapshot);
      if (interactive) stream.write(`\r\u001b[2K${text}\n`);
      else if (text !== lastText) stream.write(`${text}\n`);
    },
  };
}
