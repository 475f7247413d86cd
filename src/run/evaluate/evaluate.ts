import { BudgetExceededError, CancelledError, StoreError } from '../../core/errors.js';
import { applyProtocol } from '../../core/protocol-preset.js';
import type { Provider } from '../../core/provider.js';
import type { Question } from '../../core/question.js';
import { judgeOpinion } from '../../stages/judge/judge-opinion.js';
import { askOpinion } from '../../stages/respond/ask-opinion.js';

export { modelsByRole } from './open-evaluation.js';

import { asStoreFault, markRun } from '../mark-run.js';
import { runPool } from '../worker-pool.js';
import { collectResults, type EvaluateResults } from './collect-results.js';
import { itemKey, judgementKey, type WorkItem } from './item-keys.js';
import type { EvaluateManifest } from './manifest.js';
import { modelsByRole, openRun } from './open-evaluation.js';
import type { EvaluateProgress, EvaluateRunOptions } from './options.js';
import { readStoredWork, type StoredWork } from './stored-work.js';
import { createReachWatch } from './unreachable.js';

export type { EvaluateProgress, EvaluateRunOptions } from './options.js';

function* items(
  questions: Question[],
  manifest: EvaluateManifest,
  stored: ReadonlyMap<string, unknown>,
): Generator<WorkItem> {
  for (const question of questions) {
    for (const modelId of manifest.examinees) {
      for (let sample = 0; sample < manifest.samples; sample++) {
        // A recorded run holds the answers the file has, and only those: nothing else is asked.
        if (manifest.recorded && !stored.has(itemKey({ questionId: question.id, modelId, sample }))) continue;
        yield { question, modelId, sample };
      }
    }
  }
}

function isCancellation(error: unknown, signal: AbortSignal | undefined): boolean {
  return error instanceof CancelledError || (signal?.aborted ?? false);
}

/**
 * Runs (or resumes) an evaluation: every examinee answers every question, the judge labels every
 * key point, and the stored records are aggregated. Nothing already stored is asked again.
 */
export async function runEvaluation(options: EvaluateRunOptions): Promise<EvaluateResults> {
  const { store, engine } = options;
  if (!options.resume) {
    // Unknown models or missing keys fail before a run is recorded.
    const byRole = modelsByRole(options.config);
    for (const id of options.examinees ?? byRole.examinees) engine.provider(id, 'examinee');
    const judgeId = options.judge ?? byRole.judge;
    if (judgeId) engine.provider(judgeId, 'judge');
  }
  // A config that says `protocol: paper` runs with the preset, whoever built it.
  const { runId, manifest, questions } = openRun({
    ...options,
    config: applyProtocol(options.config).config,
  });
  // The lock is held until the run's end is recorded, so no other process takes it over before.
  return store.runLock.hold(runId, async () => {
    try {
      return await workThrough(options, runId, manifest, questions);
    } catch (caught) {
      const error = asStoreFault(caught, store.path);
      if (error instanceof StoreError) {
        await markRun(store, runId, 'failed');
        throw new StoreError(
          `run ${runId} stopped: ${error.message}; fix it and resume with --resume ${runId}`,
          { code: error.code, cause: error },
        );
      }
      if (isCancellation(error, options.signal)) {
        await markRun(store, runId, 'cancelled');
        throw new CancelledError(`run ${runId} cancelled; resume with --resume ${runId}`);
      }
      await markRun(store, runId, 'failed');
      throw error;
    }
  });
}

/** What the items of a run share while it works: providers, stored work, counters, settings. */
interface RunContext {
  options: EvaluateRunOptions;
  runId: string;
  manifest: EvaluateManifest;
  judge: Provider;
  examinees: Map<string, Provider>;
  stored: StoredWork;
  progress: EvaluateProgress;
  /** Answers and judgements asked in this process (the error share is over these). */
  attempts: number;
  itemsStarted: number;
  itemsFinished: number;
}

async function workThrough(
  options: EvaluateRunOptions,
  runId: string,
  manifest: EvaluateManifest,
  questions: Question[],
): Promise<EvaluateResults> {
  const { store, engine, signal } = options;
  options.onStart?.(runId);
  const reach = createReachWatch(options.config);
  const stored = await readStoredWork(store, runId, signal);
  const context: RunContext = {
    options,
    runId,
    manifest,
    judge: reach.watch(engine.provider(manifest.judge, 'judge'), 'judge'),
    examinees: new Map(
      manifest.examinees.map((id) => [id, reach.watch(engine.provider(id, 'examinee'), 'examinee')]),
    ),
    stored,
    progress: {
      runId,
      itemsDone: 0,
      itemsTotal:
        manifest.recorded?.answers ?? questions.length * manifest.examinees.length * manifest.samples,
      opinionErrors: 0,
      judgeErrors: 0,
    },
    attempts: 0,
    itemsStarted: 0,
    itemsFinished: 0,
  };
  // The hard cap: the engine sends no attempt (retries included) that could carry spending past it.
  engine.limitSpending({ maxCostUsd: manifest.maxCost ?? undefined, spentUsd: stored.spentBefore });
  let stoppedBy: 'budget' | 'errors' | undefined;
  try {
    await runPool({
      items: items(questions, manifest, stored.storedResponses),
      concurrency: options.concurrency ?? 64,
      work: (item) => workOn(context, item),
      signal,
      shouldStop: () => {
        if (overBudget(context)) stoppedBy = 'budget';
        else if (failingFast(context)) stoppedBy = 'errors';
        // A model that never answered and cannot be reached stops the run at once (thrown below).
        return stoppedBy !== undefined || reach.deadModel(DEAD_MODEL_CALLS, runId) !== undefined;
      },
    });
  } catch (error) {
    if (!(error instanceof BudgetExceededError) || signal?.aborted) throw error;
    stoppedBy = 'budget';
  }
  if (signal?.aborted) throw new CancelledError();
  const dead = reach.deadModel(1, runId);
  if (dead) throw dead;
  return finishRun(context, stoppedBy);
}

/** Unreachable failures (and no answer) that stop the run before all items are tried. */
const DEAD_MODEL_CALLS = 3;

/** Stop before the next item would cross the budget: project the items in flight at the mean cost so far. */
function overBudget(context: RunContext): boolean {
  const { manifest, options } = context;
  if (manifest.maxCost === null) return false;
  const spent = options.engine.usage().total.costUsd;
  const perItem = context.itemsFinished === 0 ? 0 : spent / context.itemsFinished;
  const inFlight = context.itemsStarted - context.itemsFinished + 1;
  return context.stored.spentBefore + spent + inFlight * perItem > manifest.maxCost;
}

/** Most of at least 20 calls of this process failed (and more than the run allows). */
function failingFast(context: RunContext): boolean {
  const { progress } = context;
  return (
    context.attempts >= 20 &&
    (progress.opinionErrors + progress.judgeErrors) / context.attempts >
      Math.max(0.5, context.manifest.maxErrorRate)
  );
}

/** One item: the examinee's answer (unless stored), then the judge on each key point not yet judged. */
async function workOn(context: RunContext, item: WorkItem): Promise<void> {
  const { options, runId, progress } = context;
  context.itemsStarted++;
  const key = itemKey({ questionId: item.question.id, modelId: item.modelId, sample: item.sample });
  let outcome = context.stored.storedResponses.get(key);
  if (!outcome) {
    const answer = await askFor(context, item);
    context.attempts++;
    outcome = answer.outcome;
    if (outcome.status === 'error') progress.opinionErrors++;
    options.store.responses.put({
      runId,
      questionId: item.question.id,
      modelId: item.modelId,
      sample: item.sample,
      outcome,
      raw: answer.raw,
      usage: answer.usage,
    });
  }
  if (outcome.status === 'ok') {
    const points = outcome.points;
    await Promise.all(points.map((point, pointIndex) => judgePoint(context, item, point, pointIndex)));
  }
  context.itemsFinished++;
  progress.itemsDone++;
  options.onProgress?.(progress);
}

/** The examinee's answer to an item, with its model's own settings. */
function askFor(context: RunContext, item: WorkItem) {
  const { manifest, options } = context;
  const settings = manifest.config.evaluate;
  const model = manifest.config.models.find((entry) => entry.id === item.modelId);
  return askOpinion({
    provider: context.examinees.get(item.modelId)!,
    question: item.question,
    sample: item.sample,
    systemPrompt: model?.systemPrompt,
    structuredOutput: model?.structuredOutput,
    points: settings.pointsPerAnswer,
    params: {
      temperature: model?.temperature ?? settings.temperature,
      topP: model?.topP ?? settings.topP,
      maxTokens: model?.maxTokens ?? 600,
      seed: manifest.seed + item.sample,
    },
    signal: options.signal,
  });
}

/** The judge's reading of one key point, unless it is stored. */
async function judgePoint(
  context: RunContext,
  item: WorkItem,
  point: { point: string; justification: string },
  pointIndex: number,
): Promise<void> {
  const { manifest, options, runId } = context;
  const base = {
    runId,
    questionId: item.question.id,
    modelId: item.modelId,
    sample: item.sample,
    pointIndex,
    judgeModelId: manifest.judge,
    mode: manifest.judgeMode,
  };
  if (context.stored.storedJudgements.has(judgementKey(base))) return;
  const judged = await judgeOpinion({
    provider: context.judge,
    theory: manifest.theory,
    question: item.question,
    view: manifest.config.evaluate.judgeView,
    opinion: point.justification ? `${point.point}: ${point.justification}` : point.point,
    mode: manifest.judgeMode,
    // Runs stored before the setting was recorded used the definitions prompt.
    prompt: manifest.judgePrompt?.used ?? 'definitions',
    params: { temperature: manifest.config.evaluate.judgeTemperature, seed: manifest.seed },
    signal: options.signal,
  });
  context.attempts++;
  if (judged.outcome.status === 'error') context.progress.judgeErrors++;
  options.store.judgements.put({ ...base, outcome: judged.outcome, raw: judged.raw ?? undefined });
}

/** Aggregates the stored records and records how the run ended. */
async function finishRun(
  context: RunContext,
  stoppedBy: 'budget' | 'errors' | undefined,
): Promise<EvaluateResults> {
  const { options, runId, manifest } = context;
  const { store, signal } = options;
  store.flush();
  options.onAggregate?.(runId);
  const results = await collectResults({ store, runId, manifest, signal });
  // Failed answers against answers; failed judgements (which leave answers unscored) against judgements.
  const failed =
    stoppedBy !== undefined ||
    results.errorRate > manifest.maxErrorRate ||
    results.judgeErrorRate > manifest.maxErrorRate;
  const status = failed ? 'failed' : 'done';
  results.status = status;
  results.stoppedBy = stoppedBy;
  store.runs.setStatus(runId, status, {
    errorRate: results.errorRate,
    judgeErrorRate: results.judgeErrorRate,
    stoppedBy: stoppedBy ?? null,
    usage: results.usage,
  });
  return results;
}
