import type { SafetyVerdict } from './safety.js';
import type { PanelScore } from './score-panel.js';

/** Why a candidate is not in the bank. */
export type RejectReason = 'duplicate' | 'unsafe' | 'unparseable' | 'error' | 'no-gain' | 'unscorable';

/**
 * One version of one candidate question, kept or not, with everything that decided its fate.
 * `accepted`: in the bank (scored by P2); `superseded`: a refinement of it was kept instead;
 * `rejected`: left out, with the reason.
 */
export interface CandidateVersion {
  text: string;
  step: 'explore' | 'refine';
  /** 0 for the explored question, 1.. for refinements. */
  depth: number;
  /** Index of the version it was refined from, within the same candidate. */
  parent?: number;
  status: 'accepted' | 'superseded' | 'rejected';
  reason?: RejectReason;
  /** The reason in words (a parse failure, the gain that was too small, the duplicate it matched…). */
  detail?: string;
  fact?: string;
  suggestions?: string;
  /** S and its terms under P1 (explorers). */
  p1?: PanelScore;
  /** S and its terms under P2 (the final reward); only for accepted versions. */
  p2?: PanelScore;
  safety?: SafetyVerdict;
}

/** The S value of a panel score, or undefined when it could not be computed. */
export function scoreOf(score: PanelScore | undefined): number | undefined {
  return score?.terms?.s;
}
