import { readFileSync } from 'node:fs';
import type { BatchRequestRef } from '../../core/batch-ledger.js';
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
  const lines = readResultsFile(file).split('\n');
  const taken: TakenLines = { answers: [], failures: {}, seen: new Set<string>() };
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    takeLine({ line, where: `${file}:${index + 1}`, wanted, taken, runId, batchFile });
  });
  const missing = batch.requests.filter((request) => !taken.seen.has(request.customId));
  if (missing.length > 0)
    throw new ConfigError(
      `${file}:${lines.length}: ${missing.length} request(s) of ${batchFile} have no result line (first: custom_id ${missing[0]!.customId})`,
    );
  storeAnswers(store, runId, taken.answers, wanted);
  store.batches.ended(batch.id, { status: 'results-file', failures: taken.failures });
  return {
    batchFile,
    wave: batch.wave,
    answered: taken.answers.length,
    failed: Object.keys(taken.failures).length,
  };
}

/** One answer of the results file, for the response cache. */
interface BatchAnswer {
  customId: string;
  modelId: string;
  result: ChatResult;
}

/** What the lines read so far hold: answers, failures by custom id, and every custom id seen. */
interface TakenLines {
  answers: BatchAnswer[];
  failures: Record<string, string>;
  seen: Set<string>;
}

/** The results file's text; a ConfigError naming the file when it cannot be read. */
function readResultsFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `${file}: cannot read the results file (${error instanceof Error ? error.message : error})`,
    );
  }
}

/** Checks one line (JSON, a custom id of this batch, seen once) and adds its answer or failure. */
function takeLine(input: {
  line: string;
  where: string;
  wanted: ReadonlyMap<string, BatchRequestRef>;
  taken: TakenLines;
  runId: string;
  batchFile: string;
}): void {
  const { where, taken } = input;
  let row: unknown;
  try {
    row = JSON.parse(input.line);
  } catch {
    throw new ConfigError(`${where}: not a JSON line of a batch results file`);
  }
  const customId = (row as { custom_id?: unknown } | null)?.custom_id;
  if (typeof customId !== 'string') throw new ConfigError(`${where}: the line has no custom_id`);
  const request = input.wanted.get(customId);
  if (!request)
    throw new ConfigError(
      `${where}: custom_id ${customId} is not a request of run ${input.runId}'s batch ${input.batchFile} (a results file of another run or wave?)`,
    );
  if (taken.seen.has(customId)) throw new ConfigError(`${where}: custom_id ${customId} appears twice`);
  taken.seen.add(customId);
  const outcome = outcomeOfLine(
    request.modelId,
    request.modelId.replace(/^[^:]+:/, ''),
    row as Record<string, unknown>,
  )!;
  if ('result' in outcome) taken.answers.push({ customId, modelId: request.modelId, result: outcome.result });
  else taken.failures[customId] = outcome.failure;
}

/** Puts each answer into the response cache and records it as a batch call, then flushes the store. */
function storeAnswers(
  store: Store,
  runId: string,
  answers: readonly BatchAnswer[],
  wanted: ReadonlyMap<string, BatchRequestRef>,
): void {
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
}
