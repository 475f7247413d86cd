import { ConfigError } from '../../core/errors.js';
import type { ReportData } from '../../report/report-data.js';
import type { Store } from '../../store/index.js';
import { type LoadedEvaluation, loadEvaluation } from '../analyses/load-evaluation.js';
import { collectReportData } from '../collect-report-data.js';
import { collectResults, type EvaluateResults } from '../evaluate/collect-results.js';
import { collectGeneration, type GenerationResults } from '../generate/collect-generation.js';

/** The results of a stored evaluation run, as `adaem results RUN_ID --json` prints them. */
export async function readResults(store: Store, runId: string): Promise<EvaluateResults> {
  const run = loadEvaluation(store, runId);
  return collectResults({ store, runId, manifest: run.manifest });
}

/** A stored evaluation run with its questions, observations and counts: what the analyses take. */
export function readEvaluation(store: Store, runId: string): LoadedEvaluation {
  return loadEvaluation(store, runId);
}

/** A stored generation run: its candidates, accepted bank, arms and lineage. */
export function readGeneration(store: Store, runId: string): GenerationResults {
  if (!store.runs.get(runId)) throw new ConfigError(`no run "${runId}" in ${store.path}`);
  return collectGeneration(store, runId);
}

/** Everything the HTML report of an evaluation run shows; pass it to `renderReport`. */
export async function readReportData(store: Store, runId: string): Promise<ReportData> {
  const run = loadEvaluation(store, runId);
  return collectReportData({ store, runId, manifest: run.manifest, generatedAt: new Date().toISOString() });
}
