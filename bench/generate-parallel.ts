// bench:generate-parallel — how long the question search takes against a slow API, one pull at a
// time (the method) against batches of parallel pulls: the sandbox panel behind its OpenAI-compatible
// HTTP server with added latency per request, a fresh store (no cache) for each setting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/load-config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { createEngine } from '../src/providers/engine.js';
import { collectGeneration } from '../src/run/generate/collect-generation.js';
import { runGeneration } from '../src/run/generate/generate.js';
import { startSandboxServer } from '../src/sandbox/server.js';
import { loadSeeds } from '../src/stages/seeds/load-seeds.js';
import { openStore } from '../src/store/index.js';

const latency = Number(process.env.BENCH_LATENCY_MS ?? 200);
const budget = Number(process.env.BENCH_BUDGET ?? 16);
const widths = (process.env.BENCH_PARALLEL ?? '1,4,8').split(',').map(Number);
const seedCount = Number(process.env.BENCH_SEEDS ?? 40);

const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-parallel-'));
const serverConfig = loadConfig({ path: 'examples/sandbox.yaml' }).config;
const server = await startSandboxServer({
  config: serverConfig,
  theory: SCHWARTZ_THEORY,
  faults: { latencyMs: latency },
});

/** The example's panels (P1 4, P2 10 models, judge and safety), each reached over HTTP. */
function configFor(width: number) {
  const explorers = ['atlas', 'basalt', 'cirrus', 'dune'];
  const scorers = ['ember', 'fjord', 'grove', 'harbor', 'iris', 'jade'];
  const path = join(dir, `adaem-${width}.yaml`);
  writeFileSync(
    path,
    [
      'seed: 42',
      'providers:',
      `  sbx: { type: openai, baseURL: "${server.url}", apiKey: none, concurrency: 256 }`,
      'models:',
      ...explorers.map((name) => `  - { id: sbx:${name}, roles: [generator, scorer] }`),
      ...scorers.map((name) => `  - { id: sbx:${name}, roles: [scorer] }`),
      '  - { id: sbx:judge, roles: [judge, safety] }',
      'evaluate:',
      '  judgeMode: batched',
      'generate:',
      `  budget: ${budget}`,
      `  parallelPulls: ${width}`,
      `store: ${join(dir, `store-${width}.db`)}`,
    ].join('\n'),
  );
  return loadConfig({ path });
}

try {
  const lines: string[] = [];
  let sequential: number | undefined;
  for (const width of widths) {
    const loaded = configFor(width);
    const store = openStore({ path: loaded.storePath });
    const engine = createEngine({
      config: loaded.config,
      theory: loaded.theory,
      cache: store.cache,
      recorder: store.calls,
      runId: `w${width}`,
    });
    const seeds = (await loadSeeds('builtin', { theory: loaded.theory, seed: 42 })).slice(0, seedCount);
    let searchStarted = 0;
    await runGeneration({
      config: loaded.config,
      theory: loaded.theory,
      engine,
      store,
      seeds,
      seedSource: 'builtin',
      runId: `w${width}`,
      onProgress: (progress) => {
        if (progress.phase === 'search' && searchStarted === 0) searchStarted = performance.now();
      },
    });
    const seconds = (performance.now() - searchStarted) / 1000;
    const calls = engine.usage().total.calls;
    await engine.close();
    const bank = collectGeneration(store, `w${width}`);
    store.close();
    sequential ??= seconds;
    const top = bank.questions.slice(0, 20).map((question) => question.sP2 ?? 0);
    lines.push(
      `parallelPulls ${String(width).padStart(2)}: search ${seconds.toFixed(1)} s (${(sequential / seconds).toFixed(1)}× one at a time), ${calls} calls incl. seed scoring, ${bank.accepted} accepted, top-20 mean S ${(top.reduce((sum, value) => sum + value, 0) / Math.max(1, top.length)).toFixed(2)}`,
    );
  }
  process.stdout.write(
    `bench:generate-parallel — sandbox over HTTP with ${latency} ms per request, B = ${budget}, ${seedCount} seeds, P1 4 / P2 10\n${lines.join('\n')}\n`,
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
