import type Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import type { WriteBuffer } from './write-buffer.js';

/** One candidate question of a generation run (a seed, an exploration or a refinement), kept or not. */
export interface CandidateRecord {
  runId: string;
  /** Unique within the run: a seed's id, or `p<pull>-r<round>-<model index>-d<depth>`. */
  id: string;
  /** Insertion order within the run. */
  position: number;
  /** 0 for seeds. */
  pull: number;
  round: number | null;
  armId: string;
  parentId: string | null;
  modelId: string | null;
  step: 'seed' | 'explore' | 'refine';
  depth: number;
  text: string;
  status: 'seed' | 'accepted' | 'superseded' | 'rejected';
  reason: string | null;
  sP1: number | null;
  sP2: number | null;
  /** Everything else as JSON: the reason in words, the fact, suggestions, each panel's answers and terms, safety. */
  detail: Record<string, unknown>;
}

/** One finished pull of the bandit: which arm, the reward it got, what it added. */
export interface PullRecord {
  runId: string;
  pull: number;
  armId: string;
  reward: number;
  accepted: number;
  rejected: number;
  finishedAt: number;
  /**
   * Why the pull is no reward — every candidate failed for an infrastructure reason (a failed call,
   * an unreadable reply) — or null. Such a pull counts against the budget; the arm's Q and C stay.
   */
  failed: string | null;
}

interface CandidateRow {
  run_id: string;
  id: string;
  position: number;
  pull: number;
  round: number | null;
  arm_id: string;
  parent_id: string | null;
  model_id: string | null;
  step: string;
  depth: number;
  text: string;
  status: string;
  reason: string | null;
  s_p1: number | null;
  s_p2: number | null;
  detail: string;
}

function parseDetail(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new StoreError('a stored generation candidate is not valid JSON', { code: 'corrupt-row' });
  }
}

/** Candidates and pulls of generation runs. A pull's rows are committed together with its pull row. */
export class GenerationTables {
  private readonly insertCandidate: Database.Statement<unknown[]>;
  private readonly insertPull: Database.Statement<unknown[]>;

  constructor(
    private readonly db: Database.Database,
    private readonly buffer: WriteBuffer,
  ) {
    this.insertCandidate = db.prepare(
      'INSERT OR REPLACE INTO generation_candidates VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    this.insertPull = db.prepare(
      'INSERT OR REPLACE INTO generation_pulls (run_id, pull, arm_id, reward, accepted, rejected, finished_at, failed) VALUES (?,?,?,?,?,?,?,?)',
    );
  }

  /** Candidates (and the pull row that closes them), committed in one transaction. */
  commit(candidates: readonly CandidateRecord[], pull?: PullRecord): void {
    this.buffer.commitTogether(this.writes(candidates, pull));
  }

  /** A seed's S under P2 (calibration of the reward scale), with the panel's answers in its detail. */
  setSeedScoreP2(runId: string, seedId: string, sP2: number | null, p2: unknown): void {
    const statement = this.db.prepare(
      "UPDATE generation_candidates SET s_p2 = ?, detail = json_set(detail, '$.p2', json(?)) WHERE run_id = ? AND id = ? AND step = 'seed'",
    );
    this.buffer.commitTogether([() => statement.run(sP2, JSON.stringify(p2), runId, seedId)]);
  }

  /** Several pulls with their candidates in one transaction: a batch of parallel pulls is stored whole or not at all. */
  commitPulls(batch: readonly { candidates: readonly CandidateRecord[]; pull: PullRecord }[]): void {
    this.buffer.commitTogether(batch.flatMap(({ candidates, pull }) => this.writes(candidates, pull)));
  }

  private writes(candidates: readonly CandidateRecord[], pull?: PullRecord): (() => void)[] {
    const writes = candidates.map(
      (c) => () =>
        this.insertCandidate.run(
          c.runId,
          c.id,
          c.position,
          c.pull,
          c.round,
          c.armId,
          c.parentId,
          c.modelId,
          c.step,
          c.depth,
          c.text,
          c.status,
          c.reason,
          c.sP1,
          c.sP2,
          JSON.stringify(c.detail),
        ),
    );
    if (pull)
      writes.push(() =>
        this.insertPull.run(
          pull.runId,
          pull.pull,
          pull.armId,
          pull.reward,
          pull.accepted,
          pull.rejected,
          pull.finishedAt,
          pull.failed,
        ),
      );
    return writes;
  }

  /**
   * A run's candidates in order. `detail`: `all` (default); `kept`, only for seeds and accepted
   * questions (what a bank shows); `none` (what resuming needs) — the rest read as `{}`. The detail
   * (every panel answer) is most of a candidate's size, so a paper-scale run reads much faster without it.
   */
  candidates(runId: string, options: { detail?: 'all' | 'kept' | 'none' } = {}): CandidateRecord[] {
    const detail = {
      all: 'detail',
      kept: "CASE WHEN status IN ('seed', 'accepted') THEN detail ELSE '{}' END AS detail",
      none: "'{}' AS detail",
    }[options.detail ?? 'all'];
    return this.db
      .prepare<[string], CandidateRow>(
        `SELECT run_id, id, position, pull, round, arm_id, parent_id, model_id, step, depth, text, status, reason, s_p1, s_p2, ${detail} FROM generation_candidates WHERE run_id = ? ORDER BY position`,
      )
      .all(runId)
      .map((row) => ({
        runId: row.run_id,
        id: row.id,
        position: row.position,
        pull: row.pull,
        round: row.round,
        armId: row.arm_id,
        parentId: row.parent_id,
        modelId: row.model_id,
        step: row.step as CandidateRecord['step'],
        depth: row.depth,
        text: row.text,
        status: row.status as CandidateRecord['status'],
        reason: row.reason,
        sP1: row.s_p1,
        sP2: row.s_p2,
        detail: parseDetail(row.detail),
      }));
  }

  pulls(runId: string): PullRecord[] {
    return this.db
      .prepare<
        [string],
        {
          run_id: string;
          pull: number;
          arm_id: string;
          reward: number;
          accepted: number;
          rejected: number;
          finished_at: number;
          failed: string | null;
        }
      >('SELECT * FROM generation_pulls WHERE run_id = ? ORDER BY pull')
      .all(runId)
      .map((row) => ({
        runId: row.run_id,
        pull: row.pull,
        armId: row.arm_id,
        reward: row.reward,
        accepted: row.accepted,
        rejected: row.rejected,
        finishedAt: row.finished_at,
        failed: row.failed,
      }));
  }
}
