import { BudgetExceededError, CancelledError, StoreError } from '../../core/errors.js';
import { applyProtocol } from '../../core/protocol-preset.js';
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
import { readStoredWork } from './stored-work.js';

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

async function workThrough(
  options: EvaluateRunOptions,
  runId: string,
  manifest: EvaluateManifest,
  questions: Question[],
): Promise<EvaluateResults> {
  const { store, engine, signal } = options;
  options.onStart?.(runId);
  const theory = manifest.theory;
  const settings = manifest.config.evaluate;
  const judge = engine.provider(manifest.judge, 'judge');
  const examinees = new Map(manifest.examinees.map((id) => [id, engine.provider(id, 'examinee')]));
  const modelSettings = new Map(manifest.config.models.map((model) => [model.id, model]));

  const { storedResponses, storedJudgements, spentBefore } = await readStoredWork(store, runId, signal);

  const progress: EvaluateProgress = {
    runId,
    itemsDone: 0,
    itemsTotal: manifest.recorded?.answers ?? questions.length * manifest.examinees.length * manifest.samples,
    opinionErrors: 0,
    judgeErrors: 0,
  };
  let attempts = 0;
  // The hard cap: the engine sends no attempt (retries included) that could carry spending past it.
  engine.limitSpending({ maxCostUsd: manifest.maxCost ?? undefined, spentUsd: spentBefore });
  let itemsStarted = 0;
  let itemsFinished = 0;
  // Stop before the next item would cross the budget: project the items in flight at the mean cost so far.
  const overBudget = (): boolean => {
    if (manifest.maxCost === null) return false;
    const spent = engine.usage().total.costUsd;
    const perItem = itemsFinished === 0 ? 0 : spent / itemsFinished;
    return spentBefore + spent + (itemsStarted - itemsFinished + 1) * perItem > manifest.maxCost;
  };
  const failingFast = (): boolean =>
    attempts >= 20 &&
    (progress.opinionErrors + progress.judgeErrors) / attempts > Math.max(0.5, manifest.maxErrorRate);

  const work = async (item: WorkItem): Promise<void> => {
    itemsStarted++;
    const key = itemKey({ questionId: item.question.id, modelId: item.modelId, sample: item.sample });
    let outcome = storedResponses.get(key);
    if (!outcome) {
      const model = modelSettings.get(item.modelId);
      const answer = await askOpinion({
        provider: examinees.get(item.modelId)!,
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
        signal,
      });
      attempts++;
      outcome = answer.outcome;
      if (outcome.status === 'error') progress.opinionErrors++;
      store.responses.put({
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
      await Promise.all(
        outcome.points.map(async (point, pointIndex) => {
          const base = {
            runId,
            questionId: item.question.id,
            modelId: item.modelId,
            sample: item.sample,
            pointIndex,
            judgeModelId: manifest.judge,
            mode: manifest.judgeMode,
          };
          if (storedJudgements.has(judgementKey(base))) return;
          const judged = await judgeOpinion({
            provider: judge,
            theory,
            question: item.question,
            view: settings.judgeView,
            opinion: point.justification ? `${point.point}: ${point.justification}` : point.point,
            mode: manifest.judgeMode,
            params: { temperature: settings.judgeTemperature, seed: manifest.seed },
            signal,
          });
          attempts++;
          if (judged.outcome.status === 'error') progress.judgeErrors++;
          store.judgements.put({ ...base, outcome: judged.outcome, raw: judged.raw ?? undefined });
        }),
      );
    }
    itemsFinished++;
    progress.itemsDone++;
    options.onProgress?.(progress);
  };

  let stoppedBy: 'budget' | 'errors' | undefined;
  try {
    await runPool({
      items: items(questions, manifest, storedResponses),
      concurrency: options.concurrency ?? 64,
      work,
      signal,
      shouldStop: () => {
        if (overBudget()) stoppedBy = 'budget';
        else if (failingFast()) stoppedBy = 'errors';
        return stoppedBy !== undefined;
      },
    });
  } catch (error) {
    if (!(error instanceof BudgetExceededError) || signal?.aborted) throw error;
    stoppedBy = 'budget';
  }
  if (signal?.aborted) throw new CancelledError();
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
