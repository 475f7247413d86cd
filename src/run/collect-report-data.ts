import { ConfigError } from '../core/errors.js';
import { resolveModel } from '../providers/registry.js';
import type { ReportAnswer, ReportData, ReportPoint } from '../report/index.js';
import type { JudgementRecord, ResponseRecord, Store } from '../store/index.js';
import { judgeValidityKey } from './analyses/judge-validity.js';
import { collectResults } from './evaluate/collect-results.js';
import { itemKey } from './evaluate/item-keys.js';
import type { EvaluateManifest } from './evaluate/manifest.js';
import { collectGeneration } from './generate/collect-generation.js';

/** Whether a model id is served by the simulated sandbox under the run's (redacted) config. */
function isSimulated(manifest: EvaluateManifest, modelId: string): boolean {
  try {
    return resolveModel(manifest.config, modelId).type === 'sandbox';
  } catch (error) {
    // A provider the stored config cannot resolve is not the sandbox; anything else is a real fault.
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

/** One key point with the values the judge read in it, or why it has none. */
function readPoint(
  point: { point: string; justification: string },
  judgement?: JudgementRecord,
): ReportPoint {
  const base = { point: point.point, justification: point.justification };
  if (!judgement) return { ...base, unjudgedReason: 'not judged' };
  const outcome = judgement.outcome;
  if (outcome.status !== 'ok') return { ...base, unjudgedReason: `${outcome.status}: ${outcome.reason}` };
  return { ...base, values: Object.keys(outcome.values).filter((valueId) => outcome.values[valueId]) };
}

/**
 * Gathers what the HTML report shows about an evaluation run: its results, manifest, questions and
 * every answer with the judge's reading of each key point (only the run's own judge and mode count).
 */
export async function collectReportData(options: {
  store: Store;
  runId: string;
  manifest: EvaluateManifest;
  generatedAt?: string;
}): Promise<ReportData> {
  const { store, runId, manifest } = options;
  const results = await collectResults({ store, runId, manifest });
  const answers = reportAnswers(store, runId, manifest);
  const modelIds = [...new Set([...manifest.examinees, manifest.judge])];
  return {
    results,
    manifest: reportManifest(manifest),
    simulatedModels: modelIds.filter((id) => isSimulated(manifest, id)),
    questions: store.questions.list(runId),
    answers,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...generationOf(store, manifest),
    analyses: analysesOf(store, runId, manifest),
  };
}

/** The run's judgements by its own judge and mode, per answer (item key) and key point. */
function judgementsByItem(
  store: Store,
  runId: string,
  manifest: EvaluateManifest,
): Map<string, Map<number, JudgementRecord>> {
  const judgements = new Map<string, Map<number, JudgementRecord>>();
  for (const row of store.judgements.list(runId)) {
    if (row.judgeModelId !== manifest.judge || row.mode !== manifest.judgeMode) continue;
    const points = judgements.get(itemKey(row)) ?? new Map<number, JudgementRecord>();
    points.set(row.pointIndex, row);
    judgements.set(itemKey(row), points);
  }
  return judgements;
}

/** Every answer of the run with the judge's reading of each key point, in examinee order, then by sample. */
function reportAnswers(store: Store, runId: string, manifest: EvaluateManifest): ReportAnswer[] {
  const judgements = judgementsByItem(store, runId, manifest);
  const answers = store.responses.list(runId).map((row) => reportAnswer(row, judgements.get(itemKey(row))));
  const order = new Map(manifest.examinees.map((id, index) => [id, index]));
  answers.sort((a, b) => (order.get(a.modelId) ?? 0) - (order.get(b.modelId) ?? 0) || a.sample - b.sample);
  return answers;
}

/** One answer as the report shows it: its failure, or its stance and key points with their values. */
function reportAnswer(row: ResponseRecord, judged: Map<number, JudgementRecord> | undefined): ReportAnswer {
  const base = { questionId: row.questionId, modelId: row.modelId, sample: row.sample };
  const outcome = row.outcome;
  if (outcome.status !== 'ok') return { ...base, status: outcome.status, reason: outcome.reason };
  const points = outcome.points.map((point, index) => readPoint(point, judged?.get(index)));
  const complete = points.every((point) => point.values !== undefined);
  return {
    ...base,
    status: 'ok',
    ...(outcome.stance === null
      ? { stanceReason: outcome.stanceReason ?? 'no stance' }
      : { stance: outcome.stance }),
    points,
    ...(complete ? { values: [...new Set(points.flatMap((point) => point.values ?? []))] } : {}),
  };
}

/** The parts of the run's manifest the report shows. */
function reportManifest(manifest: EvaluateManifest): ReportData['manifest'] {
  return {
    protocol: manifest.protocol ?? { name: manifest.config.protocol, settings: [] },
    adaemVersion: manifest.adaemVersion,
    gitRevision: manifest.gitRevision,
    nodeVersion: manifest.nodeVersion,
    createdAt: manifest.createdAt,
    argv: manifest.argv,
    seed: manifest.seed,
    examinees: manifest.examinees,
    judge: manifest.judge,
    judgeMode: manifest.judgeMode,
    samples: manifest.samples,
    maxErrorRate: manifest.maxErrorRate,
    maxCost: manifest.maxCost,
    questions: manifest.questions,
    promptHashes: manifest.promptHashes,
    settings: settingsAsRun(manifest),
  };
}

/** The run's own analyses, then the validations of its judge against human labels. */
function analysesOf(store: Store, runId: string, manifest: EvaluateManifest): ReportData['analyses'] {
  return [
    ...store.analyses.list(runId),
    ...store.analyses
      .list(judgeValidityKey(manifest.judge))
      .filter((analysis) => analysis.kind === 'judge-validity'),
  ].map(({ id, kind, createdAt, manifest, result }) => ({
    id,
    kind,
    createdAt,
    manifest,
    result,
  }));
}

/**
 * The run's `evaluate` settings, with the questions it was given in place of the config's
 * `evaluate.questions` when that file was not used (a generated bank, `--questions`, recorded answers).
 */
function settingsAsRun(manifest: EvaluateManifest): EvaluateManifest['config']['evaluate'] {
  const settings = manifest.config.evaluate;
  if (settings.questions === undefined || settings.questions === manifest.questions.source) return settings;
  return { ...settings, questions: manifest.questions.source };
}

/** The generation run an evaluation's questions came from (`--questions-from`), when it is in the store. */
function generationOf(store: Store, manifest: EvaluateManifest): Pick<ReportData, 'generation'> {
  const found = /^generate:(\S+)/.exec(manifest.questions.source);
  const runId = found?.[1];
  if (!runId || store.runs.get(runId)?.kind !== 'generate') return {};
  return { generation: collectGeneration(store, runId) };
}
