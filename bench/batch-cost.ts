/**
 * The cost part of `npm run bench:batch`: a paper-scale evaluation plan (12,310 questions × 16
 * models) and a paper-scale generation plan at the built-in prices — live, live with the judge's
 * prefix cached, through the batch API, and through it with the prefix cached. The cache is counted
 * only where the prefix reaches the provider's minimum, cache reads at the vendor's cache price,
 * writes (Anthropic: 1.25× input) once per `CALLS_PER_CACHE_WRITE` calls; and again at 98 % and
 * 30 % hits, the range Anthropic quotes for batches, every miss written anew.
 */
import { AdaemConfigSchema } from '../src/core/config.js';
import { formatDefinitions, judgeBatchedPrompt } from '../src/core/prompts/templates.js';
import { BUILT_IN_THEORIES } from '../src/core/theories.js';
import type { ValueTheory } from '../src/core/value-theory.js';
import { cacheMinimumOf } from '../src/providers/cache-minimum.js';
import { chargeOf } from '../src/providers/call-charge.js';
import { PRICE_TABLE_DATE, priceOf } from '../src/providers/price-table.js';
import { resolveModel } from '../src/providers/registry.js';
import { DISCOUNTS_DATE } from '../src/providers/vendor-discounts.js';
import { estimateTokens, type PlannedCalls, planEvaluation } from '../src/run/evaluate/plan.js';
import { planGeneration } from '../src/run/generate/plan.js';
import { CALLS_PER_CACHE_WRITE } from '../src/run/plan-execution.js';

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
/** The cache hit rates Anthropic quotes for prompts cached inside message batches: 30–98 %. */
const HIT_RATES = [0.98, 0.3];

const config = AdaemConfigSchema.parse({});
const theory = BUILT_IN_THEORIES.schwartz;
/** The same values without the codebook (a theory of one's own gets one line per value): what it costs. */
const withoutCodebook = { ...theory, id: 'schwartz-one-line' };
const price = (id: string) => priceOf(resolveModel(config, id), undefined);
const question = {
  id: 'q',
  text: 'Should cities in Kenya tax sugary drinks to fund public clinics, even if small shops lose income?',
};

/** The judge's fixed system prefix of a theory, in estimated tokens (the planners' estimate). */
function judgePrefixOf(of: ValueTheory): number {
  const messages = judgeBatchedPrompt.render({
    theory_name: of.name,
    definitions: formatDefinitions(of),
    opinion: '',
    value_ids: '',
  });
  return estimateTokens(messages[0]!.content);
}

/** A row's cost with `hits` of its calls reading the cached prefix and the others writing it. */
function rowCost(row: PlannedCalls, execution: 'live' | 'batch', hits: number | 'planned'): number {
  const rowPrice = price(row.modelId);
  const cached = row.cachedInputTokens ?? 0;
  if (!rowPrice || cached === 0)
    return chargeOf({ inputTokens: row.inputTokens, outputTokens: row.outputTokens }, rowPrice, execution);
  const writes = Math.ceil(row.calls / CALLS_PER_CACHE_WRITE);
  const prefix = cached / (row.calls - writes);
  const reads = hits === 'planned' ? row.calls - writes : Math.round(row.calls * hits);
  return chargeOf(
    {
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens,
      cachedInputTokens: reads * prefix,
      cacheWriteTokens: (row.calls - reads) * prefix,
    },
    rowPrice,
    execution,
  );
}

function line(label: string, plan: PlannedCalls[]): string[] {
  const sum = (of: (row: PlannedCalls) => number) => plan.reduce((total, row) => total + of(row), 0);
  const calls = sum((row) => row.calls);
  const live = sum((row) => row.costUsd ?? 0);
  const liveCached = sum((row) => rowCost(row, 'live', 'planned'));
  const batch = sum((row) => row.batchCostUsd ?? 0);
  const cached = sum((row) => row.batchCachedCostUsd ?? 0);
  const atRates = HIT_RATES.map((rate) => {
    const cost = sum((row) => rowCost(row, 'batch', rate));
    return `${rate * 100} % hits $${cost.toFixed(0)} (${(live / cost).toFixed(2)}×)`;
  });
  const tokens = sum((row) => row.cachedInputTokens ?? 0);
  const ratio = (cost: number) => `${(live / cost).toFixed(2)}×`;
  return [
    `${label}: ${calls.toLocaleString('en')} calls`,
    `  live $${live.toFixed(0)}; live + cache $${liveCached.toFixed(0)} (${ratio(liveCached)})`,
    `  batch $${batch.toFixed(0)} (${ratio(batch)}); batch + cache $${cached.toFixed(0)} (${ratio(cached)}; ${(tokens / 1e6).toFixed(1)} M input tokens cached)`,
    `  batch + cache at ${atRates.join(', at ')}`,
  ];
}

export function batchCostFigures(): string[] {
  const lines = [`prices of ${PRICE_TABLE_DATE}, batch and cache discounts of ${DISCOUNTS_DATE}`];
  for (const id of Object.keys(BUILT_IN_THEORIES) as (keyof typeof BUILT_IN_THEORIES)[]) {
    const prefix = judgePrefixOf(BUILT_IN_THEORIES[id]);
    const where = [...JUDGES, 'anthropic:claude-haiku-4-5'].map((judge) => {
      const minimum = cacheMinimumOf(config, judge);
      return `${judge.split(':')[1]} ${minimum !== undefined && prefix >= minimum ? 'cached' : `not cached (minimum ${minimum})`}`;
    });
    lines.push(`judge prefix, theory ${id}: ~${prefix.toLocaleString('en')} tokens — ${where.join(', ')}`);
  }
  const evaluate = (judge: string, of: typeof theory) =>
    planEvaluation({
      config,
      theory: of,
      questions: Array.from({ length: QUESTIONS }, (_, index) => ({ ...question, id: `q${index}` })),
      examinees: PANEL,
      judge,
      judgeMode: 'batched',
      samples: 1,
      priceOf: price,
    });
  const p1 = ['openai:gpt-4o-mini', 'openai:gpt-4o', 'anthropic:claude-3-5-haiku'];
  const generate = (of: typeof theory) =>
    planGeneration({
      config,
      theory: of,
      seeds: 1535,
      explorers: p1,
      scorers: [...p1, 'anthropic:claude-3-5-sonnet'],
      judge: 'openai:gpt-4o',
      settings: { ...config.generate, budget: 1500 },
      priceOf: price,
    });
  const plans = [
    ...JUDGES.map((judge) => ({
      label: `evaluate ${QUESTIONS.toLocaleString('en')} × ${PANEL.length}, judge ${judge}`,
      plan: (of: typeof theory) => evaluate(judge, of),
    })),
    { label: 'generate 1,500 pulls, 1,535 seeds (issue 22 panel, judge gpt-4o)', plan: generate },
  ];
  for (const { label, plan } of plans) {
    lines.push(...line(label, plan(theory)));
    const short = plan(withoutCodebook);
    const total = (of: (row: PlannedCalls) => number | null | undefined) =>
      short.reduce((sum, row) => sum + (of(row) ?? 0), 0);
    lines.push(
      `  without the codebook (~${judgePrefixOf(withoutCodebook).toLocaleString('en')}-token prefix, not cached): live $${total((row) => row.costUsd).toFixed(0)}, batch $${total((row) => row.batchCostUsd).toFixed(0)}`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const text of batchCostFigures()) console.log(text);
