import { readFileSync } from 'node:fs';
import { ConfigError } from '../../core/errors.js';
import type { ChatResult } from '../../core/provider.js';
import { outcomeOfLine } from '../../providers/batch-openai.js';
import type { Store } from '../../store/index.js';

/** The file the next wave of an offline batch goes to: `requests.jsonl` → `requests.wave2.jsonl` → `requests.wave3.jsonl`. */
export function nextBatchFile(path: string): string {
  const wave = /\.wave(\d+)\.jsonl$/.exec(path);
  const base = path.replace(/\.wave\d+\.jsonl$/, '').replace(/\.jsonl$/, '');
  return `${base}.wave${wave ? Number(wave[1]) + 1 : 2}.jsonl`;
}

/**
 * Takes the results of a run's offline batch file in (`--batch-results`): each line is checked
 * first — JSON, a custom id of this run's batch, once — and a missing or extra id, or a broken line,
 * is a ConfigError naming the file and line, with nothing stored. Then the answers go into the
 * response cache, where the resumed run finds them; requests that failed are asked in the next wave.
 */
export function takeBatchResults(options: { store: Store; runId: string; file: string }): {
  batchFile: string;
  wave: number;
  answered: number;
  failed: number;
} {
  const { store, runId, file } = options;
  const batch = store.batches.open(runId).find((entry) => entry.transport === 'file');
  if (!batch)
    throw new ConfigError(`${file}: run ${runId} awaits no batch results (no batch file was written for it)`);
  const batchFile = batch.id.replace(/^file:/, '');
  const wanted = new Map(batch.requests.map((request) => [request.customId, request]));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${file}: cannot read the results file (${error instanceof Error ? error.message : error})`,
    );
  }
  const lines = text.split('\n');
  const answers: { customId: string; modelId: string; result: ChatResult }[] = [];
  const failures: Record<string, string> = {};
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch {
      throw new ConfigError(`${where}: not a JSON line of a batch results file`);
    }
    const customId = (row as { custom_id?: unknown } | null)?.custom_id;
    if (typeof customId !== 'string') throw new ConfigError(`${where}: the line has no custom_id`);
    const request = wanted.get(customId);
    if (!request)
      throw new ConfigError(
        `${where}: custom_id ${customId} is not a request of run ${runId}'s batch ${batchFile} (a results file of another run or wave?)`,
      );
    if (seen.has(customId)) throw new ConfigError(`${where}: custom_id ${customId} appears twice`);
    seen.add(customId);
    const outcome = outcomeOfLine(
      request.modelId,
      request.modelId.replace(/^[^:]+:/, ''),
      row as Record<string, unknown>,
    )!;
    if ('result' in outcome) answers.push({ customId, modelId: request.modelId, result: outcome.result });
    else failures[customId] = outcome.failure;
  });
  const missing = batch.requests.filter((request) => !seen.has(request.customId));
  if (missing.length > 0)
    throw new ConfigError(
      `${file}:${lines.length}: ${missing.length} request(s) of ${batchFile} have no result line (first: custom_id ${missing[0]!.customId})`,
    );
  for (const answer of answers) {
    store.cache.put(answer.customId, { providerId: answer.modelId, result: answer.result });
    store.calls.record({
      providerId: answer.modelId,
      role: wanted.get(answer.customId)!.role,
      status: 'ok',
      runId,
      attempts: 1,
      latencyMs: 0,
      inputTokens: answer.result.usage.inputTokens,
      outputTokens: answer.result.usage.outputTokens,
      // Run on the lab's own cluster: no provider bills it.
      costUsd: 0,
      execution: 'batch',
      cachedInputTokens: answer.result.usage.cachedInputTokens ?? 0,
      finishedAt: Date.now(),
    });
  }
  store.flush();
  store.batches.ended(batch.id, { status: 'results-file', failures });
  return { batchFile, wave: batch.wave, answered: answers.length, failed: Object.keys(failures).length };
}
