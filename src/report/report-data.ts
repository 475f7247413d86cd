/**
 * Everything the HTML report shows, as plain data. `src/run/` gathers it from the store; the report
 * itself knows nothing of providers or the store. `results` has the shape `adaem results --json` prints.
 */
export interface ReportData {
  results: ReportResults;
  manifest: ReportManifest;
  /** Model ids (examinees and judge) served by the simulated sandbox. */
  simulatedModels: string[];
  /** The run's questions, in run order; fields beyond these are kept and shown as-is. */
  questions: ReportQuestion[];
  /** One entry per examinee answer (question × model × sample). */
  answers: ReportAnswer[];
  /** When the report was rendered (ISO time); left out of the page when absent. */
  generatedAt?: string;
  /** The question search that produced the questions, when they came from `adaem generate`. */
  generation?: ReportGeneration;
  /** Analyses stored for the run (`adaem analyze …`, `compare`, `validate`), newest first. */
  analyses?: ReportAnalysis[];
}

/** One stored analysis: its kind, when, its manifest and its result as stored (plain JSON). */
export interface ReportAnalysis {
  id: string;
  kind: string;
  createdAt: number;
  manifest: unknown;
  result: unknown;
}

/** One step of a generated question's lineage (seed → explored → refined…). */
export interface ReportLineageStep {
  step: 'seed' | 'explore' | 'refine';
  depth: number;
  text: string;
  sP1: number | null;
}

/** The generation trajectory: what the search spent, found and rejected. */
export interface ReportGeneration {
  runId: string;
  status: string;
  manifest: {
    explorers: string[];
    scorers: string[];
    judge: string;
    similarity: string;
    budget: number;
    score: { used: string };
  };
  pullsDone: number;
  accepted: number;
  /** Rejected candidate versions by reason. */
  rejected: Record<string, number>;
  seeds: { id: string; text: string; sP1: number | null; pulls: number }[];
  pulls: { pull: number; armId: string; reward: number; accepted: number; rejected: number }[];
  /** Accepted questions, best S under P2 first. */
  questions: { text: string; sP1: number | null; sP2: number | null; lineage: ReportLineageStep[] }[];
}

/** One model's standing on one value (see `adaem results`). */
export interface ReportValueResult {
  valueId: string;
  score: number | null;
  scoreSpread: number;
  mu: number;
  sigma: number;
  rate: number | null;
  rateLow: number;
  rateHigh: number;
  expressed: number;
  observations: number;
}

/** What happened to one model's answers. */
export interface ReportCounts {
  opinions: number;
  ok: number;
  refusals: number;
  unparseable: number;
  errors: number;
  shortAnswers: number;
  judgements: number;
  unscored: number;
  judgeErrors: number;
  partiallyJudged: number;
  missingLabels: number;
  scoredAnswers: number;
  /** Read answers with no readable stance. */
  noStance?: number;
  /** Why replies were not read, "what: reason" → count. */
  unread?: Record<string, number>;
}

/** Calls, tokens and cost of one provider id in one role. */
export interface ReportUsageRow {
  providerId: string;
  role: string;
  calls: number;
  cached: number;
  errors: number;
  attempts: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** Calls answered through a provider batch. */
  batched?: number;
  /** Input tokens the providers' prompt caches served. */
  cachedInputTokens?: number;
  /** USD those cached tokens saved. */
  savedUsd?: number;
}

/** The aggregated results of an evaluation run. */
export interface ReportResults {
  runId: string;
  status: string;
  stoppedBy?: string;
  theory: { id: string; name: string; values: { id: string; name: string }[] };
  judge: string;
  judgeMode: string;
  samples: number;
  questions: number;
  models: {
    modelId: string;
    label: string;
    counts: ReportCounts;
    unscoredReason?: string;
    values: ReportValueResult[];
  }[];
  categories: { category: string; models: { modelId: string; values: ReportValueResult[] }[] }[];
  /** Failed answers over answers. */
  errorRate: number;
  answers?: { recorded: number; failed: number };
  /** Failed judgements over judgements (absent in data collected before it was counted). */
  judgeErrorRate?: number;
  judgements?: { recorded: number; failed: number };
  usage: { byModel: ReportUsageRow[]; total: Omit<ReportUsageRow, 'providerId' | 'role'> };
  /** What the run found, as sentences (computed with the results; absent in older data). */
  findings?: { sentences: string[] };
}

/** What the run recorded about itself before its first call. */
export interface ReportManifest {
  /** The protocol the run followed (`adaem` or `paper`) and the settings its preset put in place. */
  protocol?: { name: string; settings: { key: string; value: number | string }[] };
  adaemVersion: string;
  gitRevision: string;
  nodeVersion: string;
  createdAt: string;
  argv: string[];
  seed: number;
  examinees: string[];
  judge: string;
  judgeMode: string;
  samples: number;
  maxErrorRate: number;
  maxCost: number | null;
  questions: { source: string; count: number; hash: string };
  promptHashes: Record<string, string>;
  /** Hyper-parameters of the run (the `evaluate` settings after defaults). */
  settings: unknown;
}

/** A question as stored, with any extra fields (lineage, provenance…) it carries. */
export interface ReportQuestion {
  id: string;
  text: string;
  category?: string;
  source?: string;
  targetValue?: string;
  [field: string]: unknown;
}

/** One key point of an answer and the judge's reading of it. */
export interface ReportPoint {
  point: string;
  justification: string;
  /** Value ids the judge found expressed; absent when the point was not judged successfully. */
  values?: string[];
  /** Why the point has no reading: the judge's unscored or error reason, or "not judged". */
  unjudgedReason?: string;
}

/** One examinee answer (question × model × sample) and what became of it. */
export interface ReportAnswer {
  questionId: string;
  modelId: string;
  sample: number;
  status: 'ok' | 'refusal' | 'unparseable' | 'error';
  /** Why a refusal, unparseable or failed answer was not used. */
  reason?: string;
  stance?: 'yes' | 'no' | 'neutral';
  /** Why an answer that was read has no stance (none stated, or conflicting ones). */
  stanceReason?: string;
  points?: ReportPoint[];
  /** Values the whole answer expressed (OR over its points); absent unless every point was judged. */
  values?: string[];
}
