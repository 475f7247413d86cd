import type { AdaemConfig } from '../../core/config.js';
import { type JudgePromptChoice, judgePromptFor } from '../../core/prompts/judge-prompt.js';
import type { Provider } from '../../core/provider.js';
import type { JudgeMode, JudgementOutcome } from '../../core/question.js';
import type { ValueTheory } from '../../core/value-theory.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import { type JudgeAgreement, judgeAgreement } from '../../stages/analyze/judge-agreement.js';
import { seededSubset } from '../../stages/analyze/seeded-subset.js';
import { judgeOpinion } from '../../stages/judge/judge-opinion.js';
import { labelsToBooleans, type ViolatedAs } from '../../stages/questions/labels-to-booleans.js';
import type { LabelledText } from '../../stages/questions/read-labelled.js';
import type { Store } from '../../store/index.js';
import { reasonKind } from '../evaluate/observations.js';

/** How a judge agrees with human value labels on a labelled data set (`adaem validate judge`). */
export interface JudgeValidityResult {
  judge: string;
  mode: JudgeMode;
  /** How labels that mark a value as violated were counted. */
  violated: ViolatedAs;
  /** The judge's system prompt (`evaluate.judgePrompt` after the theory's fallback). */
  judgePrompt: JudgePromptChoice;
  /** Labelled texts in the file, and those judged (after `limit`). */
  textsInFile: number;
  textsJudged: number;
  /** Texts the judge gave no readable labels for, or whose call failed: left out of every figure. */
  unreadable: { count: number; reasons: Record<string, number> };
  failed: { count: number; reasons: Record<string, number> };
  agreement: JudgeAgreement;
  usage: { calls: number; inputTokens: number; outputTokens: number; costUsd: number };
}

/** Settings of one judge validation. */
export interface JudgeValidityOptions {
  config: AdaemConfig;
  theory: ValueTheory;
  configDir: string;
  store: Store;
  texts: readonly LabelledText[];
  judge: string;
  mode: JudgeMode;
  /** @default "expressed" */
  violated?: ViolatedAs;
  /** Judge at most this many texts, drawn reproducibly from `seed` (file order kept). */
  limit?: number;
  seed: number;
  /** Bootstrap draws of every interval. @default 1000 */
  draws?: number;
  /** The id calls are recorded under. */
  runId: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** What a judge validation is filed under in the store, so a run's report can show its judge's. */
export function judgeValidityKey(judge: string): string {
  return `judge:${judge}`;
}

/** Adds one to the tally of a reason's kind. */
function count(tally: Record<string, number>, reason: string): void {
  const key = reasonKind(reason);
  tally[key] = (tally[key] ?? 0) + 1;
}

/**
 * Runs the judge (any mode) on every labelled text, each judged whole like one key point, and
 * measures its agreement with the labels. Unreadable and failed judgements are counted with their
 * reasons and left out of the figures, never scored as "no value".
 */
export async function runJudgeValidation(options: JudgeValidityOptions): Promise<JudgeValidityResult> {
  const { theory, mode } = options;
  const judgePrompt = judgePromptFor(options.config.evaluate.judgePrompt, theory);
  const violated = options.violated ?? 'expressed';
  const chosen =
    options.limit === undefined
      ? [...options.texts]
      : seededSubset(options.texts, options.limit, options.seed);
  const engine = createValidationEngine(options);
  let tally: OutcomeTally;
  try {
    const answers = await judgeEveryText(
      options,
      engine.provider(options.judge, 'judge'),
      chosen,
      judgePrompt,
    );
    tally = tallyOutcomes(answers, theory, violated);
  } finally {
    await engine.close();
  }
  const usage = engine.usage().total;
  return {
    judge: options.judge,
    mode,
    judgePrompt,
    violated,
    textsInFile: options.texts.length,
    textsJudged: chosen.length,
    unreadable: tally.unreadable,
    failed: tally.failed,
    agreement: judgeAgreement({
      texts: tally.judged,
      valueIds: theory.values.map((value) => value.id),
      seed: options.seed,
      ...(options.draws !== undefined ? { draws: options.draws } : {}),
    }),
    usage: {
      calls: usage.calls,
      inputTokens: usage.inputTokens,
      outputTokens: usage.outputTokens,
      costUsd: usage.costUsd,
    },
  };
}

/** The engine every judge call goes through, recording its calls under the validation's run id. */
function createValidationEngine(options: JudgeValidityOptions): Engine {
  return createEngine({
    config: options.config,
    theory: options.theory,
    configDir: options.configDir,
    cache: options.store.cache,
    recorder: options.store.calls,
    runId: options.runId,
    signal: options.signal,
  });
}

/** A labelled text and the outcome of its judgement. */
interface JudgedText {
  text: LabelledText;
  outcome: JudgementOutcome;
}

/** The judgements split into unreadable, failed and judged (with the labels to compare them to). */
interface OutcomeTally {
  unreadable: { count: number; reasons: Record<string, number> };
  failed: { count: number; reasons: Record<string, number> };
  judged: {
    id: string;
    judged: Record<string, boolean | undefined>;
    labelled: Record<string, boolean | undefined>;
  }[];
}

/** Judges every chosen text whole, like one key point, all at once, reporting progress as each finishes. */
async function judgeEveryText(
  options: JudgeValidityOptions,
  provider: Provider,
  chosen: readonly LabelledText[],
  judgePrompt: JudgePromptChoice,
): Promise<JudgedText[]> {
  let done = 0;
  return Promise.all(
    chosen.map(async (text) => {
      const answer = await judgeOpinion({
        provider,
        theory: options.theory,
        opinion: text.text,
        mode: options.mode,
        prompt: judgePrompt.used,
        params: { seed: options.seed },
        signal: options.signal,
      });
      options.onProgress?.(++done, chosen.length);
      return { text, outcome: answer.outcome };
    }),
  );
}

/** Counts unreadable and failed judgements by reason and pairs each judged text with its labels. */
function tallyOutcomes(
  answers: readonly JudgedText[],
  theory: ValueTheory,
  violated: ViolatedAs,
): OutcomeTally {
  const tally: OutcomeTally = {
    unreadable: { count: 0, reasons: {} },
    failed: { count: 0, reasons: {} },
    judged: [],
  };
  for (const { text, outcome } of answers) {
    if (outcome.status === 'unscored') {
      tally.unreadable.count++;
      count(tally.unreadable.reasons, outcome.reason);
      continue;
    }
    if (outcome.status === 'error') {
      tally.failed.count++;
      count(tally.failed.reasons, outcome.reason);
      continue;
    }
    tally.judged.push({
      id: text.id,
      judged: Object.fromEntries(theory.values.map((value) => [value.id, outcome.values[value.id]])),
      labelled: labelsToBooleans({ labels: text.labels, theory, violated }),
    });
  }
  return tally;
}
