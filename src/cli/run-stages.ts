import type { LoadedConfig } from '../config/load-config.js';
import { ConfigError } from '../core/errors.js';
import { createEngine } from '../providers/engine.js';
import { modelsByRole } from '../run/evaluate/evaluate.js';
import { refuseUnpriced } from '../run/evaluate/open-evaluation.js';
import { type PlannedCalls, planEvaluation } from '../run/evaluate/plan.js';
import { generationModels, requirePanels } from '../run/generate/open-generation.js';
import { planGeneration } from '../run/generate/plan.js';
import type { Store } from '../store/index.js';
import { printPlan } from './render/plan.js';
import type { RunSettings } from './run-flags.js';
import type { EvaluationPanel, StageQuestions } from './stage/execute-stage.js';

/** A question of the length generated questions have, standing in for a bank that does not exist yet. */
const STAND_IN =
  'Should cities in Kenya tax sugary drinks to fund public clinics, even if small shops lose income?';

/** The examinees and judge of the evaluate stage (`--models`, `--judge`, else the roles), or a usage error. */
export function evaluationPanel(loaded: LoadedConfig, settings: RunSettings): EvaluationPanel {
  const byRole = modelsByRole(loaded.config);
  const examinees = settings.models ?? byRole.examinees;
  const judge = settings.judge ?? byRole.judge;
  if (examinees.length === 0)
    throw new ConfigError('no examinee models: pass --models or give a model the examinee role');
  if (!judge) throw new ConfigError('no judge model: pass --judge or give a model the judge role');
  return { examinees, judge };
}

/**
 * Checks the evaluate stage of a new run before the generation spends anything: model ids, API keys
 * (not for a dry run), the judge's log-probabilities, prices under a cap; returns its planned calls.
 */
export async function checkEvaluation(
  loaded: LoadedConfig,
  options: {
    panel: EvaluationPanel;
    settings: RunSettings;
    questions: StageQuestions | undefined;
    dryRun?: boolean;
    allowUnpriced?: boolean;
  },
): Promise<PlannedCalls[]> {
  const { config, theory } = loaded;
  const { panel, settings } = options;
  const engine = createEngine({ config, theory, configDir: loaded.dir, requireKeys: !options.dryRun });
  try {
    for (const id of panel.examinees) engine.provider(id, 'examinee');
    const judgeMode = config.evaluate.judgeMode;
    if (judgeMode === 'logprob' && !engine.provider(panel.judge, 'judge').capabilities.logprobs)
      throw new ConfigError(`judge ${panel.judge} cannot give log-probabilities; set evaluate.judgeMode`);
    engine.provider(panel.judge, 'judge');
    if (!options.dryRun)
      refuseUnpriced({
        engine,
        models: [...panel.examinees, panel.judge],
        maxCost: settings.maxCost ?? config.evaluate.maxCost,
        allowUnpriced: options.allowUnpriced,
      });
    const questions =
      options.questions?.questions ??
      Array.from({ length: settings.top }, (_, index) => ({ id: `q${index + 1}`, text: STAND_IN }));
    return planEvaluation({
      config,
      theory,
      questions,
      ...panel,
      judgeMode,
      samples: settings.samples ?? config.evaluate.samples,
      priceOf: engine.priceOf,
    });
  } finally {
    await engine.close();
  }
}

/** The generate stage's planned calls (`--dry-run`): the same plan `adaem generate --dry-run` prints. */
export async function planGenerationStage(
  loaded: LoadedConfig,
  options: { seeds: number; budget: number | undefined },
): Promise<PlannedCalls[]> {
  const { config, theory } = loaded;
  const panels = requirePanels(config);
  const engine = createEngine({ config, theory, configDir: loaded.dir, requireKeys: false });
  try {
    for (const id of generationModels(panels)) engine.provider(id, 'generator');
    const settings = { ...config.generate, ...(options.budget ? { budget: options.budget } : {}) };
    return planGeneration({
      config,
      theory,
      seeds: options.seeds,
      ...panels,
      settings,
      priceOf: engine.priceOf,
    });
  } finally {
    await engine.close();
  }
}

const dollars = (plan: readonly PlannedCalls[]): string => {
  const priced = plan.filter((row) => row.costUsd !== null);
  const total = priced.reduce((sum, row) => sum + (row.costUsd ?? 0), 0);
  return `$${total.toFixed(4)}${priced.length < plan.length ? ' (priced models only)' : ''}`;
};

/** Prints `adaem run --dry-run`: each stage's plan, then the whole run's calls and cost. */
export function printRunPlan(stages: {
  generate: PlannedCalls[] | undefined;
  evaluate: PlannedCalls[];
  questions: string;
}): void {
  if (stages.generate) {
    process.stdout.write('1/2 generate\n');
    printPlan(stages.generate);
    process.stdout.write('\n');
  }
  process.stdout.write(`${stages.generate ? '2/2 ' : ''}evaluate on ${stages.questions}\n`);
  printPlan(stages.evaluate);
  const all = [...(stages.generate ?? []), ...stages.evaluate];
  const calls = all.reduce((sum, row) => sum + row.calls, 0);
  process.stdout.write(
    `\nwhole run: ${calls} calls, ${dollars(all)} live (estimate); --max-cost caps generate and evaluate together. Nothing was called.\n`,
  );
}

/** USD the calls of a stored run cost, from its call records (what a resumed run has spent already). */
export function spentOn(store: Store, runId: string): number {
  return store.calls.summary(runId).reduce((sum, row) => sum + row.costUsd, 0);
}
