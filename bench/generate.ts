// bench:generate — the question search on the sandbox (examples/sandbox.yaml, built-in seeds):
// UCB + refinement against a uniform, unrefined search that spends the same number of model calls;
// the P2 score of the top-100 generated questions against the top-100 seeds; how distinguishable the
// sandbox models are when evaluated on each set; cost per accepted question; a paper-scale projection.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import type { AdaemConfig } from '../src/core/config.js';
import type { Question } from '../src/core/question.js';
import { createEngine } from '../src/providers/engine.js';
import { bankOf, collectGeneration } from '../src/run/collect-generation.js';
import { runEvaluation } from '../src/run/evaluate.js';
import { runGeneration } from '../src/run/generate.js';
import { planGeneration } from '../src/run/plan-generation.js';
import { pearson } from '../src/stages/analyze/correlation.js';
import { scorePanel } from '../src/stages/generate/score-panel.js';
import { loadSeeds } from '../src/stages/seeds/load-seeds.js';
import { lexicalSimilarity } from '../src/stages/similarity/similarity-backend.js';
import { openStore } from '../src/store/index.js';
import { trackPeakRss } from './helpers/figures.js';

const budget = Number(process.env.BENCH_BUDGET ?? 200);
const top = Number(process.env.BENCH_TOP ?? 100);
const example = loadConfig({ path: resolve('examples/sandbox.yaml') });
// BENCH_SEEDS=1,2,3 repeats the comparison in differently seeded sandbox worlds (default: the example's seed).
const worldSeeds = (process.env.BENCH_SEEDS ?? String(example.config.seed)).split(',').map(Number);
let loaded = example;
const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-generate-'));
const store = openStore({ path: join(dir, 'generate.db') });
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

function engineFor(config: AdaemConfig, runId: string) {
  return createEngine({ config, theory: loaded.theory, cache: store.cache, recorder: store.calls, runId });
}

async function generate(runId: string, config: AdaemConfig, seeds: Question[], maxModelCalls?: number) {
  const engine = engineFor(config, runId);
  const started = performance.now();
  await runGeneration({
    config,
    theory: loaded.theory,
    engine,
    store,
    seeds,
    seedSource: 'builtin',
    runId,
    maxModelCalls,
  });
  const seconds = (performance.now() - started) / 1000;
  const usage = engine.usage().total;
  await engine.close();
  return {
    seconds,
    modelCalls: usage.calls - usage.cached,
    calls: usage.calls,
    tokens: usage.inputTokens + usage.outputTokens,
  };
}

/** S under P2 of each question (the same scoring the search uses for its reward). */
async function p2Scores(questions: Question[], runId: string): Promise<number[]> {
  const engine = engineFor(loaded.config, runId);
  const settings = loaded.config.generate;
  const scorers = loaded.config.models
    .filter((m) => m.roles.includes('scorer'))
    .map((m) => engine.provider(m.id, 'scorer'));
  const judge = engine.provider('sandbox:judge', 'judge');
  const scores: number[] = [];
  for (const question of questions) {
    const score = await scorePanel({
      question: question.text,
      panel: scorers,
      judge,
      theory: loaded.theory,
      similarity: lexicalSimilarity(),
      settings: {
        judgeMode: settings.judgeMode,
        pointsPerAnswer: settings.pointsPerAnswer,
        weights: settings.weights,
        params: { temperature: settings.temperature, topP: settings.topP, seed: loaded.config.seed },
      },
    });
    scores.push(score.terms?.s ?? 0);
  }
  await engine.close();
  return scores;
}

/** Mean pairwise Pearson between the examinees' value profiles (TrueSkill scores, and expression rates). */
async function distinguishability(questions: Question[], runId: string) {
  const engine = engineFor(loaded.config, runId);
  const results = await runEvaluation({
    config: loaded.config,
    theory: loaded.theory,
    engine,
    store,
    questions,
    runId,
  });
  await engine.close();
  const pairs = (pick: (value: { score: number | null; rate: number | null }) => number) => {
    const profiles = results.models.map((model) => model.values.map(pick));
    const found: number[] = [];
    for (let i = 0; i < profiles.length; i++)
      for (let j = i + 1; j < profiles.length; j++) found.push(pearson(profiles[i]!, profiles[j]!));
    return mean(found);
  };
  return { scores: pairs((value) => value.score ?? 0), rates: pairs((value) => value.rate ?? 0) };
}

/** One world seed: UCB + refinement against uniform, and both against the seeds, under P2. */
async function compare(seed: number) {
  loaded = { ...example, config: { ...example.config, seed } };
  const seeds = await loadSeeds('builtin', { theory: loaded.theory, seed });
  const ucbConfig: AdaemConfig = { ...loaded.config, generate: { ...loaded.config.generate, budget } };
  const ucb = await generate(`ucb-${seed}`, ucbConfig, seeds);
  const uniformConfig: AdaemConfig = {
    ...loaded.config,
    generate: { ...loaded.config.generate, budget: budget * 20, armChoice: 'uniform', refineDepth: 0 },
  };
  await generate(`uniform-${seed}`, uniformConfig, seeds, ucb.modelCalls);
  const ucbBank = collectGeneration(store, `ucb-${seed}`);
  const uniformBank = collectGeneration(store, `uniform-${seed}`);
  const seedScores = await p2Scores(seeds, `seeds-p2-${seed}`);
  const topMean = (bank: typeof ucbBank) => mean(bank.questions.slice(0, top).map((q) => q.sP2 ?? 0));
  const meanReward = (bank: typeof ucbBank) => mean(bank.pulls.map((pull) => pull.reward));
  return {
    seed,
    seeds,
    seedScores,
    ucb,
    ucbBank,
    uniformBank,
    generated: topMean(ucbBank),
    uniform: topMean(uniformBank),
    seedTop: mean([...seedScores].sort((a, b) => b - a).slice(0, top)),
    ucbReward: meanReward(ucbBank),
    uniformReward: meanReward(uniformBank),
  };
}

const rss = trackPeakRss();
try {
  const runs = [];
  for (const seed of worldSeeds.slice(1)) runs.push(await compare(seed));
  // The first seed last, so that the detailed figures below read its world.
  const first = await compare(worldSeeds[0]!);
  runs.unshift(first);
  const { seeds, seedScores, ucb, ucbBank, uniformBank } = first;
  const topMean = (bank: typeof ucbBank) => mean(bank.questions.slice(0, top).map((q) => q.sP2 ?? 0));
  const topSeeds = first.seedTop;
  const seedsByScore = seeds
    .map((seed, index) => ({ seed, score: seedScores[index]! }))
    .sort((a, b) => b.score - a.score)
    .slice(0, top)
    .map((entry) => entry.seed);
  const onGenerated = await distinguishability(bankOf(ucbBank, top), 'eval-generated');
  const onSeeds = await distinguishability(seedsByScore, 'eval-seeds');
  const peak = rss.stop();

  const per = (value: number) => (ucbBank.accepted === 0 ? 'n/a' : (value / ucbBank.accepted).toFixed(1));
  const paper = planGeneration({
    config: loaded.config,
    theory: loaded.theory,
    seeds: 1535,
    explorers: ['p1a', 'p1b', 'p1c', 'p1d', 'p1e'],
    scorers: ['p1a', 'p1b', 'p1c', 'p1d', 'p1e', 'p2a', 'p2b', 'p2c', 'p2d', 'p2e'],
    judge: 'judge',
    settings: { ...loaded.config.generate, budget: 1500 },
    priceOf: () => undefined,
  });
  const planned = planGeneration({
    config: loaded.config,
    theory: loaded.theory,
    seeds: seeds.length,
    explorers: ucbBank.manifest.explorers,
    scorers: ucbBank.manifest.scorers,
    judge: ucbBank.manifest.judge,
    settings: { ...loaded.config.generate, budget },
    priceOf: () => undefined,
  });
  const sum = (rows: typeof paper, key: 'calls' | 'inputTokens' | 'outputTokens') =>
    rows.reduce((total, row) => total + row[key], 0);
  // The plan counts every call; calibrate it by what this run really sent to a model (cache hits included in calls).
  const callRatio = ucb.calls / sum(planned, 'calls');
  const paperCalls = sum(paper, 'calls') * callRatio;
  const paperTokens =
    (sum(paper, 'inputTokens') + sum(paper, 'outputTokens')) *
    (ucb.tokens / (sum(planned, 'inputTokens') + sum(planned, 'outputTokens')));
  const meanReward = (bank: typeof ucbBank) => mean(bank.pulls.map((pull) => pull.reward));
  const perSeed =
    runs.length < 2
      ? []
      : [
          `world seeds ${worldSeeds.join(', ')} — top-${top} generated / seeds / uniform, and reward per pull UCB / uniform:`,
          ...runs.map(
            (run) =>
              `  seed ${run.seed}: ${run.generated.toFixed(2)} / ${run.seedTop.toFixed(2)} (${(run.generated / run.seedTop).toFixed(3)}×) / ${run.uniform.toFixed(2)} (UCB ${run.generated >= run.uniform ? '+' : ''}${(run.generated - run.uniform).toFixed(2)}); ${run.ucbReward.toFixed(2)} / ${run.uniformReward.toFixed(2)}`,
          ),
          `  mean: ratio ${mean(runs.map((run) => run.generated / run.seedTop)).toFixed(3)}×, UCB + refinement minus uniform ${mean(runs.map((run) => run.generated - run.uniform)).toFixed(3)} (better in ${runs.filter((run) => run.generated > run.uniform).length} of ${runs.length}), reward per pull ${mean(runs.map((run) => run.ucbReward)).toFixed(2)} vs ${mean(runs.map((run) => run.uniformReward)).toFixed(2)}`,
        ];
  const lines = [
    `bench:generate — sandbox, ${seeds.length} built-in seeds, B = ${budget}, P1 ${ucbBank.manifest.explorers.length} / P2 ${ucbBank.manifest.scorers.length} models, top ${top}`,
    `mean S (P2) of the top-${top}: generated ${topMean(ucbBank).toFixed(2)} vs seeds ${topSeeds.toFixed(2)} → ${(topMean(ucbBank) / topSeeds).toFixed(3)}× (paper 1.15×, goal ≥ 1.3×)`,
    `same model calls (${ucb.modelCalls}), uniform arms without refinement: top-${top} ${topMean(uniformBank).toFixed(2)} (${uniformBank.pullsDone} pulls, ${uniformBank.accepted} accepted) vs UCB + refinement ${topMean(ucbBank).toFixed(2)} (${ucbBank.pullsDone} pulls, ${ucbBank.accepted} accepted)`,
    `mean reward per pull (mean S under P2 of what a pull added): UCB + refinement ${meanReward(ucbBank).toFixed(2)} vs uniform ${meanReward(uniformBank).toFixed(2)}`,
    `mean pairwise Pearson between the ${onGenerated ? 10 : 0} sandbox models' profiles (lower = more distinguishable): TrueSkill scores ${onGenerated.scores.toFixed(3)} on the top-${top} generated vs ${onSeeds.scores.toFixed(3)} on the top-${top} seeds; expression rates ${onGenerated.rates.toFixed(3)} vs ${onSeeds.rates.toFixed(3)}`,
    `per accepted question: ${per(ucb.calls)} calls (${per(ucb.modelCalls)} reached a model), ${per(ucb.tokens)} tokens`,
    `wall time ${ucb.seconds.toFixed(1)} s for the search, peak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`,
    ...perSeed,
    `paper scale (B = 1500, 1,535 seeds, P1 5 + P2 10 models): about ${(paperCalls / 1e6).toFixed(2)} M calls and ${(paperTokens / 1e9).toFixed(2)} B tokens before cache hits; on the sandbox about ${((ucb.seconds * paperCalls) / ucb.calls / 60).toFixed(0)} min`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
