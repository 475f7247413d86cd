import type { BatchConfig } from '../core/batch-config.js';
import type { CallRecorder } from '../core/call-outcome.js';
import type { Role } from '../core/config.js';
import { BudgetExceededError } from '../core/errors.js';
import type { ChatRequest, ChatResult, ResponseCache } from '../core/provider.js';
import { createAnthropicBatchTransport } from './batch-anthropic.js';
import { createFileBatchTransport } from './batch-file.js';
import { createOpenAIBatchTransport } from './batch-openai.js';
import { type BatchRunner, createBatchRunner } from './batch-runner.js';
import type { BatchTransport } from './batch-transport.js';
import { cacheSavingOf, chargeOf, ratesOf } from './call-charge.js';
import type { DurableBatchLedger } from './intent-ledger.js';
import type { ModelEntry } from './model-entry.js';
import { modelProtocol } from './model-protocol.js';
import type { SpendingGuard } from './spending-guard.js';
import type { UsageLedger } from './usage-ledger.js';

/** How the engine runs batches: forced for every model that has a batch API, into a file, where stored. */
export interface EngineBatchOptions {
  /** Every model with a batch API goes through it (`--batch`), whatever its `execution`. @default false */
  force?: boolean;
  /** Write the requests to this file (OpenAI batch format) and stop, for a self-hosted cluster. */
  file?: string;
  /** Where submitted batches are kept (the store). */
  ledger?: DurableBatchLedger;
  /** Requests a batch did not answer, and where they go next. */
  onNotice?: (message: string) => void;
  /** Called once an offline batch file is written (the run then stops). */
  onWritten?: (path: string) => void;
  /** Waits between polls (tests shorten it). */
  sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** The batch API of a model's provider, if it has one adaem speaks. */
function providerTransport(entry: ModelEntry): BatchTransport | undefined {
  const { resolved } = entry;
  const settings = { id: resolved.modelId, model: resolved.model, config: resolved.providerConfig };
  if (resolved.type === 'openai')
    return createOpenAIBatchTransport({
      ...settings,
      protocol: modelProtocol(resolved.model, entry.settings?.protocol),
    });
  if (resolved.type === 'anthropic') return createAnthropicBatchTransport(settings);
  return undefined;
}

/** What batch execution needs from the engine. */
interface EngineBatchDeps {
  options: EngineBatchOptions | undefined;
  settings: BatchConfig;
  runId?: string;
  signal?: AbortSignal;
  cache?: ResponseCache;
  recorder?: CallRecorder;
  ledger: UsageLedger;
  guard: SpendingGuard;
  scrub: (result: ChatResult) => ChatResult;
  live: (entry: ModelEntry, role: Role, key: string, request: ChatRequest) => Promise<ChatResult>;
}

/** The batch transport of each model (one shared offline file with `options.file`), built once. */
function batchTransports(options: EngineBatchOptions | undefined, runId: string | undefined) {
  const transports = new Map<string, BatchTransport | undefined>();
  return (entry: ModelEntry): BatchTransport | undefined => {
    if (options?.file !== undefined) {
      if (!transports.has('file'))
        transports.set(
          'file',
          createFileBatchTransport({ path: options.file, runId, onWritten: options.onWritten }),
        );
      return transports.get('file');
    }
    if (!transports.has(entry.resolved.modelId))
      transports.set(entry.resolved.modelId, providerTransport(entry));
    return transports.get(entry.resolved.modelId);
  };
}

/** Takes a batch answer in: its reservation settled at the batch price, usage, call record, cache. */
function acceptBatchAnswer(
  deps: EngineBatchDeps,
  reserved: Map<string, number>,
  answer: { entry: ModelEntry; role: Role; key: string; raw: ChatResult },
): ChatResult {
  const { entry, role, key } = answer;
  const result = deps.scrub(answer.raw);
  const costUsd = chargeOf(result.usage, entry.price, 'batch');
  deps.guard.settle(reserved.get(key) ?? 0, costUsd);
  reserved.delete(key);
  deps.ledger.add(entry.resolved.modelId, role, {
    calls: 1,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    costUsd,
  });
  deps.recorder?.record({
    providerId: entry.resolved.modelId,
    role,
    status: 'ok',
    runId: deps.runId,
    attempts: 1,
    latencyMs: 0,
    inputTokens: result.usage.inputTokens,
    outputTokens: result.usage.outputTokens,
    costUsd,
    execution: 'batch',
    cachedInputTokens: result.usage.cachedInputTokens ?? 0,
    savedUsd: cacheSavingOf(result.usage, entry.price, 'batch'),
    finishedAt: Date.now(),
  });
  deps.cache?.put(key, { providerId: entry.resolved.modelId, result });
  return { ...result, costUsd };
}

/**
 * Batch execution inside the engine: which calls go into batches, and taking their answers in
 * through the same cache, usage, call records and spending guard as live calls, at batch prices.
 */
export function batchThroughEngine(deps: EngineBatchDeps) {
  const transportOf = batchTransports(deps.options, deps.runId);
  const batched = (entry: ModelEntry): boolean => {
    const execution = entry.settings?.execution ?? entry.resolved.providerConfig.execution;
    const wanted = deps.options?.force || deps.options?.file !== undefined || execution === 'batch';
    return wanted && transportOf(entry) !== undefined;
  };
  /** Reservations of calls waiting in batches, settled when their answer is taken in. */
  const reserved = new Map<string, number>();

  let runner: BatchRunner | undefined;
  const runnerOf = (): BatchRunner => {
    runner ??= createBatchRunner({
      settings: deps.settings,
      ledger: deps.options?.ledger,
      runId: deps.runId,
      signal: deps.signal,
      sleep: deps.options?.sleep,
      onFailure: deps.options?.onNotice,
      transportOf: (entry) => ({
        group: deps.options?.file !== undefined ? 'file' : entry.resolved.modelId,
        name: deps.options?.file !== undefined ? 'file' : entry.resolved.type,
        transport: transportOf(entry)!,
      }),
      accept: (entry, role, key, raw) => acceptBatchAnswer(deps, reserved, { entry, role, key, raw }),
      live: (entry, role, key, request) => {
        deps.guard.settle(reserved.get(key) ?? 0, 0);
        reserved.delete(key);
        return deps.live(entry, role, key, request);
      },
    });
    return runner;
  };

  return {
    batched,
    /** Sends a request through a batch; the spending guard reserves it at the batch price. */
    send(entry: ModelEntry, role: Role, key: string, request: ChatRequest): Promise<ChatResult> {
      if (entry.price) {
        const rates = ratesOf(entry.price, 'batch');
        try {
          reserved.set(
            key,
            deps.guard.reserve(entry.resolved.modelId, request, { input: rates.input, output: rates.output }),
          );
        } catch (error) {
          if (error instanceof BudgetExceededError) return Promise.reject(error);
          throw error;
        }
      }
      return runnerOf().enqueue(entry, role, key, request);
    },
  };
}
