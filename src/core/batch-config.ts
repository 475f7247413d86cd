import { z } from 'zod';

/**
 * Prices in USD per million tokens. `input` and `output` are the live list prices; the others are
 * optional: left out, a model on its vendor's own API gets them from the vendor's published
 * discounts (see `providers/price-table.ts`), any other endpoint gets none (batch and cache at the
 * live price).
 */
export const PriceSchema = z.strictObject({
  input: z.number().min(0),
  output: z.number().min(0),
  /** Input tokens read from the provider's prompt cache (Anthropic reads, OpenAI cached input). */
  cachedInput: z.number().min(0).optional(),
  /** Input tokens written to the prompt cache (Anthropic's 5-minute cache writes). */
  cacheWrite: z.number().min(0).optional(),
  /** Input through the batch API (cache reads and writes in a batch scale by batchInput / input). */
  batchInput: z.number().min(0).optional(),
  /** Output through the batch API. */
  batchOutput: z.number().min(0).optional(),
});
export type Price = z.infer<typeof PriceSchema>;

/** How a model's calls are sent: one live request each, or collected into provider batches. */
export const ExecutionSchema = z.enum(['live', 'batch']);
export type Execution = z.infer<typeof ExecutionSchema>;

/** Settings of batch execution (`execution: batch`, `--batch`). See docs/batch.md. */
export const BatchConfigSchema = z.strictObject({
  /** Every model with a batch API goes through it, as with `--batch` (which sets this, so the manifest records it). @default false */
  all: z.boolean().default(false),
  /** First wait between two polls of a submitted batch, in ms; doubles up to `maxPollIntervalMs`. @default 5000 */
  pollIntervalMs: z.number().int().positive().default(5_000),
  /** Longest wait between two polls, in ms. @default 300000 */
  maxPollIntervalMs: z.number().int().positive().default(300_000),
  /** Requests per submitted batch at most (OpenAI takes 50,000, Anthropic 100,000). @default 50000 */
  maxRequests: z.number().int().positive().max(100_000).default(50_000),
  /** How long a call waits for others to join its batch before the batch is submitted, in ms. @default 2000 */
  collectMs: z.number().int().min(0).default(2_000),
  /** Expired, cancelled or failed requests of a batch: into the next batch, or sent live. @default "next-wave" */
  onFailure: z.enum(['next-wave', 'live']).default('next-wave'),
  /** Batches a request may go through before it is sent live. @default 3 */
  maxWaves: z.number().int().positive().default(3),
});
export type BatchConfig = z.infer<typeof BatchConfigSchema>;
