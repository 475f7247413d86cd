import type { AdaemConfig } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import type { Engine } from '../../providers/engine.js';
import type { Store } from '../../store/index.js';
import { refuseUnpriced } from '../evaluate/open-evaluation.js';
import { buildGenerateManifest, type GenerateManifest, GenerateManifestSchema } from './manifest.js';

/**
 * Every model a generation calls — P1, P2, the judge, and the safety model and embedder when set —
 * for the checks that must cover all of them (prices under a cost cap, keys).
 */
export function generationModels(panels: {
  explorers: readonly string[];
  scorers: readonly string[];
  judge: string;
  safety?: string | null;
  embedder?: string | null;
}): string[] {
  const optional = [panels.safety, panels.embedder].filter((id): id is string => typeof id === 'string');
  return [...new Set([...panels.explorers, ...panels.scorers, panels.judge, ...optional])];
}

/** The embedder a stored generation used (its similarity backend is `embedding:<model id>`). */
function embedderOf(manifest: GenerateManifest): string | undefined {
  return manifest.similarity.startsWith('embedding:')
    ? manifest.similarity.slice('embedding:'.length)
    : undefined;
}

/** The models of each generation role in a config: P1, P2, judge, and the optional safety and embedder models. */
export function panelsOf(config: AdaemConfig) {
  const withRole = (role: string) =>
    config.models.filter((model) => (model.roles as string[]).includes(role)).map((model) => model.id);
  return {
    explorers: withRole('generator'),
    scorers: withRole('scorer'),
    judge: withRole('judge')[0],
    safety: withRole('safety')[0],
    embedder: withRole('embedder')[0],
  };
}

/** The panels of a config, refusing one without explorers, final scorers or a judge. */
export function requirePanels(config: AdaemConfig): ReturnType<typeof panelsOf> & { judge: string } {
  const panels = panelsOf(config);
  if (panels.explorers.length === 0)
    throw new ConfigError('no explorer models (P1): give at least one model the generator role');
  if (panels.scorers.length === 0)
    throw new ConfigError('no final scorers (P2): give at least one model the scorer role');
  if (!panels.judge) throw new ConfigError('no judge model: give a model the judge role');
  return { ...panels, judge: panels.judge };
}

/** What a new generation run needs besides the config. */
export interface NewGeneration {
  config: AdaemConfig;
  theory: ValueTheory;
  engine: Engine;
  store: Store;
  seeds: Question[];
  seedSource: string;
  similarity: string;
  score: GenerateManifest['score'];
  budget?: number;
  maxCost?: number;
  allowUnpriced?: boolean;
  runId?: string;
  extendsRun?: string;
}

/** Checks the panels and creates the run: manifest and seeds stored, claimed by this process. */
export function createGeneration(options: NewGeneration): { runId: string; manifest: GenerateManifest } {
  const { config, store } = options;
  const panels = requirePanels(config);
  if (options.seeds.length === 0) throw new ConfigError(`no seed questions in ${options.seedSource}`);
  const manifest = buildGenerateManifest({
    config,
    theory: options.theory,
    explorers: panels.explorers,
    scorers: panels.scorers,
    judge: panels.judge,
    safety: panels.safety,
    similarity: options.similarity,
    score: options.score,
    budget: options.budget ?? config.generate.budget,
    maxCost: options.maxCost ?? config.generate.maxCost,
    seeds: options.seeds,
    seedSource: options.seedSource,
    extendsRun: options.extendsRun,
  });
  refuseUnpriced({
    engine: options.engine,
    models: generationModels({ ...manifest, embedder: embedderOf(manifest) }),
    maxCost: manifest.maxCost,
    allowUnpriced: options.allowUnpriced,
  });
  const runId = options.runId ?? store.runs.newRunId('generate');
  store.runs.create({ id: runId, kind: 'generate', manifest });
  store.runLock.claim(runId);
  store.questions.putMany(runId, options.seeds);
  return { runId, manifest };
}

/** Reopens a generation run to resume it; a resumed run may raise its budget or cost cap. */
export function reopenGeneration(options: {
  store: Store;
  engine: Engine;
  runId: string;
  budget?: number;
  maxCost?: number;
  allowUnpriced?: boolean;
}): { manifest: GenerateManifest; seeds: Question[] } {
  const { store, runId } = options;
  const run = store.runs.get(runId);
  if (!run) throw new ConfigError(`no run "${runId}" in ${store.path}`);
  const parsed = GenerateManifestSchema.safeParse(run.manifest);
  if (!parsed.success) throw new ConfigError(`run "${runId}" is not a generation run`);
  const budget = options.budget ?? parsed.data.budget;
  const maxCost = options.maxCost ?? parsed.data.maxCost;
  // A resumed run may raise its budget or cap; the config it records says the same.
  const generate = { ...parsed.data.config.generate, budget, maxCost: maxCost ?? undefined };
  const manifest = { ...parsed.data, budget, maxCost, config: { ...parsed.data.config, generate } };
  refuseUnpriced({
    engine: options.engine,
    models: generationModels({ ...manifest, embedder: embedderOf(manifest) }),
    maxCost: manifest.maxCost,
    allowUnpriced: options.allowUnpriced,
  });
  store.runLock.claim(runId);
  store.runs.setStatus(runId, 'running');
  return { manifest, seeds: store.questions.list(runId) };
}
