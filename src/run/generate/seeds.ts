import type { Provider } from '../../core/provider.js';
import type { Question } from '../../core/question.js';
import { seededRandom } from '../../core/seeded-random.js';
import type { GrowContext } from '../../stages/generate/grow-candidate.js';
import { calibrationOf, type RewardCalibration } from '../../stages/generate/reward-scale.js';
import { type PanelScore, scorePanel } from '../../stages/generate/score-panel.js';
import type { CandidateRecord, Store } from '../../store/index.js';
import type { SearchState } from './state.js';

/** What scoring the seeds needs. */
export interface SeedScoring {
  runId: string;
  grow: GrowContext;
  state: SearchState;
  /** Tries per seed before its arm is excluded (`generate.seedAttempts`). */
  attempts: number;
  signal?: AbortSignal;
}

/**
 * S under P1 of one seed, asked again up to `attempts` times while it cannot be computed (a failed
 * call is not cached, so a new attempt asks it anew). Returns the last score and the attempts made.
 */
async function scoreSeed(
  seed: Question,
  scoring: SeedScoring,
): Promise<{ score: PanelScore; tries: number }> {
  const { grow, signal } = scoring;
  let score: PanelScore | undefined;
  let tries = 0;
  while (tries < scoring.attempts && !score?.terms) {
    tries++;
    score = await scorePanel({
      question: seed.text,
      panel: grow.explorers,
      judge: grow.judge,
      theory: grow.theory,
      similarity: grow.similarity,
      settings: grow.panel,
      signal,
    });
  }
  return { score: score!, tries };
}

/**
 * Scores a chunk of seeds to start their arms (method §4 decision: Q = S(seed) under P1, C = 1). A
 * seed that still cannot be scored after its attempts is stored without a score and its arm is
 * excluded with the reason — never started at Q = 0; a resumed run tries it again. New seeds join
 * the dedup pool (a seed stored earlier is already in it). Returns the records to commit.
 */
export async function scoreSeeds(
  chunk: readonly Question[],
  scoring: SeedScoring,
): Promise<CandidateRecord[]> {
  const { state, grow, signal, runId } = scoring;
  const scores = await Promise.all(chunk.map((seed) => scoreSeed(seed, scoring)));
  const fresh = chunk.filter((seed) => state.storedSeedPosition(seed.id) === undefined);
  const vectors = await grow.similarity.vectors(
    fresh.map((seed) => seed.text),
    signal,
  );
  for (const [index, seed] of fresh.entries()) state.pool.add(seed.id, vectors[index]!);
  return chunk.map((seed, index) => {
    const { score, tries } = scores[index]!;
    const s = score.terms?.s ?? null;
    const excluded =
      s === null
        ? `its seed could not be scored in ${tries} attempt${tries === 1 ? '' : 's'}: ${score.reason}`
        : undefined;
    if (excluded === undefined) state.setSeedScore(seed.id, s!);
    else state.excludeArm(seed.id, excluded);
    return {
      runId,
      id: seed.id,
      position: state.storedSeedPosition(seed.id) ?? state.nextPosition++,
      pull: 0,
      round: null,
      armId: seed.id,
      parentId: null,
      modelId: null,
      step: 'seed' as const,
      depth: 0,
      text: seed.text,
      status: 'seed' as const,
      reason: s === null ? 'unscorable' : null,
      sP1: s,
      sP2: null,
      detail: {
        p1: score,
        attempts: tries,
        ...(excluded ? { excluded } : {}),
        ...(seed.category ? { category: seed.category } : {}),
      },
    };
  });
}

/**
 * Puts P2 rewards on the P1 scale (method §4 decision, `generate.calibrationSeeds`): a seeded choice
 * of `count` scored seeds is also scored by P2 (stored on the seed rows; a resumed run scores only
 * those still missing), and the means and spreads of both panels on them give the mapping.
 */
export async function calibrateRewards(
  scoring: SeedScoring & { store: Store; scorers: readonly Provider[]; count: number; seed: number },
): Promise<RewardCalibration | null> {
  const { state, grow, signal } = scoring;
  if (scoring.count === 0) return null;
  const random = seededRandom(scoring.seed * 7919 + 11);
  const order = state.seeds
    .map((seed) => ({ seed, key: random() }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.seed)
    .filter((seed) => state.seedScores.has(seed.id))
    .slice(0, scoring.count);
  const missing = order.filter((seed) => !state.seedScoresP2.has(seed.id));
  const scores = await Promise.all(
    missing.map((seed) =>
      scorePanel({
        question: seed.text,
        panel: scoring.scorers,
        judge: grow.judge,
        theory: grow.theory,
        similarity: grow.similarity,
        settings: grow.panel,
        signal,
      }),
    ),
  );
  for (const [index, seed] of missing.entries()) {
    const score = scores[index]!;
    scoring.store.generation.setSeedScoreP2(scoring.runId, seed.id, score.terms?.s ?? null, score);
    if (score.terms) state.seedScoresP2.set(seed.id, score.terms.s);
  }
  return calibrationOf(
    order
      .filter((seed) => state.seedScoresP2.has(seed.id))
      .map((seed) => ({ p1: state.seedScores.get(seed.id)!, p2: state.seedScoresP2.get(seed.id)! })),
  );
}
