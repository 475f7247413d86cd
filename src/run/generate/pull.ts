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
  const { grow } = context;
  const records: CandidateRecord[] = [];
  const record = (
    id: string,
    round: number,
    modelId: string,
    version: CandidateVersion,
    parentId: string | null,
  ): CandidateRecord => {
    const entry: CandidateRecord = {
      runId: context.runId,
      id,
      position: state.nextPosition++,
      pull,
      round,
      armId: seed.id,
      parentId,
      modelId,
      step: version.step,
      depth: version.depth,
      text: version.text,
      status: version.status,
      reason: version.reason ?? null,
      sP1: version.p1?.terms?.s ?? null,
      sP2: version.p2?.terms?.s ?? null,
      detail: detailOf(version),
    };
    records.push(entry);
    state.count(entry);
    return entry;
  };
  for (let round = 0; round < context.rounds; round++) {
    const sampleIndex = pull * context.rounds + round;
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
    const survivors: { index: number; text: string; fact: string; id: string }[] = [];
    const vectors = await grow.similarity.vectors(
      explored.map((found) => (found.status === 'ok' ? found.question : '')),
      grow.signal,
    );
    for (const [index, found] of explored.entries()) {
      const id = `p${pull}-r${round}-g${index}`;
      const modelId = context.explorers[index]!.id;
      if (found.status !== 'ok') {
        record(
          `${id}-d0`,
          round,
          modelId,
          {
            text: found.raw?.slice(-300) ?? '',
            step: 'explore',
            depth: 0,
            status: 'rejected',
            reason: found.status,
            detail: found.reason,
          },
          null,
        );
        continue;
      }
      const verdict = state.pool.check(vectors[index]!);
      if (verdict.duplicate) {
        const detail = `mean top-k similarity ${verdict.similarity.toFixed(3)}; nearest ${verdict.nearestId}`;
        record(
          `${id}-d0`,
          round,
          modelId,
          {
            text: found.question,
            step: 'explore',
            depth: 0,
            status: 'rejected',
            reason: 'duplicate',
            detail,
          },
          null,
        );
        continue;
      }
      state.pool.add(`${id}-d0`, vectors[index]!);
      survivors.push({ index, text: found.question, fact: found.fact, id });
    }
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
            return verdict.duplicate
              ? `mean top-k similarity ${verdict.similarity.toFixed(3)}; nearest ${verdict.nearestId}`
              : undefined;
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
        const entry = record(ids[index]!, round, modelId, version, parentId);
        if (version.step === 'refine' && (version.status === 'accepted' || version.status === 'superseded'))
          state.pool.add(entry.id, (await grow.similarity.vectors([version.text], grow.signal))[0]!);
      }
    }
  }
  return records;
}
