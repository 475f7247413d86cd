import { ConfigError } from '../../core/errors.js';
import type { Question } from '../../core/question.js';
import type { InformativenessTerms } from '../../stages/generate/informativeness.js';
import type { CallSummaryRow, CandidateRecord, RunRecord, Store } from '../../store/index.js';
import { type GenerateManifest, GenerateManifestSchema } from './manifest.js';

/** One step of a question's lineage: seed → explored → refined… */
export interface LineageStep {
  id: string;
  step: CandidateRecord['step'];
  depth: number;
  text: string;
  sP1: number | null;
}

/** A question in a generated bank, with S under both panels and where it came from. */
export interface GeneratedQuestion {
  id: string;
  text: string;
  armId: string;
  category?: string;
  pull: number;
  round: number | null;
  modelId: string | null;
  sP1: number | null;
  sP2: number | null;
  termsP1: InformativenessTerms | null;
  termsP2: InformativenessTerms | null;
  lineage: LineageStep[];
}

/** The stored outcome of a generation run. */
export interface GenerationResults {
  runId: string;
  status: string;
  manifest: Pick<
    GenerateManifest,
    'explorers' | 'scorers' | 'judge' | 'safety' | 'similarity' | 'score' | 'budget' | 'seed' | 'extends'
  > & {
    seeds: GenerateManifest['seeds'];
    settings: GenerateManifest['config']['generate'];
  };
  pullsDone: number;
  accepted: number;
  rejected: Record<string, number>;
  seeds: { id: string; text: string; category?: string; sP1: number | null; pulls: number }[];
  /** Accepted questions, best P2 score first. */
  questions: GeneratedQuestion[];
  /** Every pull; `failed` says why a pull was no reward (its candidates all failed for infrastructure reasons). */
  pulls: {
    pull: number;
    armId: string;
    reward: number;
    accepted: number;
    rejected: number;
    failed: string | null;
  }[];
  /** Seeds that could not be scored: their arms were excluded, with the reason. */
  excludedSeeds: number;
  usage: CallSummaryRow[];
}

/** The informativeness terms stored in a panel's score detail, if any. */
function termsOf(detail: unknown): InformativenessTerms | null {
  const terms = (detail as { terms?: InformativenessTerms | null } | undefined)?.terms;
  return terms ?? null;
}

/** Reads a generation run's bank, lineage, pulls and usage from the store. */
export function collectGeneration(store: Store, runId: string): GenerationResults {
  const { run, manifest } = loadGenerationRun(store, runId);
  const candidates = store.generation.candidates(runId, { detail: 'kept' });
  const pulls = store.generation.pulls(runId);
  const seeds = candidates.filter((record) => record.step === 'seed');
  const categoryOf = new Map(seeds.map((seed) => [seed.id, seed.detail.category as string | undefined]));
  const questions = acceptedQuestions(runId, candidates, categoryOf);
  return {
    runId,
    status: run.status,
    manifest: summarizeManifest(manifest),
    pullsDone: pulls.length,
    accepted: questions.length,
    rejected: countRejections(candidates),
    seeds: summarizeSeeds(seeds, categoryOf, pulls),
    questions,
    pulls: pulls.map(({ pull, armId, reward, accepted, rejected, failed }) => ({
      pull,
      armId,
      reward,
      accepted,
      rejected,
      failed,
    })),
    excludedSeeds: seeds.filter((seed) => seed.sP1 === null).length,
    usage: store.calls.summary(runId),
  };
}

/** The stored run and its generation manifest; a ConfigError when it is missing or not a generation run. */
function loadGenerationRun(store: Store, runId: string): { run: RunRecord; manifest: GenerateManifest } {
  const run = store.runs.get(runId);
  if (!run) throw new ConfigError(`no run "${runId}" in ${store.path}`);
  const parsed = GenerateManifestSchema.safeParse(run.manifest);
  if (!parsed.success) throw new ConfigError(`run "${runId}" is not a generation run`);
  return { run, manifest: parsed.data };
}

/** How many candidates were rejected, per reason. */
function countRejections(candidates: readonly CandidateRecord[]): Record<string, number> {
  const rejected: Record<string, number> = {};
  for (const record of candidates)
    if (record.status === 'rejected')
      rejected[record.reason ?? 'unknown'] = (rejected[record.reason ?? 'unknown'] ?? 0) + 1;
  return rejected;
}

/** A candidate's ancestry, seed first, down to the candidate itself. */
function lineageOf(record: CandidateRecord, byId: ReadonlyMap<string, CandidateRecord>): LineageStep[] {
  const steps: LineageStep[] = [];
  for (let at: CandidateRecord | undefined = record; at; at = at.parentId ? byId.get(at.parentId) : undefined)
    steps.unshift({ id: at.id, step: at.step, depth: at.depth, text: at.text, sP1: at.sP1 });
  const seed = byId.get(record.armId);
  if (seed) steps.unshift({ id: seed.id, step: 'seed', depth: 0, text: seed.text, sP1: seed.sP1 });
  return steps;
}

/** The accepted (non-seed) candidates as questions with their scores and lineage, best P2 score first. */
function acceptedQuestions(
  runId: string,
  candidates: readonly CandidateRecord[],
  categoryOf: ReadonlyMap<string, string | undefined>,
): GeneratedQuestion[] {
  const byId = new Map(candidates.map((record) => [record.id, record]));
  return candidates
    .filter((record) => record.status === 'accepted' && record.step !== 'seed')
    .map((record): GeneratedQuestion => {
      const category = categoryOf.get(record.armId);
      return {
        id: `${runId}:${record.id}`,
        text: record.text,
        armId: record.armId,
        ...(category ? { category } : {}),
        pull: record.pull,
        round: record.round,
        modelId: record.modelId,
        sP1: record.sP1,
        sP2: record.sP2,
        termsP1: termsOf(record.detail.p1),
        termsP2: termsOf(record.detail.p2),
        lineage: lineageOf(record, byId),
      };
    })
    .sort((a, b) => (b.sP2 ?? -Infinity) - (a.sP2 ?? -Infinity));
}

/** The parts of the manifest a generation's results show. */
function summarizeManifest(manifest: GenerateManifest): GenerationResults['manifest'] {
  return {
    explorers: manifest.explorers,
    scorers: manifest.scorers,
    judge: manifest.judge,
    safety: manifest.safety,
    similarity: manifest.similarity,
    score: manifest.score,
    budget: manifest.budget,
    seed: manifest.seed,
    extends: manifest.extends,
    seeds: manifest.seeds,
    settings: manifest.config.generate,
  };
}

/** Each seed with its category, S under P1 and how many pulls its arm had. */
function summarizeSeeds(
  seeds: readonly CandidateRecord[],
  categoryOf: ReadonlyMap<string, string | undefined>,
  pulls: readonly { armId: string }[],
): GenerationResults['seeds'] {
  const pullsPerArm = new Map<string, number>();
  for (const pull of pulls) pullsPerArm.set(pull.armId, (pullsPerArm.get(pull.armId) ?? 0) + 1);
  return seeds.map((seed) => ({
    id: seed.id,
    text: seed.text,
    ...(categoryOf.get(seed.id) ? { category: categoryOf.get(seed.id) } : {}),
    sP1: seed.sP1,
    pulls: pullsPerArm.get(seed.id) ?? 0,
  }));
}

/** A generated bank as questions to evaluate, best first, each keeping its S and lineage. */
export function bankOf(results: GenerationResults, top?: number): Question[] {
  return results.questions.slice(0, top).map((question) => ({
    id: question.id,
    text: question.text,
    ...(question.category ? { category: question.category } : {}),
    source: `adaem-generate:${results.runId}`,
    generation: {
      runId: results.runId,
      armId: question.armId,
      pull: question.pull,
      modelId: question.modelId,
      sP1: question.sP1,
      sP2: question.sP2,
      termsP2: question.termsP2,
      lineage: question.lineage,
    },
  }));
}
