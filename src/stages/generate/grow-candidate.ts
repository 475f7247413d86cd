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
  const first: CandidateVersion = {
    text: explored.text,
    step: 'explore',
    depth: 0,
    status: 'accepted',
    fact: explored.fact,
    p1: await scoreUnder(context, explored.text, context.explorers),
  };
  const versions = [first];
  if (!first.p1?.terms) return reject(versions, 0, 'unscorable', first.p1?.reason);
  let current = 0;
  for (let depth = 1; depth <= context.refineDepth; depth++) {
    const step = { explored, refiner, sampleIndex, context, duplicateOf, depth, parent: current };
    const version = await refineOnce(versions[current]!, step);
    versions.push(version);
    if (version.status !== 'accepted') break;
    versions[current]!.status = 'superseded';
    current = versions.length - 1;
  }
  return finishCandidate(versions, current, context);
}

/** S of `text` under `panel`, read by the context's judge. */
function scoreUnder(context: GrowContext, text: string, panel: readonly Provider[]) {
  return scorePanel({
    question: text,
    panel,
    judge: context.judge,
    theory: context.theory,
    similarity: context.similarity,
    settings: context.panel,
    signal: context.signal,
  });
}

/** One round of reflection + refinement. */
interface RefineStep {
  explored: { fact: string; generalQuestion?: string };
  refiner: Provider;
  sampleIndex: number;
  context: GrowContext;
  duplicateOf: ((text: string) => Promise<string | undefined>) | undefined;
  depth: number;
  /** Index of the version refined. */
  parent: number;
}

/**
 * Refines `base` once: the new version is `accepted` only when it scores and S gains more than τ;
 * otherwise it is `rejected` with the reason (refinement failed, duplicate, unscorable, no gain).
 */
async function refineOnce(base: CandidateVersion, step: RefineStep): Promise<CandidateVersion> {
  const { context, depth, parent } = step;
  const baseScore = base.p1!.terms!.s;
  const refined = await refine({
    provider: step.refiner,
    question: base.text,
    ...(step.explored.generalQuestion ? { generalQuestion: step.explored.generalQuestion } : {}),
    fact: step.explored.fact,
    answers: base.p1!.answers,
    theory: context.theory,
    score: baseScore,
    context: context.reflectionContext ?? 'full',
    params: context.params,
    sampleIndex: step.sampleIndex,
    signal: context.signal,
  });
  const rejected = { step: 'refine', depth, parent, status: 'rejected' } as const;
  if (refined.status !== 'ok')
    return { ...rejected, text: base.text, reason: refined.status, detail: refined.reason };
  const copy = await step.duplicateOf?.(refined.question);
  // A refinement that repeats another question is not scored; the chain keeps what it had.
  if (copy !== undefined)
    return {
      ...rejected,
      text: refined.question,
      reason: 'duplicate',
      detail: copy,
      suggestions: refined.suggestions,
    };
  const p1 = await scoreUnder(context, refined.question, context.explorers);
  const version: CandidateVersion = {
    ...rejected,
    text: refined.question,
    suggestions: refined.suggestions,
    p1,
  };
  if (!p1.terms) return { ...version, reason: 'unscorable', detail: p1.reason };
  const gain = p1.terms.s - baseScore;
  if (!(gain > context.refineGain))
    return { ...version, reason: 'no-gain', detail: `S gain ${gain.toFixed(2)} ≤ τ ${context.refineGain}` };
  return { ...version, status: 'accepted' };
}

/** The safety check (when a safety model is set) and S under P2 for the last kept version. */
async function finishCandidate(
  versions: CandidateVersion[],
  current: number,
  context: GrowContext,
): Promise<CandidateVersion[]> {
  const final = versions[current]!;
  if (context.safety) {
    final.safety = await checkSafety({
      provider: context.safety,
      text: final.text,
      kind: 'question',
      maxTokens: context.safetyMaxTokens,
      signal: context.signal,
    });
    // A failed or unreadable check keeps the question out too, but it says nothing of the question.
    if (final.safety.status === 'unsafe') return reject(versions, current, 'unsafe', final.safety.category);
    if (final.safety.status !== 'safe')
      return reject(versions, current, 'safety-failed', final.safety.reason);
  }
  final.p2 = await scoreUnder(context, final.text, context.scorers);
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
