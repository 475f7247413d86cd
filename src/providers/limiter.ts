import { CancelledError } from '../core/errors.js';

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new CancelledError());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new CancelledError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export { sleep };

/**
 * Limits one provider instance: calls in flight, requests per minute (evenly spaced starts) and
 * tokens per minute (a sliding one-minute window of reported usage).
 */
export class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;
  private readonly tokenLog: { at: number; tokens: number }[] = [];
  private tokensInWindow = 0;

  constructor(private readonly options: { concurrency: number; rpm?: number; tpm?: number }) {}

  /** Runs `task` when a slot is free and the rate allows; `tokensOf` reads the usage it reported. */
  async run<T>(task: () => Promise<T>, tokensOf: (result: T) => number, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      await this.paceStart(signal);
      const result = await task();
      this.addTokens(tokensOf(result));
      return result;
    } finally {
      this.release();
    }
  }

  private async acquire(signal: AbortSignal | undefined): Promise<void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = this.waiting.indexOf(grant);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new CancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }

  private async paceStart(signal: AbortSignal | undefined): Promise<void> {
    const now = Date.now();
    if (this.options.rpm) {
      const start = Math.max(now, this.nextStart);
      this.nextStart = start + 60_000 / this.options.rpm;
      if (start > now) await sleep(start - now, signal);
    }
    if (this.options.tpm) {
      while (this.windowTokens() >= this.options.tpm) {
        const oldest = this.tokenLog[0]!;
        await sleep(Math.max(1, oldest.at + 60_000 - Date.now()), signal);
      }
    }
  }

  private addTokens(tokens: number): void {
    if (!this.options.tpm || tokens <= 0) return;
    this.tokenLog.push({ at: Date.now(), tokens });
    this.tokensInWindow += tokens;
  }

  private windowTokens(): number {
    const horizon = Date.now() - 60_000;
    while (this.tokenLog.length > 0 && this.tokenLog[0]!.at <= horizon)
      this.tokensInWindow -= this.tokenLog.shift()!.tokens;
    return this.tokensInWindow;
  }
}
