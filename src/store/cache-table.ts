import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ChatResult, ResponseCache } from '../core/provider.js';
import type { WriteBuffer } from './write-buffer.js';

const StoredResultSchema = z.object({
  text: z.string(),
  reasoning: z.string().optional(),
  usage: z.object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    reasoningTokens: z.number().optional(),
  }),
  model: z.string(),
  finishReason: z.string().optional(),
  logprobs: z
    .array(
      z.object({
        token: z.string(),
        logprob: z.number(),
        top: z.array(z.object({ token: z.string(), logprob: z.number() })),
      }),
    )
    .optional(),
  systemFingerprint: z.string().optional(),
});

/** Cache size per provider. */
export interface CacheStats {
  entries: number;
  bytes: number;
  byProvider: { providerId: string; entries: number; bytes: number }[];
}

/** The content-addressed response cache: successful results only, keyed by the full request. */
export class CacheTable implements ResponseCache {
  private readonly pending = new Map<string, ChatResult>();
  private readonly select: Database.Statement<[string], { result: string }>;
  private readonly insert: Database.Statement<[string, string, string, number]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.select = db.prepare('SELECT result FROM cache WHERE key = ?');
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO cache (key, provider_id, result, created_at) VALUES (?, ?, ?, ?)',
    );
  }

  get(key: string): ChatResult | undefined {
    const pending = this.pending.get(key);
    if (pending) return pending;
    const row = this.select.get(key);
    if (!row) return undefined;
    const parsed = StoredResultSchema.safeParse(JSON.parse(row.result));
    return parsed.success ? parsed.data : undefined;
  }

  put(key: string, entry: { providerId: string; result: ChatResult }): void {
    const { cached: _cached, latencyMs: _latency, costUsd: _cost, ...result } = entry.result;
    this.pending.set(key, result);
    const json = JSON.stringify(result);
    this.buffer.add(() => {
      this.insert.run(key, entry.providerId, json, Date.now());
      this.pending.delete(key);
    });
  }

  /** Resolves once every result put so far (and every other buffered write) is committed. */
  committed(): Promise<void> {
    return this.buffer.committed();
  }

  stats(): CacheStats {
    const byProvider = this.db
      .prepare<[], { providerId: string; entries: number; bytes: number }>(
        'SELECT provider_id AS providerId, COUNT(*) AS entries, SUM(LENGTH(result) + LENGTH(key)) AS bytes FROM cache GROUP BY provider_id ORDER BY provider_id',
      )
      .all();
    return {
      entries: byProvider.reduce((sum, row) => sum + row.entries, 0),
      bytes: byProvider.reduce((sum, row) => sum + row.bytes, 0),
      byProvider,
    };
  }

  /** Deletes cached results (of one provider id when given); returns how many. */
  clear(options: { providerId?: string } = {}): number {
    this.buffer.flush();
    const statement =
      options.providerId === undefined
        ? this.db.prepare('DELETE FROM cache')
        : this.db.prepare('DELETE FROM cache WHERE provider_id = ?');
    return (options.providerId === undefined ? statement.run() : statement.run(options.providerId)).changes;
  }
}
