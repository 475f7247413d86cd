import type { Question } from '../../core/question.js';
import { type Arm, initialArms, updateArm } from '../../stages/generate/bandit.js';
import { failedForInfrastructure } from '../../stages/generate/candidate.js';
import type { DedupVerdict, PoolOverlay, QuestionPool } from '../../stages/generate/dedup.js';
import type { ShownExample } from '../../stages/generate/explore.js';
import type { SimilarityBackend } from '../../stages/similarity/similarity-backend.js';
import type { TextVector } from '../../stages/similarity/text-vector.js';
import type { CandidateRecord, PullRecord } from '../../store/index.js';

/** Counters shown while the search runs and stored in its summary. */
export interface SearchCounters {
  pullsDone: number;
  /** Pulls that were no reward: every candidate failed for an infrastructure reason (counted in `pullsDone`). */
  failedPulls: number;
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

type Counted = Pick<CandidateRecord, 'id' | 'armId' | 'text' | 'status' | 'reason' | 'sP2' | 'position'>;
type BankEntry = { id: string; text: string; score: number; position: number };

/** What one pull reads and writes while it runs: the dedup pool, positions, counts, the arm's examples. */
export interface PullState {
  readonly pool: {
    check(vector: TextVector, ignore?: ReadonlySet<string>): DedupVerdict;
    add(id: string, vector: TextVector): void;
  };
  nextPosition: number;
  count(record: Counted): void;
  shown(armId: string, count: number): ShownExample[];
}

/** The best `count` of a bank, by score and then age. */
function best(entries: readonly BankEntry[], count: number): ShownExample[] {
  return [...entries]
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, count)
    .map((entry) => ({ text: entry.text, score: entry.score }));
}

/**
 * One pull's own view of the search while other pulls of its batch run: it sees the state as the
 * batch began plus what it adds itself, and changes nothing shared until `SearchState.absorb`.
 */
export class PullScratch implements PullState {
  readonly pool: PoolOverlay;
  nextPosition: number;
  private readonly added: (BankEntry & { armId: string })[] = [];

  constructor(private readonly base: SearchState) {
    this.pool = base.pool.overlay();
    this.nextPosition = base.nextPosition;
  }

  count(record: Counted): void {
    if (record.status === 'accepted' && record.sP2 !== null)
      this.added.push({
        armId: record.armId,
        id: record.id,
        text: record.text,
        score: record.sP2,
        position: record.position,
      });
  }

  shown(armId: string, count: number): ShownExample[] {
    return best([...this.base.bankOf(armId), ...this.added.filter((entry) => entry.armId === armId)], count);
  }
}

/**
 * The search's state — arms, each arm's bank, the dedup pool, counters — rebuilt from stored seeds,
 * candidates and finished pulls, so a resumed run continues exactly where the last pull ended.
 */
export class SearchState implements PullState {
  arms: Arm[] = [];
  readonly armIndex = new Map<string, number>();
  private readonly bank = new Map<string, BankEntry[]>();
  private sumScore = 0;
  readonly counters: SearchCounters = {
    pullsDone: 0,
    failedPulls: 0,
    accepted: 0,
    rejected: {},
    bestScore: null,
    meanScore: null,
  };
  nextPosition = 0;
  private readonly seedPositions = new Map<string, number>();
  /** S of each scored seed under P1, and under P2 for the calibration seeds scored so far. */
  readonly seedScores = new Map<string, number>();
  readonly seedScoresP2 = new Map<string, number>();

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
    const seedScores = this.seedScores;
    for (const record of candidates) {
      if (inPool(record)) this.pool.add(record.id, vectors[at++]!);
      this.nextPosition = Math.max(this.nextPosition, record.position + 1);
      if (record.step !== 'seed') this.count(record);
      else {
        this.seedPositions.set(record.id, record.position);
        // A seed stored without a score (it could not be scored) is scored again on resume.
        if (record.sP1 !== null) seedScores.set(record.id, record.sP1);
        if (record.sP2 !== null) this.seedScoresP2.set(record.id, record.sP2);
      }
    }
    this.arms = initialArms(
      this.seeds.map((seed) => ({
        id: seed.id,
        score: seedScores.get(seed.id) ?? null,
        reason: this.seedPositions.has(seed.id)
          ? 'its seed could not be scored'
          : 'its seed is not scored yet',
      })),
    );
    for (const [index, arm] of this.arms.entries()) this.armIndex.set(arm.id, index);
    for (const pull of pulls) this.finishPull(pull);
    return this.seeds.filter((seed) => !seedScores.has(seed.id));
  }

  /** Where a seed already stored sits (it keeps its place when scored again), or undefined. */
  storedSeedPosition(seedId: string): number | undefined {
    return this.seedPositions.get(seedId);
  }

  /** Sets an arm's starting reward from its seed's S under P1 (before any pull). */
  setSeedScore(seedId: string, score: number): void {
    const index = this.armIndex.get(seedId)!;
    this.arms[index] = { id: seedId, q: score, c: 1 };
    this.seedScores.set(seedId, score);
  }

  /** Keeps an arm out of the search: its seed could not be scored (never Q = 0). */
  excludeArm(seedId: string, reason: string): void {
    const index = this.armIndex.get(seedId)!;
    this.arms[index] = { id: seedId, q: 0, c: 1, excluded: reason };
  }

  /** A view for one pull of a batch (see `PullScratch`). */
  fork(): PullScratch {
    return new PullScratch(this);
  }

  /** The accepted questions of an arm so far. */
  bankOf(armId: string): readonly BankEntry[] {
    return this.bank.get(armId) ?? [];
  }

  /**
   * Takes in the records of one pull that ran in `scratch`, in batch order: gives them their final
   * positions; when earlier pulls of the same batch were taken in first (`recheck`), a chain (an
   * explored question with its refinements) any of whose pooled versions now duplicates one of
   * theirs is rejected whole — no version of it has a P2 score to fall back on; then counts the
   * records and adds them to the pool (with the vectors the pull already computed). Returns the
   * pull's reward: the mean S under P2 of what it added; 0 when it added nothing for a reason that
   * concerns the arm (duplicates, unsafe or refused questions); and no reward (`failed`, why) when
   * every candidate failed for an infrastructure reason — a failed call is not the arm's fault.
   */
  async absorb(
    records: CandidateRecord[],
    scratch: PullScratch,
    recheck: boolean,
    signal?: AbortSignal,
  ): Promise<{ reward: number; failed: string | null }> {
    const pooled = records.filter(inPool);
    const vectors = new Map(pooled.map((record) => [record.id, scratch.pool.local.vectorOf(record.id)]));
    const missing = pooled.filter((record) => vectors.get(record.id) === undefined);
    if (missing.length > 0) {
      const found = await this.similarity.vectors(
        missing.map((record) => record.text),
        signal,
      );
      for (const [index, record] of missing.entries()) vectors.set(record.id, found[index]!);
    }
    const rootOf = new Map<string, string>();
    for (const record of records)
      rootOf.set(
        record.id,
        record.parentId === null ? record.id : (rootOf.get(record.parentId) ?? record.id),
      );
    const dropped = new Map<string, string>();
    for (const record of recheck ? pooled : []) {
      const root = rootOf.get(record.id)!;
      if (record.step === 'seed' || dropped.has(root)) continue;
      const verdict = this.pool.check(vectors.get(record.id)!);
      if (verdict.duplicate)
        dropped.set(
          root,
          `${record.id}: mean top-k similarity ${verdict.similarity.toFixed(3)}; nearest ${verdict.nearestId}, from a pull of the same batch`,
        );
    }
    const rewards: number[] = [];
    let content = false;
    for (const record of records) {
      record.position = this.nextPosition++;
      const duplicateOf = dropped.get(rootOf.get(record.id)!);
      if (duplicateOf !== undefined) {
        Object.assign(record, { status: 'rejected', reason: 'duplicate' });
        record.detail = { ...record.detail, duplicateOf };
      }
      this.count(record);
      if (inPool(record)) this.pool.add(record.id, vectors.get(record.id)!);
      if (record.status === 'accepted' && record.sP2 !== null) rewards.push(record.sP2);
      // Anything but an infrastructure failure says something about the arm (a duplicate, an unsafe question…).
      if (record.status === 'rejected' && !failedForInfrastructure(record)) content = true;
    }
    if (rewards.length > 0)
      return { reward: rewards.reduce((sum, value) => sum + value, 0) / rewards.length, failed: null };
    if (records.length > 0 && !content) {
      const reasons = new Map<string, number>();
      for (const record of records)
        if (record.status === 'rejected') reasons.set(record.reason!, (reasons.get(record.reason!) ?? 0) + 1);
      const list = [...reasons].map(([reason, count]) => `${count} ${reason}`).join(', ');
      return { reward: 0, failed: `every candidate failed for an infrastructure reason (${list})` };
    }
    return { reward: 0, failed: null };
  }

  /** Counts a stored or new candidate version; an accepted one joins its arm's bank. */
  count(record: Counted): void {
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

  /**
   * After a pull: C += 1, Q moves towards the pull's reward. A failed pull (no reward) counts against
   * the budget and leaves the arm as it was.
   */
  finishPull(pull: Pick<PullRecord, 'armId' | 'reward' | 'failed'>): void {
    const index = this.armIndex.get(pull.armId);
    if (index === undefined)
      throw new Error(`a stored pull names arm ${pull.armId}, which is not a seed of this run`);
    this.counters.pullsDone++;
    if (pull.failed) {
      this.counters.failedPulls++;
      return;
    }
    this.arms[index] = updateArm(this.arms[index]!, pull.reward);
  }

  /** The arm's best questions so far (by P2 score, then age), for the explorer. */
  shown(armId: string, count: number): ShownExample[] {
    return best(this.bankOf(armId), count);
  }
}
