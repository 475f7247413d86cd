// bench:runtime — the call engine against a zero-latency local server, next to bare fetch.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { createEngine } from '../src/providers/engine.js';
import { openStore } from '../src/store/index.js';
import { mb, pool, quantile, startZeroServer, trackPeakRss } from './helpers/figures.js';

const CALLS = Number(process.env.BENCH_CALLS ?? 20_000);
const CONCURRENCY = 256;
const request = (index: number) => ({
  messages: [{ role: 'user' as const, content: `Question number ${index}: should we?` }],
});

async function bareFetch(url: string): Promise<{ seconds: number; latencies: number[] }> {
  const latencies: number[] = [];
  const started = performance.now();
  await pool(CALLS, CONCURRENCY, async (index) => {
    const begin = performance.now();
    const response = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
      body: JSON.stringify({ model: 'm', ...request(index) }),
    });
    await response.json();
    latencies.push(performance.now() - begin);
  });
  return { seconds: (performance.now() - started) / 1000, latencies };
}

async function main(): Promise<void> {
  const server = await startZeroServer();
  const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-'));
  try {
    await bareFetch(server.url); // warm-up of the server and the HTTP agent
    const bare = await bareFetch(server.url);
    const config = AdaemConfigSchema.parse({
      providers: {
        local: { type: 'openai', baseURL: `${server.url}/v1`, apiKey: 'x', concurrency: CONCURRENCY },
      },
      models: [{ id: 'local:m', price: { input: 0.15, output: 0.6 } }],
    });
    const store = openStore({ path: join(dir, 'bench.db') });
    const engine = createEngine({
      config,
      theory: SCHWARTZ_THEORY,
      cache: store.cache,
      recorder: store.calls,
    });
    const provider = engine.provider('local:m', 'examinee');
    const memory = trackPeakRss();
    const latencies: number[] = [];
    let started = performance.now();
    await pool(CALLS, CONCURRENCY, async (index) => {
      const begin = performance.now();
      await provider.chat(request(index));
      latencies.push(performance.now() - begin);
    });
    const engineSeconds = (performance.now() - started) / 1000;
    const peak = memory.stop();
    started = performance.now();
    await pool(CALLS, CONCURRENCY, async (index) => {
      const result = await provider.chat(request(index));
      if (!result.cached) throw new Error('expected a cache hit');
    });
    const cachedSeconds = (performance.now() - started) / 1000;
    const usage = engine.usage().total;
    store.close();

    const bareRate = CALLS / bare.seconds;
    const engineRate = CALLS / engineSeconds;
    console.log(
      `adaem bench:runtime — ${CALLS} chat calls, concurrency ${CONCURRENCY}, zero-latency server in its own process`,
    );
    console.log(
      `bare fetch:      ${bareRate.toFixed(0)} calls/s   p50 ${quantile(bare.latencies, 0.5).toFixed(1)} ms  p99 ${quantile(bare.latencies, 0.99).toFixed(1)} ms`,
    );
    console.log(
      `adaem engine:    ${engineRate.toFixed(0)} calls/s   p50 ${quantile(latencies, 0.5).toFixed(1)} ms  p99 ${quantile(latencies, 0.99).toFixed(1)} ms`,
    );
    console.log(`ratio:           ${(engineRate / bareRate).toFixed(2)} × bare (target ≥ 0.70)`);
    console.log(
      `added latency:   p50 ${(quantile(latencies, 0.5) - quantile(bare.latencies, 0.5)).toFixed(1)} ms  p99 ${(quantile(latencies, 0.99) - quantile(bare.latencies, 0.99)).toFixed(1)} ms`,
    );
    console.log(`peak RSS:        ${mb(peak)}`);
    console.log(`from cache:      ${(CALLS / cachedSeconds).toFixed(0)} calls/s (target ≥ 20000)`);
    console.log(
      `accounted:       ${usage.calls} calls, ${usage.cached} cached, ${usage.inputTokens + usage.outputTokens} tokens, $${usage.costUsd.toFixed(4)}`,
    );
    await rateLimited();
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function rateLimited(): Promise<void> {
  const calls = Number(process.env.BENCH_RPM_CALLS ?? 300);
  const server = await startZeroServer(600);
  try {
    const config = AdaemConfigSchema.parse({
      providers: {
        limited: { type: 'openai', baseURL: `${server.url}/v1`, apiKey: 'x', concurrency: 64, rpm: 600 },
      },
    });
    const engine = createEngine({ config, theory: SCHWARTZ_THEORY });
    const provider = engine.provider('limited:m', 'examinee');
    const started = performance.now();
    let failed = 0;
    await pool(calls, 64, async (index) => {
      await provider.chat(request(index)).catch(() => {
        failed++;
      });
    });
    const seconds = (performance.now() - started) / 1000;
    const stats = (await (await fetch(`${server.url}/stats`)).json()) as { served: number; rejected: number };
    const ideal = ((calls - 1) / 600) * 60;
    console.log(
      `rate limit:      ${calls} calls at 600 RPM in ${seconds.toFixed(1)} s (ideal ${ideal.toFixed(1)} s, ${((seconds / ideal - 1) * 100).toFixed(1)} % over), ${failed} failed, ${stats.rejected} of ${stats.served + stats.rejected} responses 429 (${((100 * stats.rejected) / (stats.served + stats.rejected)).toFixed(2)} %)`,
    );
  } finally {
    server.stop();
  }
}

await main();
