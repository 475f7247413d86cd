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

/** A provider's batch API: submit requests, poll a batch by id (from this process or an earlier one). */
export interface BatchTransport {
  /** Submits the requests as one batch; resolves to the provider's batch id. */
  submit(items: BatchItem[]): Promise<string>;
  /** The batch's state; once ended, every request's outcome the provider returned. */
  poll(batchId: string): Promise<BatchPoll>;
}
