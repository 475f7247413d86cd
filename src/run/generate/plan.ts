import type { AdaemConfig, Price, Role } from '../../core/config.js';
import type { GenerateConfig } from '../../core/generate-config.js';
import { type JudgePromptChoice, judgePromptFor } from '../../core/prompts/judge-prompt.js';
import {
  formatPointLines,
  opinionPrompt,
  renderJudgeBatched,
  renderJudgeValue,
} from '../../core/prompts/templates.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { judgeCallsPerOpinion } from '../../stages/judge/judge-opinion.js';
import { costOf, estimateTokens, type PlannedCalls } from '../evaluate/plan.js';
import { withExecutionCosts } from '../plan-execution.js';

/** Token sizes assumed per generation-side call (input, output); the prompts are short, the examples and answers vary. */
const SIZES = {
  opinion: { output: 300 },
  exploreFact: { input: 260, output: 220 },
  exploreQuestion: { input: 520, output: 40 },
  reflect: { input: 700, output: 160 },
  refine: { input: 900, output: 40 },
  safety: { input: 120, output: 4 },
};
/** Refinements per candidate assumed on average (each stops at the first that does not gain more than τ). */
const EXPECTED_REFINEMENTS = 1;
/** A typical generated question, for sizing prompts. */
const TYPICAL_QUESTION =
  'Should cities in Kenya tax sugary drinks to fund public clinics, even if small shops lose income?';

/**
 * The calls, tokens and cost a generation run is expected to make per model and role: every seed
 * scored by P1, then `budget` pulls × `rounds` rounds × one candidate per explorer, each explored
 * (2 calls), scored by P1, refined once on average (reflection + refinement, and P1 again), checked
 * by the safety model when there is one, and scored by P2. No cache hits assumed (a model in both
 * panels answers a question once in practice).
 */
export function planGeneration(options: {
  config: AdaemConfig;
  theory: ValueTheory;
  seeds: number;
  explorers: readonly string[];
  scorers: readonly string[];
  judge: string;
  safety?: string;
  settings: GenerateConfig;
  priceOf: (modelId: string) => Price | undefined;
}): PlannedCalls[] {
  const { settings, theory } = options;
  const counts = countScorings(options);
  const rows = new Map<string, PlannedCalls>();
  addPanelRows(rows, options, counts, opinionInputTokens(settings.pointsPerAnswer));
  const judge = sizeJudgeCall(settings, theory);
  addJudgeRow(rows, options, counts, judge.input);
  if (options.safety)
    addCalls(rows, options.safety, 'safety', counts.candidates, SIZES.safety.input, SIZES.safety.output);
  const priced = [...rows.values()].map((row) => ({
    ...row,
    costUsd: costOf(options.priceOf(row.modelId), row.inputTokens, row.outputTokens),
    ...(row.role === 'judge' ? { judgePrompt: judge.judgePrompt, prefixTokens: judge.prefixTokens } : {}),
  }));
  return withExecutionCosts(priced, {
    config: options.config,
    priceOf: options.priceOf,
    prefixTokens: (row) => (row.role === 'judge' ? judge.prefixTokens : 0),
  });
}

type GenerationPlanOptions = Parameters<typeof planGeneration>[0];
type ScoringCounts = ReturnType<typeof countScorings>;

/** Each explorer's rows (P1 scorings, exploration, reflection and refinement) and each P2 scorer's. */
function addPanelRows(
  rows: Map<string, PlannedCalls>,
  options: GenerationPlanOptions,
  counts: ScoringCounts,
  opinionInput: number,
): void {
  for (const id of options.explorers) {
    addCalls(rows, id, 'generator', counts.p1Scorings, opinionInput, SIZES.opinion.output);
    const perExplorer = counts.candidates / options.explorers.length;
    const refined = perExplorer * counts.refinements;
    addCalls(rows, id, 'generator', perExplorer, SIZES.exploreFact.input, SIZES.exploreFact.output);
    addCalls(rows, id, 'generator', perExplorer, SIZES.exploreQuestion.input, SIZES.exploreQuestion.output);
    addCalls(rows, id, 'generator', refined, SIZES.reflect.input, SIZES.reflect.output);
    addCalls(rows, id, 'generator', refined, SIZES.refine.input, SIZES.refine.output);
  }
  for (const id of options.scorers)
    addCalls(rows, id, 'scorer', counts.p2Scorings, opinionInput, SIZES.opinion.output);
}

/** The judge's row: every key point of every panel answer, and each question itself, in the judge's mode. */
function addJudgeRow(
  rows: Map<string, PlannedCalls>,
  options: GenerationPlanOptions,
  counts: ScoringCounts,
  inputPerCall: number,
): void {
  const { settings, theory } = options;
  const judgedTexts =
    counts.p1Scorings * (options.explorers.length * settings.pointsPerAnswer + 1) +
    counts.p2Scorings * (options.scorers.length * settings.pointsPerAnswer + 1);
  addCalls(
    rows,
    options.judge,
    'judge',
    judgedTexts * judgeCallsPerOpinion(settings.judgeMode, theory),
    inputPerCall,
    settings.judgeMode === 'batched' ? 8 * theory.values.length : 1,
  );
}

/** Candidates, refinements per candidate, and how many questions each panel scores. */
function countScorings(options: { seeds: number; explorers: readonly string[]; settings: GenerateConfig }): {
  candidates: number;
  refinements: number;
  p1Scorings: number;
  p2Scorings: number;
} {
  const { settings } = options;
  const candidates = settings.budget * settings.rounds * options.explorers.length;
  const refinements = Math.min(settings.refineDepth, EXPECTED_REFINEMENTS);
  const p1Scorings = options.seeds + candidates * (1 + refinements);
  // Calibration: a few seeds also scored by P2 (generate.calibrationSeeds).
  const p2Scorings = candidates + Math.min(settings.calibrationSeeds, options.seeds);
  return { candidates, refinements, p1Scorings, p2Scorings };
}

/** Estimated input tokens of the opinion prompt on a typical question. */
function opinionInputTokens(pointsPerAnswer: number): number {
  return estimateTokens(
    opinionPrompt
      .render({ question: TYPICAL_QUESTION, point_lines: formatPointLines(pointsPerAnswer) })
      .map((m) => m.content)
      .join('\n'),
  );
}

/** Adds calls of a given size to the row of a model and role (created on first use). */
function addCalls(
  rows: Map<string, PlannedCalls>,
  modelId: string,
  role: Role,
  calls: number,
  input: number,
  output: number,
): void {
  const key = `${modelId}\u0000${role}`;
  const row = rows.get(key) ?? { modelId, role, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null };
  row.calls += calls;
  row.inputTokens += Math.round(calls * input);
  row.outputTokens += Math.round(calls * output);
  rows.set(key, row);
}

/** The judge's prompt as it will be sent, with its estimated input tokens per call and of its cacheable prefix. */
function sizeJudgeCall(
  settings: GenerateConfig,
  theory: ValueTheory,
): { judgePrompt: JudgePromptChoice; input: number; prefixTokens: number } {
  // The prompt the judge will be sent (`generate.judgePrompt`, after its fallback), in its mode.
  const judgePrompt = judgePromptFor(settings.judgePrompt, theory);
  const call = { theory, prompt: judgePrompt.used, opinion: TYPICAL_QUESTION };
  const judgeMessages =
    settings.judgeMode === 'batched'
      ? renderJudgeBatched(call)
      : renderJudgeValue({ ...call, valueName: theory.values[0]!.name });
  return {
    judgePrompt,
    input: estimateTokens(judgeMessages.map((m) => m.content).join('\n')),
    prefixTokens: estimateTokens(judgeMessages.find((m) => m.role === 'system')?.content ?? ''),
  };
}
