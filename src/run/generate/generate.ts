import { setMaxListeners } from 'node:events';
import type { AdaemConfig } from '../../core/config.js';
import {
  AdaemError,
  BudgetExceededError,
  CancelledError,
  ConfigError,
  StoreError,
} from '../../core/errors.js';
import { applyProtocol } from '../../core/protocol-preset.js';
import type { Question } from '../../core/question.js';
import { seededRandom } from '../../core/seeded-random.js';
import { nextTurn } from '../../core/steps.js';
import type { ValueTheory } from '../../core/value-theory.js';
import type { Engine } from '../../providers/engine.js';
import { type BonusSettings, chooseArm, randomArm } from '../../stages/generate/bandit.js';
import { dedupRule, QuestionPool } from '../../stages/generate/dedup.js';
import type { GrowContext } from '../../stages/generate/grow-candidate.js';
import { bonusScale, onP1Scale, type RewardCalibration } from '../../stages/generate/reward-scale.js';
import type { CandidateRecord, Store } from '../../store/index.js';
import { asStoreFault, markRun } from '../mark-run.js';
import { similarityBackendOf } from '../similarity-of.js';
import type { GenerateManifest } from './manifest.js';
import { createGeneration, panelsOf, reopenGeneration } from './open-generation.js';
import { type PullContext, runPull } from './pull.js';
import { calibrateRewards, scoreSeeds } from './seeds.js';
import { type PullScratch, type SearchCounters, SearchState } from './state.js';

/** Live counters of a generation, for the progress display. */
export interface GenerateProgress extends SearchCounters {
  runId: string;
  phase: 'seeds' | 'search';
  seedsScored: number;
  seedsTotal: number;
  budget: number;
}

/** How a generation run ended. */
export interface GenerateSummary extends SearchCounters {
  runId: string;
  /** Model calls of the run that reached a model, and those that failed after retries (the error rate). */
  calls?: { sent: number; failed: number; rate: number };
  status: 'done' | 'failed' | 'cancelled';
  stoppedBy?: 'budget';
  budget: number;
  similarity: string;
  /** σ, the unit of the UCB bonus and of τ (1 with `scale: raw`). */
  scale: number;
  /** τ in S units: `refineGain`·σ. */
  refineGain: number;
  /** How P2 rewards were put on the P1 scale; null when they were used as they are. */
  calibration: RewardCalibration | null;
}

/** Settings of one generation run; what is not given comes from `config.generate`. */
export interface GenerateRunOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  engine: Engine;
  store: Store;
  /** Omitted when resuming: the stored seeds are used. */
  seeds?: Question[];
  seedSource?: string;
  budget?: number;
  maxCost?: number;
  allowUnpriced?: boolean;
  runId?: string;
  resume?: boolean;
  /** A generation run whose bank this one must not overlap (self-extension with new panel models). */
  extend?: string;
  /**
   * Stop (done) once this many calls have reached a model (cache hits not counted): equal-spend
   * baselines. Checked between batches, so with `parallelPulls` k a run may pass it by up to k pulls.
   */
  maxModelCalls?: number;
  /** Seeds scored at once. @default 16 */
  concurrency?: number;
  signal?: AbortSignal;
  onStart?: (runId: string, manifest: GenerateManifest) => void;
  onProgress?: (progress: GenerateProgress) => void;
}

function openGeneration(options: GenerateRunOptions) {
  const { engine } = options;
  // A config that says `protocol: paper` runs with the preset, whoever built it.
  const config = applyProtocol(options.config).config;
  if (options.resume) {
    if (!options.runId) throw new ConfigError('--resume needs a run id');
    return { runId: options.runId, ...reopenGeneration({ ...options, runId: options.runId }) };
  }
  const similarity = similarityBackendOf(config, engine);
  const created = createGeneration({
    ...options,
    config,
    seeds: options.seeds ?? [],
    seedSource: options.seedSource ?? 'library',
    similarity: similarity.id,
    score: scoreVariantOf(config, engine),
    extendsRun: options.extend,
  });
  return { ...created, seeds: options.seeds ?? [] };
}

/**
 * Runs (or resumes) the AdAEM question search (method §4): scores every seed with P1 to start its
 * arm, then spends the budget of pulls, each committed with its candidates in one transaction, so a
 * run killed at any moment resumes from its last finished pull (the calls of the unfinished one come
 * back from the response cache).
 */
export async function runGeneration(options: GenerateRunOptions): Promise<GenerateSummary> {
  const { store } = options;
  const { runId, manifest, seeds } = openGeneration(options);
  // The lock is held until the run's end is recorded, so no other process takes it over before.
  return store.runLock.hold(runId, async () => {
    try {
      return await search(options, runId, manifest, seeds);
    } catch (caught) {
      const error = asStoreFault(caught, store.path);
      const cancelled = error instanceof CancelledError || options.signal?.aborted;
      const budget = error instanceof BudgetExceededError && !options.signal?.aborted;
      await markRun(store, runId, cancelled && !budget ? 'cancelled' : 'failed', {
        ...(budget ? { summary: { stoppedBy: 'budget' } } : {}),
      });
      if (budget)
        throw new BudgetExceededError(
          `run ${runId} stopped at the cost cap; raise --max-cost and resume with --resume ${runId}`,
        );
      if (cancelled)
        throw new CancelledError(
          `run ${runId} cancelled; calls in flight were abandoned; resume with --resume ${runId}`,
        );
      if (error instanceof StoreError)
        throw new StoreError(
          `run ${runId} stopped: ${error.message}; fix it and resume with --resume ${runId}`,
          { code: error.code, cause: error },
        );
      throw error;
    }
  });
}

/** What one search needs while it runs: its context, the state rebuilt from the store, its progress callback. */
interface Search {
  options: GenerateRunOptions;
  runId: string;
  manifest: GenerateManifest;
  seeds: Question[];
  grow: GrowContext;
  state: SearchState;
  progress: (phase: GenerateProgress['phase'], seedsScored: number) => void;
}

async function search(
  options: GenerateRunOptions,
  runId: string,
  manifest: GenerateManifest,
  seeds: Question[],
): Promise<GenerateSummary> {
  const { store, engine } = options;
  const similarity = similarityBackendOf(manifest.config, engine);
  const grow = growContextOf(manifest, engine, similarity, options.signal);
  const spentBefore = store.calls.summary(runId).reduce((sum, row) => sum + row.costUsd, 0);
  engine.limitSpending({ maxCostUsd: manifest.maxCost ?? undefined, spentUsd: spentBefore });
  const rule = dedupRule(manifest.config.generate, similarity.id);
  const state = new SearchState(seeds, new QuestionPool(rule.threshold, rule.topK), similarity);
  const unscored = await state.replay(
    store.generation.candidates(runId, { detail: 'none' }),
    store.generation.pulls(runId),
    priorOf(store, manifest),
  );
  options.onStart?.(runId, manifest);
  const progress = (phase: GenerateProgress['phase'], seedsScored: number): void =>
    options.onProgress?.({
      runId,
      phase,
      seedsScored,
      seedsTotal: seeds.length,
      budget: manifest.budget,
      ...state.counters,
    });
  const run: Search = { options, runId, manifest, seeds, grow, state, progress };
  await scoreUnscoredSeeds(run, unscored);
  const scaling = await scaleRewards(run);
  progress('search', seeds.length);
  await spendBudget(run, scaling);
  return finishSearch(run, similarity.id, scaling);
}

/** The context every pull grows its candidates in: the panels' providers and the search settings. */
function growContextOf(
  manifest: GenerateManifest,
  engine: Engine,
  similarity: GrowContext['similarity'],
  signal: AbortSignal | undefined,
): GrowContext {
  const settings = manifest.config.generate;
  const params = { temperature: settings.temperature, topP: settings.topP, seed: manifest.seed };
  return {
    theory: manifest.theory,
    explorers: manifest.explorers.map((id) => engine.provider(id, 'generator')),
    scorers: manifest.scorers.map((id) => engine.provider(id, 'scorer')),
    judge: engine.provider(manifest.judge, 'judge'),
    ...(manifest.safety ? { safety: engine.provider(manifest.safety, 'safety') } : {}),
    // The safety model's own maxTokens (models[]) wins over the short default, for reasoning guards.
    ...safetyLimit(manifest),
    similarity,
    panel: {
      variant: manifest.score.used,
      // The exact score reads the judge's P(yes) per value.
      judgeMode: manifest.score.used === 'exact' ? 'logprob' : settings.judgeMode,
      // Runs stored before the setting was recorded used the definitions prompt.
      judgePrompt: manifest.judgePrompt?.used ?? 'definitions',
      pointsPerAnswer: settings.pointsPerAnswer,
      weights: settings.weights,
      params,
    },
    params,
    refineGain: settings.refineGain,
    refineDepth: settings.refineDepth,
    reflectionContext: settings.reflectionContext,
    signal,
  };
}

/** Each arm starts from its seed's S under P1 (method §4 decision), committed in chunks. */
async function scoreUnscoredSeeds(run: Search, unscored: Question[]): Promise<void> {
  const { options, runId, grow, state, seeds } = run;
  const { store, engine, signal } = options;
  const chunkSize = options.concurrency ?? 16;
  const scoring = { runId, grow, state, attempts: run.manifest.config.generate.seedAttempts, signal };
  for (let start = 0; start < unscored.length; start += chunkSize) {
    const chunk = unscored.slice(start, start + chunkSize);
    store.generation.commit(await scoreSeeds(chunk, scoring));
    stopIfCallsFail(engine, store, runId);
    run.progress('seeds', seeds.length - unscored.length + start + chunk.length);
    await nextTurn();
  }
}

/** How rewards are scaled for the search. */
interface Scaling {
  /** σ: the unit of the UCB bonus and of τ. */
  scale: number;
  refineGain: number;
  calibration: RewardCalibration | null;
}

/** σ from the seeds' scores (τ in its units), and the mapping of P2 rewards onto the P1 scale of the arms' Q. */
async function scaleRewards(run: Search): Promise<Scaling> {
  const { options, grow, state, manifest } = run;
  const settings = manifest.config.generate;
  const scale = bonusScale(settings.scale, [...state.seedScores.values()]);
  grow.refineGain = settings.refineGain * scale;
  const calibration = await calibrateRewards({
    runId: run.runId,
    grow,
    state,
    attempts: settings.seedAttempts,
    signal: options.signal,
    store: options.store,
    scorers: grow.scorers,
    count: settings.calibrationSeeds,
    seed: manifest.seed,
  });
  return { scale, refineGain: grow.refineGain, calibration };
}

/**
 * Spends the budget in batches of `parallelPulls` (1: the method's sequential search); resumed runs
 * restart at a batch boundary.
 */
async function spendBudget(run: Search, scaling: Scaling): Promise<void> {
  const { options, runId, manifest, grow, state } = run;
  const { engine, store, signal } = options;
  const settings = manifest.config.generate;
  const bonus = { exploration: settings.exploration, scale: scaling.scale };
  const bySeed = new Map(run.seeds.map((seed) => [seed.id, seed]));
  const context = { runId, grow, explorers: grow.explorers, rounds: settings.rounds, shots: settings.shots };
  for (let first = state.counters.pullsDone + 1; first <= manifest.budget; ) {
    if (signal?.aborted) throw new CancelledError();
    const usage = engine.usage().total;
    if (options.maxModelCalls !== undefined && usage.calls - usage.cached >= options.maxModelCalls) break;
    const pulls = Array.from(
      { length: Math.min(settings.parallelPulls, manifest.budget - first + 1) },
      (_, offset) => first + offset,
    );
    const arms = chooseBatch(state, pulls, settings.armChoice, manifest, bonus);
    const scratches = arms.map(() => state.fork());
    const found = await runBatch(context, signal, (batchContext) =>
      arms.map((arm, at) => runPull(batchContext, scratches[at]!, bySeed.get(arm.id)!, pulls[at]!)),
    );
    const finished = [];
    for (const [at, records] of found.entries())
      finished.push(
        await finishPull(run, scaling, {
          records,
          scratch: scratches[at]!,
          arm: arms[at]!,
          pull: pulls[at]!,
          at,
        }),
      );
    store.generation.commitPulls(finished);
    stopIfCallsFail(engine, store, runId);
    run.progress('search', run.seeds.length);
    first += pulls.length;
    await nextTurn();
  }
}

/** One pull's candidates absorbed into the state, its reward computed and the pull record made. */
async function finishPull(
  run: Search,
  scaling: Scaling,
  done: { records: CandidateRecord[]; scratch: PullScratch; arm: { id: string }; pull: number; at: number },
) {
  const { records } = done;
  const { reward: meanP2, failed } = await run.state.absorb(
    records,
    done.scratch,
    done.at > 0,
    run.options.signal,
  );
  // The reward that moves Q, on the P1 scale the arm started from.
  const reward = failed ? meanP2 : onP1Scale(meanP2, scaling.calibration);
  const accepted = records.filter((record) => record.status === 'accepted').length;
  const pull = {
    runId: run.runId,
    pull: done.pull,
    armId: done.arm.id,
    reward,
    accepted,
    rejected: records.length - accepted,
    finishedAt: Date.now(),
    failed,
  };
  run.state.finishPull(pull);
  return { candidates: records, pull };
}

/** Records how the run ended: failed when more calls failed than `maxErrorRate` allows. */
function finishSearch(run: Search, similarity: string, scaling: Scaling): GenerateSummary {
  const { options, runId, manifest, state } = run;
  const usage = options.engine.usage();
  const calls = failedCallsOf(options.store, runId);
  const status = calls.rate > manifest.config.generate.maxErrorRate ? 'failed' : 'done';
  options.store.runs.setStatus(runId, status, { ...state.counters, ...scaling, usage, calls });
  return { runId, status, calls, budget: manifest.budget, similarity, ...scaling, ...state.counters };
}

/** Stops the run when most of its calls fail or a model of a panel answers none. */
function stopIfCallsFail(engine: Engine, store: Store, runId: string): void {
  failIfMostCallsFail(engine, runId);
  failIfAModelIsDead(engine, store, runId);
}

/**
 * Runs the pulls of one batch with a signal of their own: when one fails, the others are stopped
 * (no paid call goes on for a run that has ended) and the first failure is thrown once all have ended.
 */
async function runBatch<T>(
  context: PullContext,
  signal: AbortSignal | undefined,
  start: (context: PullContext) => Promise<T>[],
): Promise<T[]> {
  const stop = new AbortController();
  const batchSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  // Every call in flight listens to it, as to the run's signal (see createEngine).
  setMaxListeners(0, batchSignal);
  let failure: { error: unknown } | undefined;
  const settled = await Promise.allSettled(
    start({ ...context, grow: { ...context.grow, signal: batchSignal } }).map((pull) =>
      pull.catch((error: unknown) => {
        failure ??= { error };
        stop.abort();
        throw error;
      }),
    ),
  );
  if (failure) throw failure.error;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}

/**
 * The arms of one batch, all chosen from the state before it: UCB counts an arm chosen earlier in
 * the batch as pulled once more (its bonus shrinks, its Q is unchanged); uniform choice draws per pull.
 */
function chooseBatch(
  state: SearchState,
  pulls: readonly number[],
  armChoice: 'ucb' | 'uniform',
  manifest: GenerateManifest,
  bonus: BonusSettings,
) {
  const pending = state.arms.map((arm) => ({ ...arm }));
  return pulls.map((pull) => {
    const index =
      armChoice === 'uniform'
        ? randomArm(pending, seededRandom(manifest.seed * 100_003 + pull))
        : chooseArm(pending, manifest.budget, bonus);
    const arm = pending[index]!;
    pending[index] = { ...arm, c: arm.c + 1 };
    return state.arms[index]!;
  });
}

/** Calls of a whole run (all its processes) that reached a model, and how many failed after retries. */
function failedCallsOf(store: Store, runId: string): { sent: number; failed: number; rate: number } {
  let sent = 0;
  let failed = 0;
  for (const row of store.calls.summary(runId)) {
    sent += row.calls - row.cached - (row.shared ?? 0);
    failed += row.errors;
  }
  return { sent, failed, rate: sent === 0 ? 0 : failed / sent };
}

/** Calls a model must have had, all failed, before the run stops for it. */
const DEAD_MODEL_CALLS = 3;

/**
 * A model of a panel whose every call fails (a dead endpoint, a wrong model name, a 404) stops the
 * run at once with one line naming it and its error: otherwise S would quietly be computed over a
 * smaller panel than the one configured. Resumable once the model is fixed.
 */
function failIfAModelIsDead(engine: Engine, store: Store, runId: string): void {
  for (const { modelId, role, counters } of engine.usage().byModel) {
    const sent = counters.calls - counters.cached;
    if (sent < DEAD_MODEL_CALLS || counters.errors < sent) continue;
    const reason = store.calls.lastError(runId, modelId) ?? 'no error text recorded';
    throw new AdaemError(
      `run ${runId} stopped: all ${sent} calls to ${modelId} (${role}) failed — ${reason}; fix it and resume with --resume ${runId}`,
      { code: 'errors' },
    );
  }
}

/**
 * A run whose calls mostly fail (a dead endpoint, a wrong model name) stops instead of spending its
 * budget on errors: over half of at least 20 calls that reached a model failed. Resumable.
 */
function failIfMostCallsFail(engine: Engine, runId: string): void {
  const { calls, cached, errors } = engine.usage().total;
  const sent = calls - cached;
  if (sent >= 20 && errors / sent > 0.5)
    throw new AdaemError(
      `run ${runId} stopped: ${errors} of ${sent} model calls failed (see adaem runs and the calls table); fix the cause and resume with --resume ${runId}`,
      { code: 'errors' },
    );
}

/** The exact score needs a judge with log-probabilities; otherwise the practical score, and why. */
function scoreVariantOf(config: AdaemConfig, engine: Engine): GenerateManifest['score'] {
  const requested = config.generate.score;
  if (requested === 'practical') return { requested, used: 'practical', fallback: null };
  const judge = panelsOf(config).judge;
  if (judge && engine.provider(judge, 'judge').capabilities.logprobs)
    return { requested, used: 'exact', fallback: null };
  return { requested, used: 'practical', fallback: `judge ${judge ?? '(none)'} gives no log-probabilities` };
}

/** The accepted questions of the run a new one extends, kept out of the new bank. */
function priorOf(store: Store, manifest: GenerateManifest): string[] {
  if (!manifest.extends) return [];
  return store.generation
    .candidates(manifest.extends, { detail: 'none' })
    .filter((record) => record.status === 'accepted')
    .map((record) => record.text);
}

/** The safety model's own output-token limit from `models[]`, when set. */
function safetyLimit(manifest: GenerateManifest): { safetyMaxTokens?: number } {
  const limit = manifest.config.models.find((model) => model.id === manifest.safety)?.maxTokens;
  return limit === undefined ? {} : { safetyMaxTokens: limit };
}
