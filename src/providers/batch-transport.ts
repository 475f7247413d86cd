import { randomBytes } from 'node:crypto';
import type { ChatRequest, ChatResult } from '../core/provider.js';
import type { ModelProtocol } from './model-protocol.js';

/** One request of a batch, under the id its result comes back with. */
export interface BatchItem {
  customId: string;
  request: ChatRequest;
  /** The model name a line is for, where one batch holds several models (an offline batch file). */
  model?: string;
  /** Overrides of the model's OpenAI-compatible protocol (see `models[].protocol`). */
  protocol?: Partial<ModelProtocol>;
}

/** What came back for one request: its answer, or why it has none (expired, cancelled, failed). */
export type BatchOutcome = { customId: string; result: ChatResult } | { customId: string; failure: string };

/** A submitted batch: still running, or ended with an outcome per request it returned. */
export type BatchPoll =
  | { ended: false; status: string }
  | { ended: true; status: string; outcomes: BatchOutcome[] };

/** A batch the engine meant to submit, under a key of its own, recorded before it was submitted. */
export interface BatchIntent {
  /** The client's key (see `newBatchKey`), carried by the batch at the provider. */
  key: string;
  /** When the intent was recorded (ms since the epoch): the batch cannot be older. */
  since: number;
  /** How many requests it holds. */
  requests: number;
}

/** Whether a batch submitted under an intent's key exists: found, absent, or not known yet. */
export type BatchLookup = { found: string } | { absent: true } | { pending: true };

/** A provider's batch API: submit requests, poll a batch by id (from this process or an earlier one). */
export interface BatchTransport {
  /** Submits the requests as one batch, carrying `key` where given; resolves to the provider's batch id. */
  submit(items: BatchItem[], key?: string): Promise<string>;
  /** The batch's state; once ended, every request's outcome the provider returned. */
  poll(batchId: string): Promise<BatchPoll>;
  /**
   * Looks the provider's batches up for one submitted under the intent's key (a process killed
   * between the provider accepting a batch and the store recording its id). Absent where batches
   * cannot be looked up (an offline file): nothing is then recorded before submitting.
   */
  find?(intent: BatchIntent): Promise<BatchLookup>;
}

/** How far a provider's clock may run behind ours when batches are looked up by creation time. */
export const CLOCK_SLACK_MS = 10 * 60_000;

/** A fresh client key for a batch: 16 hex digits. */
export function newBatchKey(): string {
  return randomBytes(8).toString('hex');
}
