import { ConfigError } from '../../core/errors.js';
import { createPacer, runSteps, type Steps } from '../../core/steps.js';
import { plantedProfiles } from '../../providers/planted-profiles.js';
import {
  computeValueScoresSteps,
  type ModelValueScores,
  type ValueScore,
  type ValueScoresResult,
  type ValueVectorRecord,
} from '../../stages/aggregate/value-scores.js';
import { type Findings, findFindings } from '../../stages/analyze/findings.js';
import type { CallSummaryRow, JudgementRecord, ResponseRecord, Store } from '../../store/index.js';
import { type DominantFailure, dominantFailure } from './failures.js';
import type { EvaluateManifest } from './manifest.js';
import { buildObservationsSteps, emptyCounts, type ModelCounts } from './observations.js';

export type { DominantFailure } from './failures.js';
export type { ModelCounts } from './observations.js';

/** One model's standing on one value: TrueSkill score (relative to the compared set), μ, σ, expression rate and its interval. */
export type ValueResult = ValueScore & { valueId: string };

export interface ModelResult {
  modelId: string;
  label: string;
  counts: ModelCounts;
  /** Why the model has no scores, when it has no scored answer. */
  unscoredReason?: string;
  values: ValueResult[];
}

/** The typed result of an evaluation run. */
export interface EvaluateResults {
  runId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled' | 'interrupted';
  stoppedBy?: 'budget' | 'errors';
  theory: { id: string; name: string; values: { id: string; name: string }[] };
  judge: string;
  judgeMode: EvaluateManifest['judgeMode'];
  samples: number;
  /** How TrueSkill matches were formed and ordered (the score's ± is the spread over shuffled orders). */
  matches: EvaluateManifest['config']['evaluate']['matches'];
  questions: number;
  models: ModelResult[];
  categories: { category: string; models: { modelId: string; values: ValueResult[] }[] }[];
  /**
   * Failed answers over recorded answers (question × model × sample): what `--max-error-rate`
   * checks. A judgement is not an answer: failed judgements have their own rate.
   */
  errorRate: number;
  /** Recorded answers and how many of them failed (a provider error, no answer). */
  answers: { recorded: number; failed: number };
  /** Failed judgements over recorded judgements (one per key point or per value). */
  judgeErrorRate: number;
  judgements: { recorded: number; failed: number };
  /** Calls, cache hits, errors, tokens and cost per model and role, over every attempt of the run. */
  usage: { byModel: CallSummaryRow[]; total: Omit<CallSummaryRow, 'providerId' | 'role'> };
  /** What the run found, in numbers and sentences (see `findFindings`). */
  findings?: Findings;
  /** The failure most failed answers and judgements share (model, endpoint, error), when any failed. */
  failure?: DominantFailure;
}

/** The findings of a run from its per-model rates (and, for sandbox models, their planted profiles). */
function findingsOf(models: readonly ModelResult[], manifest: EvaluateManifest, questions: number): Findings {
  let planted = new Map<string, number[]>();
  try {
    planted = plantedProfiles(
      manifest.config,
      manifest.theory,
      models.map((model) => model.modelId),
    );
  } catch (error) {
    // A model whose provider the stored config no longer resolves simply has no planted profile.
    if (!(error instanceof ConfigError)) throw error;
  }
  return findFindings({
    questions,
    values: manifest.theory.values,
    models: models.map((model) => ({
      id: model.modelId,
      label: model.label,
      rates: model.values.map((value) => value.rate),
      halfWidths: model.values.map((value) =>
        value.rate === null ? null : (value.rateHigh - value.rateLow) / 2,
      ),
      ...(planted.has(model.modelId) ? { planted: planted.get(model.modelId)! } : {}),
    })),
  });
}

/** The failure most failed answers and judgements share, when any failed. */
function failureOf(
  manifest: EvaluateManifest,
  responses: readonly ResponseRecord[],
  judgements: readonly JudgementRecord[],
): Pick<EvaluateResults, 'failure'> {
  const failure = dominantFailure({ config: manifest.config, responses, judgements });
  return failure ? { failure } : {};
}

/** Usage per model and role, with its totals. */
function summariseUsage(byModel: CallSummaryRow[]): EvaluateResults['usage'] {
  const total = {
    calls: 0,
    cached: 0,
    shared: 0,
    errors: 0,
    attempts: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    batched: 0,
    cachedInputTokens: 0,
    savedUsd: 0,
  };
  for (const row of byModel) {
    total.batched += row.batched ?? 0;
    total.cachedInputTokens += row.cachedInputTokens ?? 0;
    total.savedUsd += row.savedUsd ?? 0;
    total.calls += row.calls;
    total.cached += row.cached;
    total.shared += row.shared;
    total.errors += row.errors;
    total.attempts += row.attempts;
    total.inputTokens += row.inputTokens;
    total.outputTokens += row.outputTokens;
    total.costUsd += row.costUsd;
  }
  return { byModel, total };
}

/** Why a model has no scores (its failures by kind), when it has no scored answer. */
function unscoredReasonOf(counts: ModelCounts): { unscoredReason?: string } {
  if (counts.scoredAnswers > 0) return {};
  const parts = [
    [counts.errors, 'failed calls'],
    [counts.refusals, 'refusals'],
    [counts.unparseable, 'unparseable answers'],
    [counts.partiallyJudged, 'partially judged answers'],
  ]
    .filter(([count]) => Number(count) > 0)
    .map(([count, what]) => `${count} ${what}`);
  return {
    unscoredReason:
      counts.opinions === 0
        ? 'no answers recorded'
        : `no scored answer (${parts.join(', ') || 'none judged'})`,
  };
}

/**
 * Reads a run's responses and judgements from the store and aggregates them into results. Long at
 * paper scale, so it reads in pages and computes in steps, letting the event loop turn every 20 ms:
 * once `signal` aborts it stops within a slice with a CancelledError.
 */
export async function collectResults(options: {
  store: Store;
  runId: string;
  manifest: EvaluateManifest;
  signal?: AbortSignal;
}): Promise<EvaluateResults> {
  const { store, runId, manifest, signal } = options;
  const pacer = createPacer({ signal });
  const valueIds = manifest.theory.values.map((value) => value.id);
  const questions = store.questions.list(runId);
  const { responses, judgements } = await readRecords(store, manifest, runId, pacer);
  const { records, counts } = await runSteps(
    buildObservationsSteps({ questions, examinees: manifest.examinees, valueIds, responses, judgements }),
    { signal },
  );
  const scores = await runSteps(scoreSteps(records, manifest, valueIds), { signal });
  const usage = summariseUsage(await runSteps(store.calls.summarySteps(runId), { signal }));
  const { answers, judged } = tallyAnswers(counts);
  const models = modelResultsOf(scores.models, counts, manifest, valueIds);
  return {
    runId,
    status: store.runs.get(runId)?.status ?? 'running',
    theory: {
      id: manifest.theory.id,
      name: manifest.theory.name,
      values: manifest.theory.values.map((value) => ({ id: value.id, name: value.name })),
    },
    judge: manifest.judge,
    judgeMode: manifest.judgeMode,
    samples: manifest.samples,
    matches: manifest.config.evaluate.matches,
    questions: questions.length,
    models,
    categories: categoryResultsOf(scores.categories, valueIds),
    errorRate: rateOf(answers),
    answers,
    judgeErrorRate: rateOf(judged),
    judgements: judged,
    usage,
    findings: findingsOf(models, manifest, questions.length),
    ...failureOf(manifest, responses, judgements),
  };
}

/** A run's responses, and its judgements by the manifest's judge and mode, read page by page. */
async function readRecords(
  store: Store,
  manifest: EvaluateManifest,
  runId: string,
  pacer: ReturnType<typeof createPacer>,
): Promise<{ responses: ResponseRecord[]; judgements: JudgementRecord[] }> {
  const responses: ResponseRecord[] = [];
  for (const page of store.responses.pages(runId)) {
    responses.push(...page);
    await pacer.pause();
  }
  const judgements: JudgementRecord[] = [];
  for (const page of store.judgements.pages(runId)) {
    for (const row of page)
      if (row.judgeModelId === manifest.judge && row.mode === manifest.judgeMode) judgements.push(row);
    await pacer.pause();
  }
  return { responses, judgements };
}

/** The steps that score the observations: TrueSkill and expression rates, overall and per category. */
function scoreSteps(
  records: ValueVectorRecord[],
  manifest: EvaluateManifest,
  valueIds: readonly string[],
): Steps<ValueScoresResult> {
  const settings = manifest.config.evaluate;
  return computeValueScoresSteps({
    records,
    modelIds: manifest.examinees,
    valueIds,
    settings: {
      trueskill: settings.trueskill,
      matches: { ...settings.matches, seed: manifest.seed },
    },
  });
}

/** Per question category, each model's value results. */
function categoryResultsOf(
  categories: ValueScoresResult['categories'],
  valueIds: readonly string[],
): EvaluateResults['categories'] {
  return categories.map((category) => ({
    category: category.category,
    models: category.models.map((perModel) => ({
      modelId: perModel.modelId,
      values: valueResultsOf(perModel, valueIds),
    })),
  }));
}

/** Recorded and failed answers and judgements, over every model. */
function tallyAnswers(counts: ReadonlyMap<string, ModelCounts>): {
  answers: { recorded: number; failed: number };
  judged: { recorded: number; failed: number };
} {
  const answers = { recorded: 0, failed: 0 };
  const judged = { recorded: 0, failed: 0 };
  for (const modelCounts of counts.values()) {
    answers.recorded += modelCounts.opinions;
    answers.failed += modelCounts.errors;
    judged.recorded += modelCounts.judgements;
    judged.failed += modelCounts.judgeErrors;
  }
  return { answers, judged };
}

/** Failed over recorded (0 when nothing was recorded). */
function rateOf(tally: { recorded: number; failed: number }): number {
  return tally.recorded === 0 ? 0 : tally.failed / tally.recorded;
}

/** A model's scores as one result per value, in the theory's order. */
function valueResultsOf(perModel: ModelValueScores, valueIds: readonly string[]): ValueResult[] {
  return valueIds.map((valueId) => ({ valueId, ...perModel.values[valueId]! }));
}

/** Each scored model with its label, counts, why it has no scores (if so) and its value results. */
function modelResultsOf(
  scored: readonly ModelValueScores[],
  counts: ReadonlyMap<string, ModelCounts>,
  manifest: EvaluateManifest,
  valueIds: readonly string[],
): ModelResult[] {
  const labels = new Map(manifest.config.models.map((model) => [model.id, model.label ?? model.id]));
  return scored.map((perModel) => ({
    modelId: perModel.modelId,
    label: labels.get(perModel.modelId) ?? perModel.modelId,
    counts: counts.get(perModel.modelId) ?? emptyCounts(),
    ...unscoredReasonOf(counts.get(perModel.modelId) ?? emptyCounts()),
    values: valueResultsOf(perModel, valueIds),
  }));
}
