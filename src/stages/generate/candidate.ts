import type { SafetyVerdict } from './safety.js';
import type { PanelScore } from './score-panel.js';

/** Why a candidate is not in the bank. */
export type RejectReason =
  | 'duplicate'
  | 'unsafe'
  /** The safety check itself failed or was unreadable: the question stays out, unjudged. */
  | 'safety-failed'
  | 'unparseable'
  | 'error'
  | 'no-gain'
  | 'unscorable';

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

/**
 * Whether a rejected candidate version failed for an infrastructure reason — a failed call, an
 * unreadable reply, a panel that could not be scored for those — rather than for what it says.
 */
export function failedForInfrastructure(record: {
  status: string;
  reason: string | null;
  /** The stored detail: `p1` and `p2` are the panel scores, when the version was scored. */
  detail: Record<string, unknown>;
}): boolean {
  if (record.status !== 'rejected') return false;
  if (record.reason === 'error' || record.reason === 'unparseable' || record.reason === 'safety-failed')
    return true;
  if (record.reason !== 'unscorable') return false;
  const failure = (score: unknown) =>
    typeof score === 'object' && score !== null && 'failure' in score ? score.failure : undefined;
  return (failure(record.detail.p2) ?? failure(record.detail.p1)) !== 'content';
}
