import type { AdaemConfig, Price, Role } from '../../core/config.js';
import type { GenerateConfig } from '../../core/generate-config.js';
import { judgePromptFor } from '../../core/prompts/judge-prompt.js';
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
  const candidates = settings.budget * settings.rounds * options.explorers.length;
  const refinements = Math.min(settings.refineDepth, EXPECTED_REFINEMENTS);
  const p1Scorings = options.seeds + candidates * (1 + refinements);
  // Calibration: a few seeds also scored by P2 (generate.calibrationSeeds).
  const p2Scorings = candidates + Math.min(settings.calibrationSeeds, options.seeds);
  const opinionInput = estimateTokens(
    opinionPrompt
      .render({ question: TYPICAL_QUESTION, point_lines: formatPointLines(settings.pointsPerAnswer) })
      .map((m) => m.content)
      .join('\n'),
  );
  const rows = new Map<string, PlannedCalls>();
  const add = (modelId: string, role: Role, calls: number, input: number, output: number) => {
    const key = `${modelId}\u0000${role}`;
    const row = rows.get(key) ?? { modelId, role, calls: 0, inputTokens: 0, outputTokens: 0, costUsd: null };
    row.calls += calls;
    row.inputTokens += Math.round(calls * input);
    row.outputTokens += Math.round(calls * output);
    rows.set(key, row);
  };
  for (const id of options.explorers) {
    add(id, 'generator', p1Scorings, opinionInput, SIZES.opinion.output);
    const perExplorer = candidates / options.explorers.length;
    add(id, 'generator', perExplorer, SIZES.exploreFact.input, SIZES.exploreFact.output);
    add(id, 'generator', perExplorer, SIZES.exploreQuestion.input, SIZES.exploreQuestion.output);
    add(id, 'generator', perExplorer * refinements, SIZES.reflect.input, SIZES.reflect.output);
    add(id, 'generator', perExplorer * refinements, SIZES.refine.input, SIZES.refine.output);
  }
  for (const id of options.scorers) add(id, 'scorer', p2Scorings, opinionInput, SIZES.opinion.output);
  const perText = judgeCallsPerOpinion(settings.judgeMode, theory);
  // The prompt the judge will be sent (`generate.judgePrompt`, after its fallback), in its mode.
  const judgePrompt = judgePromptFor(settings.judgePrompt, theory);
  const call = { theory, prompt: judgePrompt.used, opinion: TYPICAL_QUESTION };
  const judgeMessages =
    settings.judgeMode === 'batched'
      ? renderJudgeBatched(call)
      : renderJudgeValue({ ...call, valueName: theory.values[0]!.name });
  const judgeInput = estimateTokens(judgeMessages.map((m) => m.content).join('\n'));
  const judgePrefix = estimateTokens(judgeMessages.find((m) => m.role === 'system')?.content ?? '');
  const judgedTexts =
    p1Scorings * (options.explorers.length * settings.pointsPerAnswer + 1) +
    p2Scorings * (options.scorers.length * settings.pointsPerAnswer + 1);
  add(
    options.judge,
    'judge',
    judgedTexts * perText,
    judgeInput,
    settings.judgeMode === 'batched' ? 8 * theory.values.length : 1,
  );
  if (options.safety) add(options.safety, 'safety', candidates, SIZES.safety.input, SIZES.safety.output);
  const priced = [...rows.values()].map((row) => ({
    ...row,
    costUsd: costOf(options.priceOf(row.modelId), row.inputTokens, row.outputTokens),
    ...(row.role === 'judge' ? { judgePrompt, prefixTokens: judgePrefix } : {}),
  }));
  return withExecutionCosts(priced, {
    config: options.config,
    priceOf: options.priceOf,
    prefixTokens: (row) => (row.role === 'judge' ? judgePrefix : 0),
  });
}
