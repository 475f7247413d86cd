import type { CallRecorder } from '../core/call-outcome.js';
import type { Role } from '../core/config.js';
import { BudgetExceededError, CancelledError, isAdaemError, isProviderError } from '../core/errors.js';
import type { ChatRequest, ResponseCache, TokenUsage } from '../core/provider.js';
import { cacheSavingOf } from './call-charge.js';
import type { KeyRefusals } from './key-refusals.js';
import type { ModelEntry } from './model-entry.js';
import type { ResolvedModel } from './registry.js';
import { type RetryPolicy, withRetry } from './retry.js';
import { failedAttemptCost, type SpendingGuard } from './spending-guard.js';
import { costOf, type UsageLedger } from './usage-ledger.js';

/** What an engine call answers with: usage, and the cost the engine fills in. */
export type CallResult = { usage: TokenUsage; costUsd?: number };

/**
 * One model call with limits, retries, the spending guard, usage and a call record. `send` makes
 * one attempt; `request` sizes its worst-case cost and carries the signal; `keep` puts a finished
 * answer into the cache (inside the provider slot).
 */
export type EngineCall = <R extends CallResult>(
  entry: ModelEntry,
  role: Role,
  request: ChatRequest,
  send: (signal: AbortSignal | undefined) => Promise<R>,
  keep?: (result: R) => void,
) => Promise<R>;

/** What every call shares: the engine's ledger, guard, records, cache, retry settings and scrubber. */
export interface CallDeps {
  ledger: UsageLedger;
  guard: SpendingGuard;
  refusals: KeyRefusals;
  recorder?: CallRecorder;
  runId?: string;
  signal?: AbortSignal;
  /** The response cache, when answers are served and stored through it. */
  cache?: ResponseCache;
  /** Retry retryable failures. */
  retry: boolean;
  retryBaseDelayMs: number;
  scrub(text: string): string;
}

/** One call on its way: what it asks, and what its attempts have counted so far. */
interface PendingCall<R extends CallResult> {
  entry: ModelEntry;
  role: Role;
  request: ChatRequest;
  send: (signal: AbortSignal | undefined) => Promise<R>;
  keep: ((result: R) => void) | undefined;
  signal: AbortSignal | undefined;
  started: number;
  attempts: number;
  /** What failed attempts may have cost (see `failedAttemptCost`); counted in the budget and the records. */
  failedCostUsd: number;
}

function retryPolicyOf(deps: CallDeps, resolved: ResolvedModel): RetryPolicy {
  return {
    maxRetries: deps.retry ? resolved.providerConfig.maxRetries : 0,
    baseDelayMs: deps.retryBaseDelayMs,
    maxDelayMs: 30_000,
    maxRetryAfterMs: resolved.providerConfig.maxRetryAfterMs,
  };
}

/** Counts a finished call in the usage ledger and the call records, and sets its cost on the result. */
function recordCall<R extends CallResult>(
  deps: CallDeps,
  call: PendingCall<R>,
  status: 'ok' | 'error',
  result?: R,
  error?: unknown,
): void {
  const { entry } = call;
  const usage = result?.usage ?? { inputTokens: 0, outputTokens: 0 };
  const costUsd = costOf(usage, entry.price) + call.failedCostUsd;
  deps.ledger.add(entry.resolved.modelId, call.role, {
    calls: 1,
    errors: status === 'error' ? 1 : 0,
    retries: Math.max(0, call.attempts - 1),
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd,
  });
  deps.recorder?.record({
    providerId: entry.resolved.modelId,
    role: call.role,
    status,
    runId: deps.runId,
    ...(error === undefined
      ? {}
      : {
          errorCode: isAdaemError(error) ? error.code : 'unexpected',
          errorMessage: deps.scrub(error instanceof Error ? error.message : String(error)),
          httpStatus: isProviderError(error) ? error.status : undefined,
        }),
    attempts: call.attempts,
    latencyMs: performance.now() - call.started,
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costUsd,
    cachedInputTokens: usage.cachedInputTokens ?? 0,
    savedUsd: cacheSavingOf(usage, entry.price),
    finishedAt: Date.now(),
  });
  if (result) result.costUsd = costUsd;
}

/** One attempt inside the provider slot: reserved against the budget, recorded, kept in the cache. */
async function attemptCall<R extends CallResult>(deps: CallDeps, call: PendingCall<R>): Promise<R> {
  const { entry } = call;
  const reserved = deps.guard.reserve(entry.resolved.modelId, call.request, entry.price);
  let result: R;
  try {
    // Each adapter enforces providerConfig.timeoutMs itself with one timer per call;
    // AbortSignal.timeout + AbortSignal.any here cost ~10 % of throughput on fast servers.
    result = await call.send(call.signal);
    deps.guard.settle(reserved, costOf(result.usage, entry.price));
  } catch (error) {
    const cost = failedAttemptCost(error, reserved);
    call.failedCostUsd += cost;
    deps.guard.settle(reserved, cost);
    throw error;
  }
  recordCall(deps, call, 'ok', result);
  if (deps.cache && call.keep) {
    call.keep(result);
    // The slot passes to the next call only once this answer is committed: a kill then
    // loses (and a resume pays again for) at most the calls in flight. The in-process
    // sandbox costs nothing to ask again and would only lose throughput waiting.
    if (entry.resolved.type !== 'sandbox') await deps.cache.committed?.();
  }
  return result;
}

/** The error a failed call ends with, recorded unless the run was cancelled before it cost anything. */
function failedCall<R extends CallResult>(deps: CallDeps, call: PendingCall<R>, error: unknown): unknown {
  // The message is stored, printed and shown in tables: no secret may travel with it.
  if (error instanceof Error) error.message = deps.scrub(error.message);
  const cancelled = error instanceof CancelledError || call.signal?.aborted;
  // A call stopped by the budget after failed attempts still spent money: record it.
  if (!cancelled || (error instanceof BudgetExceededError && call.failedCostUsd > 0))
    recordCall(deps, call, 'error', undefined, error);
  if (cancelled && !(error instanceof CancelledError)) return new CancelledError();
  return deps.refusals.refuse(call.entry.resolved, error) ?? error;
}

const tokensOf = (result: CallResult): number => result.usage.inputTokens + result.usage.outputTokens;

/** The engine's one way to call a model: limits, retries, the spending guard, usage and records. */
export function createEngineCall(deps: CallDeps): EngineCall {
  return async (entry, role, request, send, keep) => {
    const policy = retryPolicyOf(deps, entry.resolved);
    const signal = request.signal ?? deps.signal;
    const refused = deps.refusals.of(entry.resolved.providerName);
    if (refused) throw refused;
    const call = {
      entry,
      role,
      request,
      send,
      keep,
      signal,
      started: performance.now(),
      attempts: 0,
      failedCostUsd: 0,
    };
    try {
      return await withRetry(
        () => entry.limiter.run(() => attemptCall(deps, call), tokensOf, signal),
        policy,
        signal,
        (count) => {
          call.attempts = count;
        },
      );
    } catch (error) {
      throw failedCall(deps, call, error);
    }
  };
}
