/**
 * The cost part of `npm run bench:batch`: a paper-scale evaluation plan (12,310 questions × 16
 * models) and a paper-scale generation plan, each live, through the batch API, and through it with
 * the judge's prefix cached, at the built-in prices. Also the same with the prefix cached whatever
 * its length, to show what the providers' minimum cacheable prefix costs here.
 */
import { AdaemConfigSchema } from '../src/core/config.js';
import { BUILT_IN_THEORIES } from '../src/core/theories.js';
import { PRICE_TABLE_DATE, priceOf } from '../src/providers/price-table.js';
import { resolveModel } from '../src/providers/registry.js';
import { DISCOUNTS_DATE } from '../src/providers/vendor-discounts.js';
import type { PlannedCalls } from '../src/run/evaluate/plan.js';
import { planEvaluation } from '../src/run/evaluate/plan.js';
import { planGeneration } from '../src/run/generate/plan.js';

/** The evaluated panel: sixteen models of the built-in table. */
const PANEL = [
  'openai:gpt-5',
  'openai:gpt-5-mini',
  'openai:gpt-5-nano',
  'openai:gpt-4.1',
  'openai:gpt-4.1-mini',
  'openai:gpt-4.1-nano',
  'openai:gpt-4o',
  'openai:gpt-4o-mini',
  'openai:o3',
  'openai:o4-mini',
  'anthropic:claude-opus-4-1',
  'anthropic:claude-sonnet-4-5',
  'anthropic:claude-haiku-4-5',
  'anthropic:claude-3-7-sonnet',
  'anthropic:claude-3-5-haiku',
  'anthropic:claude-3-haiku',
];
const QUESTIONS = 12_310;
const JUDGES = ['openai:gpt-4o', 'anthropic:claude-sonnet-4-5'];

const config = AdaemConfigSchema.parse({});
const theory = BUILT_IN_THEORIES.schwartz;
const price = (id: string) => priceOf(resolveModel(config, id), undefined);
const question = {
  id: 'q',
  text: 'Should cities in Kenya tax sugary drinks to fund public clinics, even if small shops lose income?',
};

function totals(plan: PlannedCalls[]) {
  const sum = (of: (row: PlannedCalls) => number | null | undefined) =>
    plan.reduce((total, row) => total + (of(row) ?? 0), 0);
  return {
    calls: sum((row) => row.calls),
    live: sum((row) => row.costUsd),
    batch: sum((row) => row.batchCostUsd),
    cached: sum((row) => row.batchCachedCostUsd),
    cachedTokens: sum((row) => row.cachedInputTokens),
  };
}

function line(label: string, plan: PlannedCalls[]): string {
  const t = totals(plan);
  return `${label}: ${t.calls.toLocaleString('en')} calls — live $${t.live.toFixed(0)}, batch $${t.batch.toFixed(0)} (${(t.live / t.batch).toFixed(2)}×), batch + cache $${t.cached.toFixed(0)} (${(t.live / t.cached).toFixed(2)}×; ${(t.cachedTokens / 1e6).toFixed(1)} M input tokens cached)`;
}

/** The judge's prefix assumed cacheable whatever its length (what a provider without a minimum would do). */
function ignoringMinimum(plan: PlannedCalls[], judgePrefix: number): PlannedCalls[] {
  return plan.map((row) => {
    const p = price(row.modelId);
    if (row.role !== 'judge' || !p) return row;
    const cachedInputTokens = row.calls * judgePrefix;
    const batch = p.batchInput! / p.input;
    const cost =
      ((row.inputTokens - cachedInputTokens) * p.batchInput! +
        cachedInputTokens * p.cachedInput! * batch +
        row.outputTokens * p.batchOutput!) /
      1e6;
    return { ...row, cachedInputTokens, batchCachedCostUsd: cost };
  });
}

export function batchCostFigures(): string[] {
  const lines = [`prices of ${PRICE_TABLE_DATE}, batch and cache discounts of ${DISCOUNTS_DATE}`];
  for (const judge of JUDGES) {
    const evaluation = planEvaluation({
      config,
      theory,
      questions: Array.from({ length: QUESTIONS }, (_, index) => ({ ...question, id: `q${index}` })),
      examinees: PANEL,
      judge,
      judgeMode: 'batched',
      samples: 1,
      priceOf: price,
    });
    lines.push(
      line(`evaluate ${QUESTIONS.toLocaleString('en')} × ${PANEL.length}, judge ${judge}`, evaluation),
    );
    lines.push(
      line(
        '  … judge prefix cached whatever its length (no provider minimum)',
        ignoringMinimum(evaluation, 350),
      ),
    );
  }
  const p1 = ['openai:gpt-4o-mini', 'openai:gpt-4o', 'anthropic:claude-3-5-haiku'];
  const generation = planGeneration({
    config,
    theory,
    seeds: 1535,
    explorers: p1,
    scorers: [...p1, 'anthropic:claude-3-5-sonnet'],
    judge: 'openai:gpt-4o',
    settings: { ...config.generate, budget: 1500 },
    priceOf: price,
  });
  lines.push(line('generate 1,500 pulls, 1,535 seeds (issue 22 panel, judge gpt-4o)', generation));
  lines.push(
    line(
      '  … judge prefix cached whatever its length (no provider minimum)',
      ignoringMinimum(generation, 350),
    ),
  );
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const text of batchCostFigures()) console.log(text);
