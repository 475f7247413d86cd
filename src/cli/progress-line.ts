/** Counters shown on the progress line. */
export interface ProgressSnapshot {
  done: number;
  total: number;
  calls: number;
  cached: number;
  errors: number;
  tokens: number;
  costUsd: number;
  /** Stage-specific counters shown after the bar (e.g. the best S so far). */
  note?: string;
}

/** How far back the throughput behind the ETA looks. */
const RATE_WINDOW_MS = 30_000;

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
  let lastDraw = 0;
  let lastText = '';
  // (time, done) samples of the last RATE_WINDOW_MS: the ETA follows recent throughput, so work
  // done before a resume (or a slow start) does not skew it.
  const samples: { at: number; done: number }[] = [];
  const render = (snapshot: ProgressSnapshot): string => {
    const now = Date.now();
    samples.push({ at: now, done: snapshot.done });
    while (samples.length > 2 && now - samples[0]!.at > RATE_WINDOW_MS) samples.shift();
    const oldest = samples[0]!;
    const rate = now > oldest.at ? (snapshot.done - oldest.done) / ((now - oldest.at) / 1000) : 0;
    const fraction = snapshot.total === 0 ? 1 : snapshot.done / snapshot.total;
    const eta = rate > 0 ? (snapshot.total - snapshot.done) / rate : Number.NaN;
    return (
      `${options.label} ${bar(fraction)} ${snapshot.done}/${snapshot.total} ` +
      (snapshot.note ? `| ${snapshot.note} ` : '') +
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
