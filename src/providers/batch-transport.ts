import type { ChatRequest, ChatResult } from '../core/provider.js';

/** One request of a batch, under the id its result comes back with. */
export interface BatchItem {
  customId: string;
  request: ChatRequest;
}

/** What came back for one request: its answer, or why it has none (expired, cancelled, failed). */
export type BatchOutcome = { customId: string; result: ChatResult } | { customId: string; failure: string };

/** A submitted batch: still running, or ended with an outcome per request it returned. */
export type BatchPoll =
  | { ended: false; status: string }
  | { ended: true; status: string; outcomes: BatchOutcome[] };

/** A provider's batch API: submit requests, poll a batch by id (from this process or an earlier one). */
export interface BatchTransport {
  /** Submits the requests as one batch; resolves to the provider's batch id. */
  submit(items: BatchItem[]): Promise<string>;
  /** The batch's state; once ended, every request's outcome the provider returned. */
  poll(batchId: string): Promise<BatchPoll>;
}
