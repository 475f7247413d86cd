import type { AdaemConfig } from '../core/config.js';
import { CancelledError, ConfigError } from '../core/errors.js';
import type { JudgeMode, OpinionOutcome, Question } from '../core/question.js';
import type { ValueTheory } from '../core/value-theory.js';
import type { Engine } from '../providers/engine.js';
import { judgeOpinion } from '../stages/judge/judge-opinion.js';
import { askOpinion } from '../stages/respond/ask-opinion.js';
import type { Store } from '../store/index.js';
import { collectResults, type EvaluateResults } from './collect-results.js';
import { itemKey, judgementKey, type WorkItem } from './item-keys.js';
import { buildEvaluateManifest, type EvaluateManifest, EvaluateManifestSchema } from './manifest.js';
import { runPool } from './worker-pool.js';

/** Live counters of an evaluation, reported to the progress display. */
export interface EvaluateProgress {
  runId: string;
  itemsDone: number;
  itemsTotal: number;
  opinionErrors: number;
  judgeErrors: number;
}

/** Settings of one evaluation; what is not given comes from `config.evaluate`. */
export interface EvaluateRunOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  engine: Engine;
  store: Store;
  /** Omitted when resuming: the stored run's questions are used. */
  questions?: Question[];
  questionSource?: string;
  examinees?: string[];
  judge?: string;
  judgeMode?: JudgeMode;
  samples?: number;
  maxErrorRate?: number;
  maxCost?: number;
  runId?: string;
  /** Continue the run `runId` with its stored manifest and questions. */
  resume?: boolean;
  /** Items (question × examinee × sample) worked on at once. @default 64 */
  concurrency?: number;
  signal?: AbortSignal;
  onStart?: (runId: string) => void;
  onProgress?: (progress: EvaluateProgress) => void;
}

/** The examinees and judge of a config, by role. */
export function modelsByRole(config: AdaemConfig): { examinees: string[]; judge: string | undefined } {
  const examinees = config.models
    .filter((model) => model.roles.includes('examinee'))
    .map((model) => model.id);
  const judge = config.models.find((model) => model.roles.includes('judge'))?.id;
  return { examinees, judge };
}

function newManifest(options: EvaluateRunOptions): { manifest: EvaluateManifest; questions: Question[] } {
  const settings = options.config.evaluate;
  const byRole = modelsByRole(options.config);
  const examinees = options.examinees ?? byRole.examinees;
  const judge = options.judge ?? byRole.judge;
  const questions = options.questions;
  if (!questions || questions.length === 0)
    throw new ConfigError('no questions to evaluate: pass --questions FILE');
  if (examinees.length === 0)
    throw new ConfigError('no examinee models: pass --models or give a model the examinee role');
  if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
  const duplicate = examinees.find((id, index) => examinees.indexOf(id) !== index);
  if (duplicate) throw new ConfigError(`examinee ${duplicate} is listed twice; list each model once`);
  const samples = options.samples ?? settings.samples;
  if (!Number.isInteger(samples) || samples < 1)
    throw new ConfigError(`samples must be a whole number ≥ 1, got ${samples}`);
  const manifest = buildEvaluateManifest({
    config: options.config,
    theory: options.theory,
    examinees,
    judge,
    judgeMode: options.judgeMode ?? settings.judgeMode,
    samples,
    maxErrorRate: options.maxErrorRate ?? settings.maxErrorRate,
    maxCost: options.maxCost ?? settings.maxCost,
    questions,
    questionSource: options.questionSource ?? 'library',
  });
  return { manifest, questions };
}

function openRun(options: EvaluateRunOptions): {
  runId: string;
  manifest: EvaluateManifest;
  questions: Question[];
} {
  const { store } = options;
  if (options.resume) {
    if (!options.runId) throw new ConfigError('--resume needs a run id');
    const run = store.runs.get(options.runId);
    if (!run) throw new ConfigError(`no run "${options.runId}" in ${store.path}`);
    const parsed = EvaluateManifestSchema.safeParse(run.manifest);
    if (!parsed.success) throw new ConfigError(`run "${options.runId}" is not an evaluation run`);
    store.runs.setStatus(options.runId, 'running');
    // A resumed run may raise its budget or error limit; everything else stays as first recorded.
    const manifest = {
      ...parsed.data,
      maxCost: options.maxCost ?? parsed.data.maxCost,
      maxErrorRate: options.maxErrorRate ?? parsed.data.maxErrorRate,
    };
    return { runId: options.runId, manifest, questions: store.questions.list(options.runId) };
  }
  const { manifest, questions } = newManifest(options);
  const runId = options.runId ?? store.runs.newRunId('evaluate');
  store.runs.create({ id: runId, kind: 'evaluate', manifest });
  store.questions.putMany(runId, questions);
  return { runId, manifest, questions };
}

function* items(questions: Question[], manifest: EvaluateManifest): Generator<WorkItem> {
  for (const question of questions) {
    for (const modelId of manifest.examinees) {
      for (let sample = 0; sample < manifest.samples; sample++) yield { question, modelId, sample };
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
  const { store, engine, signal } = options;
  if (!options.resume) {
    // Unknown models or missing keys fail before a run is recorded.
    const byRole = modelsByRole(options.config);
    for (const id of options.examinees ?? byRole.examinees) engine.provider(id, 'examinee');
    const judgeId = options.judge ?? byRole.judge;
    if (judgeId) engine.provider(judgeId, 'judge');
  }
  const { runId, manifest, questions } = openRun(options);
  options.onStart?.(runId);
  const theory = manifest.theory;
  const settings = manifest.config.evaluate;
  const judge = engine.provider(manifest.judge, 'judge');
  const examinees = new Map(manifest.examinees.map((id) => [id, engine.provider(id, 'examinee')]));
  const modelSettings = new Map(manifest.config.models.map((model) => [model.id, model]));

  const storedResponses = new Map<string, OpinionOutcome>();
  for (const row of store.responses.list(runId)) {
    if (row.outcome.status !== 'error') storedResponses.set(itemKey(row), row.outcome);
  }
  const storedJudgements = new Set<string>();
  for (const row of store.judgements.list(runId)) {
    if (row.outcome.status !== 'error') storedJudgements.add(judgementKey(row));
  }

  const progress: EvaluateProgress = {
    runId,
    itemsDone: 0,
    itemsTotal: questions.length * manifest.examinees.length * manifest.samples,
    opinionErrors: 0,
    judgeErrors: 0,
  };
  let attempts = 0;
  // Spending of earlier attempts of this run counts against the budget too.
  const spentBefore = store.calls.summary(runId).reduce((sum, row) => sum + row.costUsd, 0);
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
        points: settings.pointsPerAnswer,
        params: {
          temperature: model?.temperature ?? settings.temperature,
          topP: model?.topP,
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
      items: items(questions, manifest),
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
    store.runs.setStatus(runId, isCancellation(error, signal) ? 'cancelled' : 'failed');
    if (isCancellation(error, signal))
      throw new CancelledError(`run ${runId} cancelled; resume with --resume ${runId}`);
    throw error;
  }
  if (signal?.aborted) {
    store.runs.setStatus(runId, 'cancelled');
    throw new CancelledError(`run ${runId} cancelled; resume with --resume ${runId}`);
  }
  store.flush();
  const results = collectResults({ store, runId, manifest });
  const failed = stoppedBy !== undefined || results.errorRate > manifest.maxErrorRate;
  const status = failed ? 'failed' : 'done';
  results.status = status;
  results.stoppedBy = stoppedBy;
  store.runs.setStatus(runId, status, {
    errorRate: results.errorRate,
    stoppedBy: stoppedBy ?? null,
    usage: results.usage,
  });
  return results;
}
