// bench:generate — the question search on the sandbox (examples/sandbox.yaml, built-in seeds) and its
// ablations at equal model calls: UCB + refinement (the method) against uniform arms, UCB without
// refinement, UCB + refinement with a reflection that sees no context, and uniform arms without
// refinement; per world the P2 score of each search's top-100 against the top-100 seeds, and how
// distinguishable the sandbox models are on each top-100; over worlds the mean and spread.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import type { AdaemConfig } from '../src/core/config.js';
import type { GenerateConfig } from '../src/core/generate-config.js';
import type { Question } from '../src/core/question.js';
import { createEngine } from '../src/providers/engine.js';
import { runEvaluation } from '../src/run/evaluate/evaluate.js';
import { bankOf, collectGeneration } from '../src/run/generate/collect-generation.js';
import { runGeneration } from '../src/run/generate/generate.js';
import { planGeneration } from '../src/run/generate/plan.js';
import { pearson } from '../src/stages/analyze/correlation.js';
import { scorePanel } from '../src/stages/generate/score-panel.js';
import { loadSeeds } from '../src/stages/seeds/load-seeds.js';
import { lexicalSimilarity } from '../src/stages/similarity/similarity-backend.js';
import { openStore, type Store } from '../src/store/index.js';
import { trackPeakRss } from './helpers/figures.js';

const budget = Number(process.env.BENCH_BUDGET ?? 200);
const top = Number(process.env.BENCH_TOP ?? 100);
const example = loadConfig({ path: resolve('examples/sandbox.yaml') });
// BENCH_SEEDS=42,1,2,3,4 repeats everything in differently seeded sandbox worlds (default: the example's seed).
const worldSeeds = (process.env.BENCH_SEEDS ?? String(example.config.seed)).split(',').map(Number);

/** The searches compared; every one but the first stops at the first one's model calls. */
const VARIANTS = {
  full: { label: 'UCB + refinement', settings: {} },
  uniform: { label: 'uniform arms', settings: { armChoice: 'uniform' } },
  'no-refinement': { label: 'UCB, no refinement', settings: { refineDepth: 0 } },
  'no-context': { label: 'no reflection context', settings: { reflectionContext: 'answers' } },
  random: { label: 'uniform, no refinement', settings: { armChoice: 'uniform', refineDepth: 0 } },
} satisfies Record<string, { label: string; settings: Partial<GenerateConfig> }>;
type Variant = keyof typeof VARIANTS;
// BENCH_VARIANTS=full,uniform,no-refinement,no-context,random picks the searches (default: the first four).
const variantNames = (
  process.env.BENCH_VARIANTS?.split(',') ?? ['full', 'uniform', 'no-refinement', 'no-context']
).filter((name): name is Variant => name in VARIANTS);
if (!variantNames.includes('full')) variantNames.unshift('full');

const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-generate-'));
// Each search has a store (and so a response cache) of its own: no search is served another's calls.
const measureStore = openStore({ path: join(dir, 'measure.db') });
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const spread = (values: number[]) => {
  const m = mean(values);
  return values.length < 2
    ? 0
    : Math.sqrt(values.reduce((sum, value) => sum + (value - m) ** 2, 0) / (values.length - 1));
};

interface World {
  config: AdaemConfig;
  seed: number;
}

async function search(world: World, variant: Variant, maxModelCalls?: number) {
  const store = openStore({ path: join(dir, `${variant}-${world.seed}.db`) });
  const settings = VARIANTS[variant].settings;
  const config: AdaemConfig = {
    ...world.config,
    generate: {
      ...world.config.generate,
      ...settings,
      // The baselines are limited by calls, not by pulls.
      budget: maxModelCalls === undefined ? budget : budget * 20,
    },
  };
  const engine = createEngine({
    config,
    theory: example.theory,
    cache: store.cache,
    recorder: store.calls,
    runId: 'g',
  });
  const seeds = await loadSeeds('builtin', { theory: example.theory, seed: world.seed });
  const started = performance.now();
  await runGeneration({
    config,
    theory: example.theory,
    engine,
    store,
    seeds,
    seedSource: 'builtin',
    runId: 'g',
    maxModelCalls,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = engine.usage().total;
  await engine.close();
  const bank = collectGeneration(store, 'g');
  store.close();
  const scored = bank.questions.slice(0, top).map((question) => question.sP2 ?? 0);
  return {
    variant,
    seconds,
    modelCalls: usage.calls - usage.cached,
    calls: usage.calls,
    tokens: usage.inputTokens + usage.outputTokens,
    bank,
    topMean: mean(scored),
    reward: mean(bank.pulls.map((pull) => pull.reward)),
  };
}

/** S under P2 of each seed, as the search scores its reward; seeds that cannot be scored are left out. */
async function seedScores(world: World, seeds: Question[]) {
  const engine = createEngine({
    config: world.config,
    theory: example.theory,
    cache: measureStore.cache,
    recorder: measureStore.calls,
    runId: `seeds-${world.seed}`,
  });
  const settings = world.config.generate;
  const scorers = world.config.models
    .filter((model) => model.roles.includes('scorer'))
    .map((model) => engine.provider(model.id, 'scorer'));
  const judge = engine.provider('sandbox:judge', 'judge');
  const scored: { seed: Question; s: number }[] = [];
  let unscorable = 0;
  for (const seed of seeds) {
    const score = await scorePanel({
      question: seed.text,
      panel: scorers,
      judge,
      theory: example.theory,
      similarity: lexicalSimilarity(),
      settings: {
        judgeMode: settings.judgeMode,
        pointsPerAnswer: settings.pointsPerAnswer,
        weights: settings.weights,
        params: { temperature: settings.temperature, topP: settings.topP, seed: world.seed },
      },
    });
    if (score.terms) scored.push({ seed, s: score.terms.s });
    else unscorable++;
  }
  await engine.close();
  return { scored: scored.sort((a, b) => b.s - a.s), unscorable };
}

/**
 * Mean pairwise Pearson between the examinees' value profiles on a question set, on expression rates
 * and on TrueSkill scores; a value a model has no figure for is left out of that pair.
 */
async function distinguishability(world: World, questions: Question[], runId: string, store: Store) {
  const engine = createEngine({
    config: world.config,
    theory: example.theory,
    cache: store.cache,
    recorder: store.calls,
    runId,
  });
  const results = await runEvaluation({
    config: world.config,
    theory: example.theory,
    engine,
    store,
    questions,
    runId,
  });
  await engine.close();
  const pairs = (pick: (value: { score: number | null; rate: number | null }) => number | null) => {
    const profiles = results.models.map((model) => model.values.map(pick));
    const found: number[] = [];
    for (let i = 0; i < profiles.length; i++)
      for (let j = i + 1; j < profiles.length; j++) {
        const kept = profiles[i]!.flatMap((value, index) => {
          const other = profiles[j]![index];
          return value === null || other === null || other === undefined ? [] : [[value, other] as const];
        });
        if (kept.length >= 3)
          found.push(
            pearson(
              kept.map(([a]) => a),
              kept.map(([, b]) => b),
            ),
          );
      }
    return mean(found);
  };
  return {
    rates: pairs((value) => value.rate),
    scores: pairs((value) => value.score),
    models: results.models.length,
  };
}

async function compare(seed: number) {
  const world: World = { seed, config: { ...example.config, seed } };
  const full = await search(world, 'full');
  const runs = [full];
  for (const variant of variantNames.filter((name) => name !== 'full'))
    runs.push(await search(world, variant, full.modelCalls));
  const seeds = await loadSeeds('builtin', { theory: example.theory, seed });
  const seedScored = await seedScores(world, seeds);
  const topSeeds = seedScored.scored.slice(0, top);
  const onSeeds = await distinguishability(
    world,
    topSeeds.map((entry) => entry.seed),
    `eval-seeds-${seed}`,
    measureStore,
  );
  const measured = [];
  for (const run of runs)
    measured.push({
      ...run,
      pearson: await distinguishability(
        world,
        bankOf(run.bank, top),
        `eval-${run.variant}-${seed}`,
        measureStore,
      ),
    });
  return {
    seed,
    seeds,
    seedTop: mean(topSeeds.map((entry) => entry.s)),
    unscorable: seedScored.unscorable,
    onSeeds,
    runs: measured,
  };
}

const rss = trackPeakRss();
try {
  const worlds = [];
  for (const seed of worldSeeds) worlds.push(await compare(seed));
  const peak = rss.stop();
  const first = worlds[0]!;
  const full = first.runs[0]!;
  const sign = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(2)}`;
  const lines = [
    `bench:generate — sandbox, ${first.seeds.length} built-in seeds, B = ${budget}, P1 ${full.bank.manifest.explorers.length} / P2 ${full.bank.manifest.scorers.length} models, top ${top}, worlds ${worldSeeds.join(', ')}`,
    `every search but UCB + refinement stops at its model calls in the same world (cache hits not counted; each search has its own cache)`,
    '',
    `per world: top-${top} mean S under P2 (ratio to the seeds' top-${top}) · mean pairwise Pearson of the models' expression rates on that top-${top} (lower = more distinguishable) · accepted · model calls`,
  ];
  for (const world of worlds) {
    lines.push(
      `world ${world.seed}: seeds top-${top} ${world.seedTop.toFixed(2)} (${world.unscorable} of ${world.seeds.length} seeds unscorable, left out) · Pearson ${world.onSeeds.rates.toFixed(3)}`,
    );
    for (const run of world.runs)
      lines.push(
        `  ${VARIANTS[run.variant].label.padEnd(24)} ${run.topMean.toFixed(2)} (${(run.topMean / world.seedTop).toFixed(3)}×) · ${run.pearson.rates.toFixed(3)} · ${run.bank.accepted} accepted in ${run.bank.pullsDone} pulls · ${run.modelCalls} calls · reward/pull ${run.reward.toFixed(2)}`,
      );
  }
  lines.push('', `over ${worlds.length} world(s), mean ± sd:`);
  const ratios = worlds.map((world) => world.runs[0]!.topMean / world.seedTop);
  lines.push(
    `  seeds                    top-${top} ${mean(worlds.map((w) => w.seedTop)).toFixed(2)} ± ${spread(worlds.map((w) => w.seedTop)).toFixed(2)} · Pearson ${mean(worlds.map((w) => w.onSeeds.rates)).toFixed(3)} ± ${spread(worlds.map((w) => w.onSeeds.rates)).toFixed(3)}`,
  );
  for (const [index, variant] of variantNames.entries()) {
    const tops = worlds.map((world) => world.runs[index]!.topMean);
    const pearsons = worlds.map((world) => world.runs[index]!.pearson.rates);
    const gaps = worlds.map((world) => world.runs[0]!.topMean - world.runs[index]!.topMean);
    lines.push(
      `  ${VARIANTS[variant].label.padEnd(24)} top-${top} ${mean(tops).toFixed(2)} ± ${spread(tops).toFixed(2)} · Pearson ${mean(pearsons).toFixed(3)} ± ${spread(pearsons).toFixed(3)}${index === 0 ? '' : ` · UCB + refinement ${sign(mean(gaps))} (ahead in ${gaps.filter((gap) => gap > 0).length} of ${worlds.length})`}`,
    );
  }
  lines.push(
    `  top-${top} gain of UCB + refinement over the seeds: ${ratios.map((ratio) => `${ratio.toFixed(3)}×`).join(', ')} (goal ≥ 1.3× in each world, paper 1.15×)`,
  );
  // TrueSkill win rates are relative: per value they average 50 over the models, so the models'
  // profiles sum to a constant and their mean pairwise Pearson sits near −1/(K−1) whatever the questions.
  const k = first.onSeeds.models;
  lines.push(
    '',
    `TrueSkill scores, world ${first.seed}: mean pairwise Pearson ${full.pearson.scores.toFixed(3)} on the generated top-${top}, ${first.onSeeds.scores.toFixed(3)} on the seeds — pinned near −1/(K−1) = ${(-1 / (k - 1)).toFixed(3)} for K = ${k}: scores are relative per value, so the statistic cannot tell question sets apart (rates above)`,
  );

  const per = (value: number) => (full.bank.accepted === 0 ? 'n/a' : (value / full.bank.accepted).toFixed(1));
  const plan = (seeds: number, explorers: string[], scorers: string[], pulls: number) =>
    planGeneration({
      config: example.config,
      theory: example.theory,
      seeds,
      explorers,
      scorers,
      judge: 'judge',
      settings: { ...example.config.generate, budget: pulls },
      priceOf: () => undefined,
    });
  const sum = (rows: ReturnType<typeof plan>, key: 'calls' | 'inputTokens' | 'outputTokens') =>
    rows.reduce((total, row) => total + row[key], 0);
  const paper = plan(
    1535,
    ['p1a', 'p1b', 'p1c', 'p1d', 'p1e'],
    ['p1a', 'p1b', 'p1c', 'p1d', 'p1e', 'p2a', 'p2b', 'p2c', 'p2d', 'p2e'],
    1500,
  );
  const planned = plan(first.seeds.length, full.bank.manifest.explorers, full.bank.manifest.scorers, budget);
  // The plan counts every call; calibrate it by what this run really sent (cache hits included in calls).
  const paperCalls = sum(paper, 'calls') * (full.calls / sum(planned, 'calls'));
  const paperTokens =
    (sum(paper, 'inputTokens') + sum(paper, 'outputTokens')) *
    (full.tokens / (sum(planned, 'inputTokens') + sum(planned, 'outputTokens')));
  lines.push(
    `world ${first.seed}, UCB + refinement: per accepted question ${per(full.calls)} calls (${per(full.modelCalls)} reached a model), ${per(full.tokens)} tokens; search ${full.seconds.toFixed(1)} s; peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`,
    `paper scale (B = 1500, 1,535 seeds, P1 5 + P2 10 models): about ${(paperCalls / 1e6).toFixed(2)} M calls and ${(paperTokens / 1e9).toFixed(2)} B tokens before cache hits; on the sandbox about ${((full.seconds * paperCalls) / full.calls / 60).toFixed(0)} min`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  measureStore.close();
  rmSync(dir, { recursive: true, force: true });
}
