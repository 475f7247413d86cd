import type { Provider } from '../../core/provider.js';
import type { Question } from '../../core/question.js';
import type { CandidateVersion } from '../../stages/generate/candidate.js';
import { explore } from '../../stages/generate/explore.js';
import { type GrowContext, growCandidate } from '../../stages/generate/grow-candidate.js';
import type { CandidateRecord } from '../../store/index.js';
import type { PullState } from './state.js';

/** What one pull needs: the grow context, the explorers as providers, and the search settings. */
export interface PullContext {
  runId: string;
  grow: GrowContext;
  explorers: readonly Provider[];
  rounds: number;
  shots: number;
}

function detailOf(version: CandidateVersion): Record<string, unknown> {
  const {
    text: _text,
    step: _step,
    depth: _depth,
    parent: _parent,
    status: _status,
    reason: _reason,
    ...rest
  } = version;
  return rest;
}

/** One pull under way: where its records go and who it is for. */
interface PullRun {
  context: PullContext;
  state: PullState;
  seed: Question;
  pull: number;
  records: CandidateRecord[];
}

/** An explored question that passed the checks, to be grown. */
interface Survivor {
  index: number;
  text: string;
  fact: string;
  id: string;
}

/**
 * One pull of arm `seed` (method §4): `rounds` rounds in which every explorer proposes a question
 * (in parallel), duplicates are dropped in explorer order, and the survivors are grown (in
 * parallel). Returns every version as a store record (positions from `state.nextPosition`, final
 * once `SearchState.absorb` has taken them in, which also gives the pull's reward).
 */
export async function runPull(
  context: PullContext,
  state: PullState,
  seed: Question,
  pull: number,
): Promise<CandidateRecord[]> {
  const run: PullRun = { context, state, seed, pull, records: [] };
  for (let round = 0; round < context.rounds; round++) {
    const sampleIndex = pull * context.rounds + round;
    const survivors = await exploreRound(run, round, sampleIndex);
    await growSurvivors(run, round, sampleIndex, survivors);
  }
  return run.records;
}

/** Records one version of a candidate with the next position and counts it in the state. */
function record(
  run: PullRun,
  at: { id: string; round: number; modelId: string; parentId: string | null },
  version: CandidateVersion,
): CandidateRecord {
  const entry: CandidateRecord = {
    runId: run.context.runId,
    id: at.id,
    position: run.state.nextPosition++,
    pull: run.pull,
    round: at.round,
    armId: run.seed.id,
    parentId: at.parentId,
    modelId: at.modelId,
    step: version.step,
    depth: version.depth,
    text: version.text,
    status: version.status,
    reason: version.reason ?? null,
    sP1: version.p1?.terms?.s ?? null,
    sP2: version.p2?.terms?.s ?? null,
    detail: detailOf(version),
  };
  run.records.push(entry);
  run.state.count(entry);
  return entry;
}

/** Why a question is a duplicate of one in the pool, in the words stored with it. */
function duplicateDetail(verdict: { similarity: number; nearestId?: string | null }): string {
  return `mean top-k similarity ${verdict.similarity.toFixed(3)}; nearest ${verdict.nearestId}`;
}

/**
 * Every explorer proposes a question; failures and duplicates are recorded as rejected, the others
 * join the pool and are returned to be grown.
 */
async function exploreRound(run: PullRun, round: number, sampleIndex: number): Promise<Survivor[]> {
  const { context, state, seed, pull } = run;
  const { grow } = context;
  const examples = state.shown(seed.id, context.shots);
  const explored = await Promise.all(
    context.explorers.map((provider) =>
      explore({
        provider,
        generalQuestion: seed.text,
        examples,
        params: grow.params,
        sampleIndex,
        signal: grow.signal,
      }),
    ),
  );
  const vectors = await grow.similarity.vectors(
    explored.map((found) => (found.status === 'ok' ? found.question : '')),
    grow.signal,
  );
  const survivors: Survivor[] = [];
  for (const [index, found] of explored.entries()) {
    const id = `p${pull}-r${round}-g${index}`;
    const at = { id: `${id}-d0`, round, modelId: context.explorers[index]!.id, parentId: null };
    const rejected = { step: 'explore', depth: 0, status: 'rejected' } as const;
    if (found.status !== 'ok') {
      record(run, at, {
        ...rejected,
        text: found.raw?.slice(-300) ?? '',
        reason: found.status,
        detail: found.reason,
      });
      continue;
    }
    const verdict = state.pool.check(vectors[index]!);
    if (verdict.duplicate) {
      record(run, at, {
        ...rejected,
        text: found.question,
        reason: 'duplicate',
        detail: duplicateDetail(verdict),
      });
      continue;
    }
    state.pool.add(at.id, vectors[index]!);
    survivors.push({ index, text: found.question, fact: found.fact, id });
  }
  return survivors;
}

/** Grows every survivor (in parallel) and records its versions; accepted refinements join the pool. */
async function growSurvivors(run: PullRun, round: number, sampleIndex: number, survivors: Survivor[]) {
  const { context, state, seed } = run;
  const { grow } = context;
  const grown = await Promise.all(
    survivors.map((survivor) =>
      growCandidate(
        { text: survivor.text, fact: survivor.fact, generalQuestion: seed.text },
        context.explorers[survivor.index]!,
        sampleIndex,
        grow,
        async (text) => {
          const [vector] = await grow.similarity.vectors([text], grow.signal);
          // Its own explored version is in the pool; a refinement is meant to resemble it.
          const verdict = state.pool.check(vector!, new Set([`${survivor.id}-d0`]));
          return verdict.duplicate ? duplicateDetail(verdict) : undefined;
        },
      ),
    ),
  );
  for (const [at, versions] of grown.entries()) {
    const survivor = survivors[at]!;
    const modelId = context.explorers[survivor.index]!.id;
    const ids = versions.map((version) => `${survivor.id}-d${version.depth}`);
    for (const [index, version] of versions.entries()) {
      const parentId = version.parent === undefined ? null : ids[version.parent]!;
      const entry = record(run, { id: ids[index]!, round, modelId, parentId }, version);
      if (version.step === 'refine' && (version.status === 'accepted' || version.status === 'superseded'))
        state.pool.add(entry.id, (await grow.similarity.vectors([version.text], grow.signal))[0]!);
    }
  }
}
