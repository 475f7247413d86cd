/**
 * The cost part of `npm run bench:batch`: a paper-scale evaluation plan (12,310 questions × 16
 * models) and a paper-scale generation plan at the built-in prices, under each `judgePrompt`
 * (`definitions`, `codebook`) — live, live with the judge's prefix cached, through the batch API,
 * and through it with the prefix cached. The cache is counted only where the prefix reaches the
 * provider's minimum, cache reads at the vendor's cache price, writes (Anthropic: 1.25× input) once
 * per `CALLS_PER_CACHE_WRITE` calls; and again at 98 % and 30 % hits, the range Anthropic quotes for
 * batches, every miss written anew. Every ratio is printed against the `definitions` plan's live
 * price as well as its own: the codebook's own live price is about twice as high, so a ratio to it
 * alone makes batch + cache look like a saving it may not be.
 */
import { type AdaemConfig, AdaemConfigSchema } from '../src/core/config.js';
import { type JudgePrompt, judgePromptFor } from '../src/core/prompts/judge-prompt.js';
import { renderJudgeBatched } from '../src/core/prompts/templates.js';
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
const JUDGES = ['openai:gpt-4o', 'openai:gpt-4.1', 'openai:gpt-5', 'anthropic:claude-sonnet-4-5'];
/** The cache hit rates Anthropic quotes for prompts cached inside message batches: 30–98 %. */
const HIT_RATES = [0.98, 0.3];

const config = AdaemConfigSchema.parse({});
const PROMPTS: readonly JudgePrompt[] = ['definitions', 'codebook'];
const configs: Record<JudgePrompt, AdaemConfig> = {
  definitions: AdaemConfigSchema.parse({
    evaluate: { judgePrompt: 'definitions' },
    generate: { judgePrompt: 'definitions' },
  }),
  codebook: AdaemConfigSchema.parse({
    evaluate: { judgePrompt: 'codebook' },
    generate: { judgePrompt: 'codebook' },
  }),
};
const theory = BUILT_IN_THEORIES.schwartz;
const price = (id: string) => priceOf(resolveModel(config, id), undefined);
const question = {
  id: 'q',
  text: 'Should cities in Kenya tax sugary drinks to fund public clinics, even if small shops lose income?',
};

/** The judge's fixed system prefix of a theory under a prompt, in estimated tokens (the planners' estimate). */
function judgePrefixOf(of: ValueTheory, prompt: JudgePrompt): number {
  return estimateTokens(renderJudgeBatched({ theory: of, prompt, opinion: '' })[0]!.content);
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

/** Live, live + cache, batch and batch + cache of a plan, in USD. */
function costsOf(plan: PlannedCalls[]) {
  const sum = (of: (row: PlannedCalls) => number) => plan.reduce((total, row) => total + of(row), 0);
  return {
    calls: sum((row) => row.calls),
    live: sum((row) => row.costUsd ?? 0),
    liveCached: sum((row) => rowCost(row, 'live', 'planned')),
    batch: sum((row) => row.batchCostUsd ?? 0),
    cached: sum((row) => row.batchCachedCostUsd ?? 0),
    atRates: HIT_RATES.map((rate) => sum((row) => rowCost(row, 'batch', rate))),
    cachedTokens: sum((row) => row.cachedInputTokens ?? 0),
  };
}

/**
 * One plan's lines under one prompt: each cost in dollars, with its ratio to its own live price and,
 * for the codebook, to the definitions' live price (`baseline`), the one an honest saving is against.
 */
function line(prompt: JudgePrompt, plan: PlannedCalls[], baseline: number): string[] {
  const costs = costsOf(plan);
  const ratio = (cost: number) =>
    prompt === 'definitions'
      ? `${(costs.live / cost).toFixed(2)}×`
      : `${(costs.live / cost).toFixed(2)}× below its own live; ${((cost / baseline) * 100).toFixed(0)} % of the definitions' live`;
  const dollars = (cost: number) => `$${cost.toLocaleString('en', { maximumFractionDigits: 0 })}`;
  const atRates = HIT_RATES.map((rate, index) => `${rate * 100} % hits ${dollars(costs.atRates[index]!)}`);
  return [
    `  judgePrompt ${prompt}: ${costs.calls.toLocaleString('en')} calls`,
    `    live ${dollars(costs.live)}; live + cache ${dollars(costs.liveCached)} (${ratio(costs.liveCached)})`,
    `    batch ${dollars(costs.batch)} (${ratio(costs.batch)}); batch + cache ${dollars(costs.cached)} (${ratio(costs.cached)}; ${(costs.cachedTokens / 1e6).toFixed(1)} M input tokens cached)`,
    ...(costs.cachedTokens > 0 ? [`    batch + cache at ${atRates.join(', at ')}`] : []),
  ];
}

/** The plain comparison: the codebook's batch + cache against the definitions' cheapest way to run. */
function verdict(definitions: PlannedCalls[], codebook: PlannedCalls[]): string {
  const [short, long] = [costsOf(definitions), costsOf(codebook)];
  const cheapest = Math.min(short.batch, short.cached);
  const difference = long.cached - cheapest;
  const dollars = (cost: number) => `$${cost.toLocaleString('en', { maximumFractionDigits: 0 })}`;
  const how = `${dollars(Math.abs(difference))} (${Math.abs((difference / cheapest) * 100).toFixed(0)} %) ${difference > 0 ? 'MORE' : 'less'}`;
  return `  => codebook in batch + cache ${dollars(long.cached)} against definitions in batch ${dollars(cheapest)}: ${how}; live, the codebook costs ${(long.live / short.live).toFixed(2)}× the definitions`;
}

export function batchCostFigures(): string[] {
  const lines = [`prices of ${PRICE_TABLE_DATE}, batch and cache discounts of ${DISCOUNTS_DATE}`];
  for (const id of Object.keys(BUILT_IN_THEORIES) as (keyof typeof BUILT_IN_THEORIES)[]) {
    for (const prompt of PROMPTS) {
      const choice = judgePromptFor(prompt, BUILT_IN_THEORIES[id]);
      if (choice.fallback) {
        lines.push(`judge prefix, theory ${id}, judgePrompt ${prompt}: the definitions prompt (no codebook)`);
        continue;
      }
      const prefix = judgePrefixOf(BUILT_IN_THEORIES[id], prompt);
      const where = [...JUDGES, 'anthropic:claude-haiku-4-5'].map((judge) => {
        const minimum = cacheMinimumOf(config, judge);
        return `${judge.split(':')[1]} ${minimum !== undefined && prefix >= minimum ? 'cached' : `not cached (minimum ${minimum})`}`;
      });
      lines.push(
        `judge prefix, theory ${id}, judgePrompt ${prompt}: ~${prefix.toLocaleString('en')} tokens — ${where.join(', ')}`,
      );
    }
  }
  const questions = Array.from({ length: QUESTIONS }, (_, index) => ({ ...question, id: `q${index}` }));
  const evaluate = (judge: string, prompt: JudgePrompt) =>
    planEvaluation({
      config: configs[prompt],
      theory,
      questions,
      examinees: PANEL,
      judge,
      judgeMode: 'batched',
      samples: 1,
      priceOf: price,
    });
  const p1 = ['openai:gpt-4o-mini', 'openai:gpt-4o', 'anthropic:claude-3-5-haiku'];
  const generate = (prompt: JudgePrompt) =>
    planGeneration({
      config: configs[prompt],
      theory,
      seeds: 1535,
      explorers: p1,
      scorers: [...p1, 'anthropic:claude-3-5-sonnet'],
      judge: 'openai:gpt-4o',
      settings: { ...configs[prompt].generate, budget: 1500 },
      priceOf: price,
    });
  const plans = [
    ...JUDGES.map((judge) => ({
      label: `evaluate ${QUESTIONS.toLocaleString('en')} × ${PANEL.length}, judge ${judge}`,
      plan: (prompt: JudgePrompt) => evaluate(judge, prompt),
    })),
    { label: 'generate 1,500 pulls, 1,535 seeds (issue 22 panel, judge gpt-4o)', plan: generate },
  ];
  for (const { label, plan } of plans) {
    const [definitions, codebook] = [plan('definitions'), plan('codebook')];
    const baseline = costsOf(definitions).live;
    lines.push(label, ...line('definitions', definitions, baseline), ...line('codebook', codebook, baseline));
    lines.push(verdict(definitions, codebook));
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) for (const text of batchCostFigures()) console.log(text);
