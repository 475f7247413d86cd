/** Counters shown on the progress line. */
export interface ProgressSnapshot {
  done: number;
  total: number;
  calls: number;
  cached: number;
  errors: number;
  tokens: number;
  costUsd: number;
  /** What `done` and `total` count (e.g. `pulls`, `answers`). */
  unit?: string;
  /** Stage-specific counters shown after the ETA (e.g. the best S so far). */
  note?: string;
}

/** How far back the throughput behind the ETA looks. */
const RATE_WINDOW_MS = 30_000;
/** Samples behind the ETA are taken at most this often. */
const SAMPLE_MS = 100;
/** The bar takes an eighth of the terminal, within these bounds. */
const BAR_WIDTH = { min: 8, max: 24 };
/** Width assumed for a terminal that does not say its own. */
const DEFAULT_COLUMNS = 80;

/** What the progress line's words and symbols mean; printed once above the first line. */
export const PROGRESS_LEGEND =
  'ETA = time left, from the rate of the last 30 s · calls = model calls (cached: answered from the response cache; errors: failed after retries) · tokens = input + output · $ = spent so far (USD)';

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

/** A part of the line; when the terminal is narrow, the parts with the highest `drop` go first. */
interface Segment {
  text: string;
  drop: number;
}

/** Joins the segments that fit in `width` columns (dropping the least useful first), else cuts the head. */
export function fitLine(segments: readonly Segment[], width: number): string {
  const kept = [...segments];
  const join = (): string => kept.map((segment) => segment.text).join(' | ');
  while (join().length > width && kept.length > 1) {
    const least = kept.reduce((worst, segment) => (segment.drop > worst.drop ? segment : worst));
    kept.splice(kept.indexOf(least), 1);
  }
  const line = join();
  return line.length <= width ? line : `${line.slice(0, Math.max(0, width - 1))}…`;
}

/**
 * The ETA from recent throughput: (time, done) samples of the last RATE_WINDOW_MS, taken at every
 * update (at most one per SAMPLE_MS) whether or not the line is drawn, so work done before a resume
 * (or a slow start) does not skew it. A new phase (another total, or a count that went back, as
 * generate goes from scoring seeds to pulls) starts the samples afresh.
 */
function createEta() {
  let samples: { at: number; done: number }[] = [];
  let phase = { total: Number.NaN, done: 0 };
  return {
    observe(snapshot: Pick<ProgressSnapshot, 'done' | 'total'>): void {
      const now = Date.now();
      if (snapshot.total !== phase.total || snapshot.done < phase.done) samples = [];
      phase = { total: snapshot.total, done: snapshot.done };
      const last = samples.at(-1);
      if (!last || now - last.at >= SAMPLE_MS) samples.push({ at: now, done: snapshot.done });
      while (samples.length > 2 && now - samples[0]!.at > RATE_WINDOW_MS) samples.shift();
    },
    /** Seconds left; NaN before any throughput is seen. */
    secondsLeft(): number {
      if (phase.done >= phase.total) return 0;
      const oldest = samples[0];
      const elapsed = oldest ? (Date.now() - oldest.at) / 1000 : 0;
      const rate = oldest && elapsed > 0 ? (phase.done - oldest.done) / elapsed : 0;
      return rate > 0 ? (phase.total - phase.done) / rate : Number.NaN;
    },
  };
}

/**
 * A progress line on stderr with ETA, calls, cache hits, tokens and cost. On a terminal it is
 * redrawn in place at most every 100 ms and kept within the terminal's width (so a redraw never
 * leaves a wrapped, stale line behind); when stderr is a file or pipe, a plain line every 5 s.
 * `legend` (what the line's words mean) is printed once, above the first line.
 */
export function createProgressLine(options: { stream?: NodeJS.WriteStream; label: string; legend?: string }) {
  const stream = options.stream ?? process.stderr;
  const interactive = stream.isTTY === true && process.env.TERM !== 'dumb';
  const eta = createEta();
  let lastDraw = 0;
  let lastText = '';
  let legendShown = options.legend === undefined;
  const render = (snapshot: ProgressSnapshot): string => {
    const fraction = snapshot.total === 0 ? 1 : snapshot.done / snapshot.total;
    const count = `${snapshot.done}/${snapshot.total}${snapshot.unit ? ` ${snapshot.unit}` : ''}`;
    const columns = stream.columns || DEFAULT_COLUMNS;
    const barWidth = Math.min(BAR_WIDTH.max, Math.max(BAR_WIDTH.min, Math.floor(columns / 8)));
    const head = interactive
      ? `${options.label} ${bar(fraction, barWidth)} ${count}`
      : `${options.label} ${count} (${Math.floor(fraction * 100)} %)`;
    const segments: Segment[] = [
      { text: `${head} ETA ${formatDuration(eta.secondsLeft())}`, drop: 0 },
      ...(snapshot.note ? [{ text: snapshot.note, drop: 2 }] : []),
      { text: `calls ${snapshot.calls} (cached ${snapshot.cached}, errors ${snapshot.errors})`, drop: 3 },
      { text: `tokens ${snapshot.tokens}`, drop: 5 },
      { text: `$${snapshot.costUsd.toFixed(4)}`, drop: 4 },
    ];
    if (!interactive) return segments.map((segment) => segment.text).join(' | ');
    return fitLine(segments, columns - 1);
  };
  const showLegend = (): void => {
    if (legendShown) return;
    legendShown = true;
    stream.write(`${options.legend}\n`);
  };
  return {
    update(snapshot: ProgressSnapshot, force = false): void {
      eta.observe(snapshot);
      const now = Date.now();
      if (!force && now - lastDraw < (interactive ? 100 : 5000)) return;
      lastDraw = now;
      showLegend();
      lastText = render(snapshot);
      stream.write(interactive ? `\r\u001b[2K${lastText}` : `${lastText}\n`);
    },
    finish(snapshot: ProgressSnapshot): void {
      eta.observe(snapshot);
      showLegend();
      const text = render(snapshot);
      if (interactive) stream.write(`\r\u001b[2K${text}\n`);
      else if (text !== lastText) stream.write(`${text}\n`);
    },
  };
}
