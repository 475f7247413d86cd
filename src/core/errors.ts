/** Base class of every error adaem throws on purpose; `code` is stable and machine-readable. */
export class AdaemError extends Error {
  readonly code: string;
  constructor(message: string, options: { code: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AdaemError';
    this.code = options.code;
  }
}

/** A problem the user can fix: bad config, unknown model, broken question file, bad flag (exit 2). */
export class ConfigError extends AdaemError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'config', cause: options.cause });
    this.name = 'ConfigError';
  }
}

/** A failed call to a model provider; `isRetryable` says whether trying again may help. */
export class ProviderError extends AdaemError {
  readonly providerId: string;
  readonly status: number | undefined;
  readonly isRetryable: boolean;
  /** Milliseconds the provider asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(
    message: string,
    options: {
      providerId: string;
      status?: number;
      isRetryable: boolean;
      retryAfterMs?: number;
      code?: string;
      cause?: unknown;
    },
  ) {
    super(message, { code: options.code ?? 'provider', cause: options.cause });
    this.name = 'ProviderError';
    this.providerId = options.providerId;
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The SQLite store could not be opened, migrated, read or written. */
export class StoreError extends AdaemError {
  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, { code: options.code ?? 'store', cause: options.cause });
    this.name = 'StoreError';
  }
}

/** The run was cancelled (Ctrl-C or an abort signal); what finished is stored and resumable. */
export class CancelledError extends AdaemError {
  constructor(message = 'cancelled', options: { code?: string } = {}) {
    super(message, { code: options.code ?? 'cancelled' });
    this.name = 'CancelledError';
  }
}

/** A call was not sent because it could have carried spending past `--max-cost`; the run stops there. */
export class BudgetExceededError extends CancelledError {
  constructor(message: string) {
    super(message, { code: 'budget' });
    this.name = 'BudgetExceededError';
  }
}

/** HTTP statuses worth retrying: timeouts, conflicts, rate limits and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

export function isAdaemError(error: unknown): error is AdaemError {
  return error instanceof AdaemError;
}

/**
 * The reason a model call failed, to be recorded with it and counted — or the error rethrown when it
 * must stop the run instead: cancellation, what the user must fix (a refused key, a bad config), and
 * anything that is not one of adaem's errors (a bug).
 */
export function failureReason(error: unknown, signal: AbortSignal | undefined): string {
  if (error instanceof CancelledError || error instanceof ConfigError || signal?.aborted) throw error;
  if (!isAdaemError(error)) throw error;
  return error.message;
}

export function isProviderError(error: unknown): error is ProviderError {
  return error instanceof ProviderError;
}
