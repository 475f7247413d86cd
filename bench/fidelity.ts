// bench:fidelity — on examples/sandbox.yaml: per-value rank correlation, across the models, of
// TrueSkill scores and expression rates with the planted weights, for each match-order policy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { createEngine } from '../src/providers/engine.js';
import { runEvaluation } from '../src/run/evaluate/evaluate.js';
import { buildObservations } from '../src/run/evaluate/observations.js';
import { sandboxModels } from '../src/sandbox/models.js';
import { DEFAULT_TRUESKILL } from '../src/stages/aggregate/trueskill.js';
import { computeValueScores } from '../src/stages/aggregate/value-scores.js';
import { spearman } from '../src/stages/analyze/correlation.js';
import { loadQuestions } from '../src/stages/questions/load-questions.js';
import { openStore } from '../src/store/index.js';

const loaded = loadConfig({ path: resolve('examples/sandbox.yaml') });
const samples = Number(process.env.BENCH_SAMPLES ?? 1);
const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-fidelity-'));
const store = openStore({ path: join(dir, 'fidelity.db') });
try {
  const questions = await loadQuestions({ path: resolve(loaded.dir, loaded.config.evaluate.questions!) });
  const engine = createEngine({
    config: loaded.config,
    theory: loaded.theory,
    cache: store.cache,
    recorder: store.calls,
    runId: 'fidelity',
  });
  const results = await runEvaluation({
    config: loaded.config,
    theory: loaded.theory,
    engine,
    store,
    questions,
    samples,
    runId: 'fidelity',
  });
  const examinees = results.models.map((model) => model.modelId);
  const planted = new Map(
    sandboxModels(loaded.theory).map((model) => [`sandbox:${model.name}`, model.weights]),
  );
  const valueIds = loaded.theory.values.map((value) => value.id);
  const { records } = buildObservations({
    questions,
    examinees,
    valueIds,
    responses: store.responses.list('fidelity'),
    judgements: store.judgements.list('fidelity'),
  });
  const summarise = (
    label: string,
    pick: (modelIndex: number, valueIndex: number) => number,
    note = '',
  ): void => {
    const correlations = valueIds.map((_, valueIndex) =>
      spearman(
        examinees.map((_, modelIndex) => pick(modelIndex, valueIndex)),
        examinees.map((id) => planted.get(id)![valueIndex]!),
      ),
    );
    const mean = correlations.reduce((sum, value) => sum + value, 0) / correlations.length;
    const worst = Math.min(...correlations);
    console.log(
      `${label.padEnd(34)} mean ${mean.toFixed(3)}  min ${worst.toFixed(3)} (${valueIds[correlations.indexOf(worst)]})  ${note}`,
    );
  };
  console.log(`${questions.length} questions × ${examinees.length} models × ${samples} sample(s)`);
  const seed = loaded.config.seed;
  const variants = [
    { label: 'paper: teams, one pass, τ=1/12', format: 'teams', order: 'given', orders: 1, tau: 25 / 300 },
    { label: 'teams, 16 shuffles, τ=0', format: 'teams', order: 'shuffled', orders: 16, tau: 0 },
    { label: 'pairs, one pass, τ=0', format: 'pairs', order: 'given', orders: 1, tau: 0 },
    { label: 'pairs, 16 shuffles, τ=1/12', format: 'pairs', order: 'shuffled', orders: 16, tau: 25 / 300 },
    { label: 'default: pairs, 16 shuffles, τ=0', format: 'pairs', order: 'shuffled', orders: 16, tau: 0 },
    { label: 'pairs, 64 shuffles, τ=0', format: 'pairs', order: 'shuffled', orders: 64, tau: 0 },
  ] as const;
  for (const variant of variants) {
    const started = performance.now();
    const scores = computeValueScores({
      records,
      modelIds: examinees,
      valueIds,
      settings: {
        matches: { format: variant.format, order: variant.order, orders: variant.orders, seed },
        trueskill: { ...DEFAULT_TRUESKILL, tau: variant.tau },
      },
    });
    const spreads = scores.models.flatMap((model) =>
      Object.values(model.values).map((value) => value.scoreSpread),
    );
    const spread = spreads.reduce((a, b) => a + b, 0) / spreads.length;
    summarise(
      `${variant.label}`,
      (m, v) => scores.models[m]!.values[valueIds[v]!]!.score ?? Number.NaN,
      `±${spread.toFixed(2)}  ${(performance.now() - started).toFixed(0)} ms`,
    );
  }
  summarise('expression rate', (m, v) => results.models[m]!.values[v]!.rate ?? Number.NaN);
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
