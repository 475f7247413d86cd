import type { AdaemConfig } from '../../core/config.js';
import { AdaemError, ConfigError, StoreError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import type { Engine } from '../../providers/engine.js';
import { readRecordedAnswer } from '../../stages/respond/read-recorded-answer.js';
import type { Store } from '../../store/index.js';
import { asStoreFault } from '../mark-run.js';
import { buildEvaluateManifest, type EvaluateManifest, EvaluateManifestSchema } from './manifest.js';
import type { EvaluateRunOptions } from './options.js';

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
    ...(options.recorded
      ? {
          recorded: {
            file: options.recorded.file,
            hash: options.recorded.hash,
            answers: options.recorded.answers.length,
            view: 'answer' as const,
          },
        }
      : {}),
  });
  return { manifest, questions };
}

/** Stores recorded answers as the examinees' responses of a new run, read as opinions or whole. */
function storeRecorded(options: EvaluateRunOptions, runId: string): void {
  const points = options.config.evaluate.pointsPerAnswer;
  for (const answer of options.recorded?.answers ?? [])
    options.store.responses.put({
      runId,
      questionId: answer.questionId,
      modelId: answer.modelId,
      sample: answer.sample,
      outcome: readRecordedAnswer(answer.answer, { points }),
      raw: answer.answer,
    });
}

/** A cost cap cannot hold when a model's price is unknown: refuse unless the user opted out. */
export function refuseUnpriced(options: {
  engine: Engine;
  models: readonly string[];
  maxCost: number | null | undefined;
  allowUnpriced?: boolean;
}): void {
  if (options.maxCost === null || options.maxCost === undefined || options.allowUnpriced) return;
  const unpriced = [...new Set(options.models)].filter((id) => options.engine.priceOf(id) === undefined);
  if (unpriced.length === 0) return;
  throw new ConfigError(
    `--max-cost cannot cap spending on ${unpriced.join(', ')}: no known price; set models[].price (USD per million tokens) in the config, or pass --allow-unpriced to run ${unpriced.length === 1 ? 'it' : 'them'} uncapped`,
    { code: 'unpriced' },
  );
}

function refuseUnpricedModels(options: EvaluateRunOptions, manifest: EvaluateManifest): void {
  refuseUnpriced({
    engine: options.engine,
    models: [...manifest.examinees, manifest.judge],
    maxCost: manifest.maxCost,
    allowUnpriced: options.allowUnpriced,
  });
}

/** Creates the run (manifest and questions), or reopens it to resume; claims it for this process. */
export function openRun(options: EvaluateRunOptions): {
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
    // A resumed run may raise its budget or error limit; everything else stays as first recorded.
    const manifest = {
      ...parsed.data,
      maxCost: options.maxCost ?? parsed.data.maxCost,
      maxErrorRate: options.maxErrorRate ?? parsed.data.maxErrorRate,
    };
    const questions = store.questions.list(options.runId);
    refuseEmptyRun(options.runId, run.summary, questions);
    refuseUnpricedModels(options, manifest);
    store.runLock.claim(options.runId);
    store.runs.setStatus(options.runId, 'running');
    return { runId: options.runId, manifest, questions };
  }
  const { manifest, questions } = newManifest(options);
  refuseUnpricedModels(options, manifest);
  const runId = options.runId ?? store.runs.newRunId('evaluate');
  store.runs.create({ id: runId, kind: 'evaluate', manifest });
  store.runLock.claim(runId);
  try {
    store.questions.putMany(runId, questions);
    storeRecorded(options, runId);
  } catch (error) {
    throw failSetUp(store, runId, error);
  }
  return { runId, manifest, questions };
}

/**
 * A run whose set-up failed is marked failed with the reason (never left to look empty and "done"),
 * its lock released; the error to throw names the run.
 */
function failSetUp(store: Store, runId: string, caught: unknown): Error {
  const error = asStoreFault(caught, store.path);
  const reason = error instanceof Error ? error.message : String(error);
  try {
    store.runs.setStatus(runId, 'failed', { failure: `set-up failed: ${reason}` });
    store.runLock.release(runId);
  } catch {
    // The store refuses writes: the run shows as interrupted once its heartbeat is stale.
  }
  const message = `run ${runId} could not be set up: ${reason}`;
  return error instanceof StoreError
    ? new StoreError(message, { code: error.code, cause: error })
    : new AdaemError(message, { code: 'setup-failed', cause: error });
}

/** Why a stored run has nothing to work on, for resume: its set-up failure, or no questions. */
function refuseEmptyRun(runId: string, summary: unknown, questions: readonly Question[]): void {
  if (questions.length > 0) return;
  const failure =
    typeof summary === 'object' && summary !== null && 'failure' in summary
      ? String(summary.failure)
      : undefined;
  throw new ConfigError(
    `run "${runId}" has no planned work (${failure ?? 'no questions were stored'}); start a new run`,
    { code: 'empty-run' },
  );
}
