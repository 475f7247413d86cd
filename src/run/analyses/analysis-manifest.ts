import type { Store } from '../../store/index.js';
import { gitRevision } from '../git-revision.js';
import { packageVersion } from '../package-version.js';
import type { LoadedEvaluation } from './load-evaluation.js';

/** What an analysis records of a run it read: its id, status and question set (an evaluation run fits). */
export type AnalysedRun = Pick<LoadedEvaluation, 'runId' | 'status' | 'questions'> & {
  manifest: { questions: { hash: string } };
};

/** What an analysis was computed from and with: enough to compute it again. */
export interface AnalysisManifest {
  kind: string;
  adaemVersion: string;
  gitRevision: string;
  createdAt: string;
  argv: string[];
  /** The runs analysed, with the hash of their question sets. */
  runs: { id: string; status: string; questions: { count: number; hash: string } }[];
  parameters: Record<string, unknown>;
}

/** Builds an analysis manifest and stores the result under the first run; returns the analysis id. */
export function storeAnalysis(options: {
  store: Store;
  kind: string;
  runs: readonly AnalysedRun[];
  parameters: Record<string, unknown>;
  result: unknown;
  /** @default a new `analyze-…` id */
  id?: string;
  /** What the analysis is filed under when it analyses no run (e.g. `judge:<model id>`). */
  fileUnder?: string;
}): { id: string; manifest: AnalysisManifest } {
  const { store, kind, runs } = options;
  const id = options.id ?? store.runs.newRunId('analyze');
  const manifest: AnalysisManifest = {
    kind,
    adaemVersion: packageVersion(),
    gitRevision: gitRevision(),
    createdAt: new Date().toISOString(),
    argv: process.argv.slice(2),
    runs: runs.map((run) => ({
      id: run.runId,
      status: run.status,
      questions: { count: run.questions.length, hash: run.manifest.questions.hash },
    })),
    parameters: options.parameters,
  };
  const runId = options.fileUnder ?? runs[0]?.runId;
  if (runId === undefined) throw new Error('storeAnalysis: no run to file the analysis under');
  store.analyses.put({ id, kind, runId, manifest, result: options.result });
  return { id, manifest };
}
