import type { Question } from '../core/question.js';
import { type Arm, initialArms, updateArm } from '../stages/generate/bandit.js';
import type { QuestionPool } from '../stages/generate/dedup.js';
import type { ShownExample } from '../stages/generate/explore.js';
import type { SimilarityBackend } from '../stages/similarity/similarity-backend.js';
import type { CandidateRecord, PullRecord } from '../store/index.js';

/** Counters shown while the search runs and stored in its summary. */
export interface SearchCounters {
  pullsDone: number;
  /** Candidates in the bank (accepted, scored by P2). */
  accepted: number;
  /** Candidate versions left out, by reason (duplicate, unsafe, unparseable, error, no-gain, unscorable). */
  rejected: Record<string, number>;
  bestScore: number | null;
  meanScore: number | null;
}

/** Whether a stored candidate's text is one of "the questions so far" that dedup compares against. */
export function inPool(record: Pick<CandidateRecord, 'step' | 'status' | 'reason'>): boolean {
  if (record.step === 'seed') return true;
  if (record.status === 'accepted' || record.status === 'superseded') return true;
  return record.step === 'explore' && !['duplicate', 'unparseable', 'error'].includes(record.reason ?? '');
}

/**
 * The search's state — arms, each arm's bank, the dedup pool, counters — rebuilt from stored seeds,
 * candidates and finished pulls, so a resumed run continues exactly where the last pull ended.
 */
export class SearchState {
  arms: Arm[] = [];
  readonly armIndex = new Map<string, number>();
  private readonly bank = new Map<string, { id: string; text: string; score: number; position: number }[]>();
  private sumScore = 0;
  readonly counters: SearchCounters = {
    pullsDone: 0,
    accepted: 0,
    rejected: {},
    bestScore: null,
    meanScore: null,
  };
  nextPosition = 0;

  constructor(
    readonly seeds: readonly Question[],
    readonly pool: QuestionPool,
    private readonly similarity: SimilarityBackend,
  ) {}

  /** Replays stored candidates and pulls; seeds without a stored score are returned to be scored. */
  async replay(
    candidates: readonly CandidateRecord[],
    pulls: readonly PullRecord[],
    prior: readonly string[] = [],
  ) {
    const vectors = await this.similarity.vectors([
      ...prior,
      ...candidates.filter(inPool).map((c) => c.text),
    ]);
    for (let index = 0; index < prior.length; index++) this.pool.add(`prior-${index}`, vectors[index]!);
    let at = prior.length;
    const seedScores = new Map<string, number>();
    for (const record of candidates) {
      if (inPool(record)) this.pool.add(record.id, vectors[at++]!);
      this.nextPosition = Math.max(this.nextPosition, record.position + 1);
      if (record.step === 'seed') seedScores.set(record.id, record.sP1 ?? 0);
      else this.count(record);
    }
    this.arms = initialArms(this.seeds.map((seed) => ({ id: seed.id, score: seedScores.get(seed.id) ?? 0 })));
    for (const [index, arm] of this.arms.entries()) this.armIndex.set(arm.id, index);
    for (const pull of pulls) this.finishPull(pull);
    return this.seeds.filter((seed) => !seedScores.has(seed.id));
  }

  /** Sets an arm's starting reward from its seed's S under P1 (before any pull). */
  setSeedScore(seedId: string, score: number): void {
    const index = this.armIndex.get(seedId)!;
    this.arms[index] = { id: seedId, q: score, c: 1 };
  }

  /** Counts a stored or new candidate version; an accepted one joins its arm's bank. */
  count(
    record: Pick<CandidateRecord, 'id' | 'armId' | 'text' | 'status' | 'reason' | 'sP2' | 'position'>,
  ): void {
    if (record.status === 'rejected') {
      const reason = record.reason ?? 'unknown';
      this.counters.rejected[reason] = (this.counters.rejected[reason] ?? 0) + 1;
    }
    if (record.status !== 'accepted' || record.sP2 === null) return;
    const list = this.bank.get(record.armId) ?? [];
    list.push({ id: record.id, text: record.text, score: record.sP2, position: record.position });
    this.bank.set(record.armId, list);
    this.counters.accepted++;
    this.sumScore += record.sP2;
    this.counters.bestScore = Math.max(this.counters.bestScore ?? record.sP2, record.sP2);
    this.counters.meanScore = this.sumScore / this.counters.accepted;
  }

  /** After a pull: C += 1, Q moves towards the pull's reward. */
  finishPull(pull: Pick<PullRecord, 'armId' | 'reward'>): void {
    const index = this.armIndex.get(pull.armId);
    if (index === undefined)
      throw new Error(`a stored pull names arm ${pull.armId}, which is not a seed of this run`);
    this.arms[index] = updateArm(this.arms[index]!, pull.reward);
    this.counters.pullsDone++;
  }

  /** The arm's best questions so far (by P2 score, then age), for the explorer. */
  shown(armId: string, count: number): ShownExample[] {
    return [...(this.bank.get(armId) ?? [])]
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .slice(0, count)
      .map((entry) => ({ text: entry.text, score: entry.score }));
  }
}
