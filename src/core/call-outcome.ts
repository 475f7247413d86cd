import type { Role } from './config.js';

/** What happened to one call through the engine; the store keeps one row per outcome. */
export interface CallOutcome {
  /** `provider:model`. */
  providerId: string;
  role: Role;
  /** `shared`: an identical request was already in flight, and its answer served this one too (not paid again). */
  status: 'ok' | 'cached' | 'shared' | 'error';
  /** Run the call belongs to, when inside a run. */
  runId?: string;
  /** Stable error code (e.g. `provider`, `timeout`, `cancelled`) when `status` is `error`. */
  errorCode?: string;
  errorMessage?: string;
  httpStatus?: number;
  /** Attempts made, the first included (1 = no retry). */
  attempts: number;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** How the call was sent: one live request, or in a provider batch (charged at the batch price). @default "live" */
  execution?: 'live' | 'batch';
  /** Input tokens the provider's prompt cache served (charged at the cache price). @default 0 */
  cachedInputTokens?: number;
  /** USD the cached input tokens saved against fresh input. @default 0 */
  savedUsd?: number;
  /** Epoch milliseconds when the call finished. */
  finishedAt: number;
}

/** Receives every call outcome; implemented by the store (batched writes) and by tests. */
export interface CallRecorder {
  record(outcome: CallOutcome): void;
}
