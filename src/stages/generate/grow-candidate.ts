import type { Provider, SamplingParams } from '../../core/provider.js';
import type { ValueTheory } from '../../core/value-theory.js';
import type { SimilarityBackend } from '../similarity/similarity-backend.js';
import type { CandidateVersion } from './candidate.js';
import { refine } from './refine.js';
import { checkSafety } from './safety.js';
import { type PanelSettings, scorePanel } from './score-panel.js';

/** Panels, judge and settings one candidate is grown with. */
export interface GrowContext {
  theory: ValueTheory;
  explorers: readonly Provider[];
  scorers: readonly Provider[];
  judge: Provider;
  safety?: Provider;
  /** Output-token limit of the safety call (reasoning models need more). @default 40 */
  safetyMaxTokens?: number;
  similarity: SimilarityBackend;
  panel: PanelSettings;
  /** Sampling of the reflection + refinement calls. */
  params: SamplingParams;
  /** τ: the S gain (under P1) a refinement must exceed to be kept. */
  refineGain: number;
  /** Refinement rounds at most. */
  refineDepth: number;
  /** What the reflection sees: Listing 7's context, or only question, key points and score. @default "full" */
  reflectionContext?: 'full' | 'answers';
  signal?: AbortSignal;
}

/**
 * Grows one explored question into a bank entry (method §4): S under P1; up to `refineDepth`
 * rounds of reflection + refinement by the model that explored it, each kept only when S gains more
 * than τ (the first that does not, or that repeats another question, stops the chain); the safety check when a safety model is set;
 * and the final reward S under P2. Returns every version, the last kept one `accepted` unless
 * something rejected it.
 */
export async function growCandidate(
  explored: { text: string; fact: string; generalQuestion?: string },
  refiner: Provider,
  sampleIndex: number,
  context: GrowContext,
  /** Why a refinement repeats a question the search already has (dedup), or undefined. */
  duplicateOf?: (text: string) => Promise<string | undefined>,
): Promise<CandidateVersion[]> {
  const { signal } = context;
  const score = (text: string, panel: readonly Provider[]) =>
    scorePanel({
      question: text,
      panel,
      judge: context.judge,
      theory: context.theory,
      similarity: context.similarity,
      settings: context.panel,
      signal,
    });
  const first: CandidateVersion = {
    text: explored.text,
    step: 'explore',
    depth: 0,
    status: 'accepted',
    fact: explored.fact,
    p1: await score(explored.text, context.explorers),
  };
  const versions = [first];
  if (!first.p1?.terms) return reject(versions, 0, 'unscorable', first.p1?.reason);
  let current = 0;
  for (let depth = 1; depth <= context.refineDepth; depth++) {
    const base = versions[current]!;
    const baseScore = base.p1!.terms!.s;
    const refined = await refine({
      provider: refiner,
      question: base.text,
      ...(explored.generalQuestion ? { generalQuestion: explored.generalQuestion } : {}),
      fact: explored.fact,
      answers: base.p1!.answers,
      theory: context.theory,
      score: baseScore,
      context: context.reflectionContext ?? 'full',
      params: context.params,
      sampleIndex,
      signal,
    });
    if (refined.status !== 'ok') {
      versions.push({
        text: base.text,
        step: 'refine',
        depth,
        parent: current,
        status: 'rejected',
        reason: refined.status,
        detail: refined.reason,
      });
      break;
    }
    const copy = await duplicateOf?.(refined.question);
    if (copy !== undefined) {
      // A refinement that repeats another question is not scored; the chain keeps what it had.
      versions.push({
        text: refined.question,
        step: 'refine',
        depth,
        parent: current,
        status: 'rejected',
        reason: 'duplicate',
        detail: copy,
        suggestions: refined.suggestions,
      });
      break;
    }
    const p1 = await score(refined.question, context.explorers);
    const version: CandidateVersion = {
      text: refined.question,
      step: 'refine',
      depth,
      parent: current,
      status: 'rejected',
      suggestions: refined.suggestions,
      p1,
    };
    versions.push(version);
    if (!p1.terms) {
      Object.assign(version, { reason: 'unscorable', detail: p1.reason });
      break;
    }
    const gain = p1.terms.s - baseScore;
    if (!(gain > context.refineGain)) {
      Object.assign(version, {
        reason: 'no-gain',
        detail: `S gain ${gain.toFixed(2)} ≤ τ ${context.refineGain}`,
      });
      break;
    }
    base.status = 'superseded';
    version.status = 'accepted';
    current = versions.length - 1;
  }
  const final = versions[current]!;
  if (context.safety) {
    final.safety = await checkSafety({
      provider: context.safety,
      text: final.text,
      kind: 'question',
      maxTokens: context.safetyMaxTokens,
      signal,
    });
    // A failed or unreadable check keeps the question out too, but it says nothing of the question.
    if (final.safety.status === 'unsafe') return reject(versions, current, 'unsafe', final.safety.category);
    if (final.safety.status !== 'safe')
      return reject(versions, current, 'safety-failed', final.safety.reason);
  }
  final.p2 = await score(final.text, context.scorers);
  if (!final.p2.terms) return reject(versions, current, 'unscorable', `under P2: ${final.p2.reason}`);
  return versions;
}

function reject(
  versions: CandidateVersion[],
  index: number,
  reason: CandidateVersion['reason'],
  detail: string | undefined,
): CandidateVersion[] {
  Object.assign(versions[index]!, { status: 'rejected', reason, ...(detail ? { detail } : {}) });
  return versions;
}
