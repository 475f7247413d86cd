import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import type { SandboxBatchOptions } from '../src/sandbox/batch-routes.js';
import { type SandboxServer, startSandboxServer } from '../src/sandbox/server.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const QUESTIONS = [
  'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
  'Should Brazil admit more climate refugees even if it means less national wealth?',
  'Should India rank schools publicly by exam performance even if it means less caring for families?',
];

let server: SandboxServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function startServer(
  batch: SandboxBatchOptions = {},
  promptCacheMinTokens?: number,
): Promise<SandboxServer> {
  server = await startSandboxServer({
    config: AdaemConfigSchema.parse({}),
    theory: SCHWARTZ_THEORY,
    batch,
    ...(promptCacheMinTokens === undefined ? {} : { promptCacheMinTokens }),
  });
  return server;
}

/** A project whose panel (two examinees and the judge) lives on the sandbox server, as on a lab's endpoint. */
function project(url: string, extra = ''): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'providers:',
      `  lab: { type: openai, baseURL: "${url}" }`,
      'models:',
      '  - { id: lab:atlas, roles: [examinee], price: { input: 2, output: 8, batchInput: 1, batchOutput: 4 } }',
      '  - { id: lab:basalt, roles: [examinee], price: { input: 2, output: 8, batchInput: 1, batchOutput: 4 } }',
      '  - { id: lab:judge, roles: [judge], price: { input: 2, output: 8, batchInput: 1, batchOutput: 4 } }',
      'evaluate: { questions: q.txt }',
      'batch: { pollIntervalMs: 50, maxPollIntervalMs: 200, collectMs: 200 }',
      extra,
    ].join('\n'),
  );
  return dir;
}

/** What a run found, without what differs by how it was sent (ids, times, usage). */
function findings(stdout: string) {
  const results = JSON.parse(stdout) as { models: unknown[]; errorRate: number };
  return { models: results.models, errorRate: results.errorRate };
}

/**
 * The sandbox server behind a proxy that adds what its batch routes lack — a batch's `metadata`
 * kept as created, and `GET /v1/batches`, the list, newest first — and calls `onFirstBatch` once
 * the sandbox has accepted the first batch, before its answer (the batch id) is passed on.
 */
async function startListingProxy(sandboxUrl: string, onFirstBatch: () => Promise<void>) {
  const origin = sandboxUrl.replace(/\/v1$/, '');
  const created: { id: string; metadata: unknown }[] = [];
  let first = true;
  const proxy = createServer(async (request, response) => {
    response.on('error', () => undefined);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = request.url ?? '/';
    if (request.method === 'GET' && /^\/v1\/batches(\?|$)/.test(path)) {
      const data = await Promise.all(
        [...created].reverse().map(async (batch) => ({
          ...((await (await fetch(`${origin}/v1/batches/${batch.id}`)).json()) as object),
          metadata: batch.metadata,
        })),
      );
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(JSON.stringify({ object: 'list', data, has_more: false }));
    }
    const upstream = await fetch(`${origin}${path}`, {
      method: request.method,
      headers: { 'content-type': request.headers['content-type'] ?? 'application/json' },
      ...(request.method === 'GET' ? {} : { body }),
    });
    const text = await upstream.text();
    if (request.method === 'POST' && path === '/v1/batches' && upstream.ok) {
      const metadata = (JSON.parse(body.toString()) as { metadata?: unknown }).metadata ?? null;
      created.push({ id: (JSON.parse(text) as { id: string }).id, metadata });
      if (first) {
        first = false;
        await onFirstBatch();
      }
    }
    response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? '' });
    response.end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  };
}

/** Counts the store's batch rows in a state. */
function batchRows(dir: string, status: string): number {
  const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM batches WHERE status = ?').get(status) as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('batch execution through the CLI against the sandbox server', () => {
  it('gives the same results live and in batch mode, two waves, at the batch price', async () => {
    const live = await startServer();
    const liveDir = project(live.url);
    const liveRun = await runCli(['evaluate', '--json', '--run-id', 'live'], { cwd: liveDir });
    expect(liveRun.code).toBe(0);
    await live.close();
    const batched = await startServer({ completionDelayMs: 100 });
    const batchDir = project(batched.url);
    const batchRun = await runCli(['evaluate', '--json', '--batch', '--run-id', 'batch'], { cwd: batchDir });
    expect(batchRun.code, batchRun.stderr).toBe(0);
    expect(findings(batchRun.stdout)).toEqual(findings(liveRun.stdout));
    // A batch holds one model's requests: each examinee's opinions, then the judgements of every key point.
    expect(batched.batches.batchesSubmitted).toBe(3);
    const liveCost = JSON.parse(liveRun.stdout).usage.total.costUsd as number;
    const batchCost = JSON.parse(batchRun.stdout).usage.total.costUsd as number;
    expect(batchCost).toBeCloseTo(liveCost / 2, 6);
    // The manifests say which run was batched: --batch is recorded as batch.all.
    const configOf = async (cwd: string, runId: string) => {
      const out = join(cwd, `export-${runId}`);
      expect((await runCli(['export', runId, '--out', out], { cwd })).code).toBe(0);
      return JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).config;
    };
    expect((await configOf(liveDir, 'live')).batch.all).toBe(false);
    expect((await configOf(batchDir, 'batch')).batch.all).toBe(true);
  });

  it('gives the same results live and through Anthropic message batches', async () => {
    const sandbox = await startServer({ completionDelayMs: 50 });
    const anthropic = (dir: string) => {
      const file = join(dir, 'adaem.yaml');
      const root = sandbox.url.replace(/\/v1$/, '');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          `lab: { type: openai, baseURL: "${sandbox.url}" }`,
          `lab: { type: anthropic, baseURL: "${root}", apiKey: sk-ant-test }`,
        ),
      );
      return dir;
    };
    const live = await runCli(['evaluate', '--json'], { cwd: anthropic(project(sandbox.url)) });
    expect(live.code, live.stderr).toBe(0);
    const batched = await runCli(['evaluate', '--json', '--batch'], { cwd: anthropic(project(sandbox.url)) });
    expect(batched.code, batched.stderr).toBe(0);
    expect(sandbox.batches.batchesSubmitted).toBe(3);
    expect(findings(batched.stdout)).toEqual(findings(live.stdout));
  });

  it('after kill -9 while a batch is in flight, --resume polls the same batch: nothing submitted twice', async () => {
    const sandbox = await startServer({ completionDelayMs: 1500 });
    const dir = project(sandbox.url);
    const child = spawnCli(['evaluate', '--batch', '--run-id', 'killed'], { cwd: dir });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until both examinees' batches are submitted and stored with the run, then kill the process outright.
    const store = join(dir, '.adaem', 'adaem.db');
    for (let tries = 0; ; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (sandbox.batches.batchesSubmitted === 0) continue;
      try {
        const db = new Database(store, { readonly: true });
        const stored = db.prepare("SELECT COUNT(*) AS n FROM batches WHERE status = 'submitted'").get() as {
          n: number;
        };
        db.close();
        if (stored.n === 2) break;
      } catch {
        // the store is still being created
      }
      if (tries > 400) throw new Error('no batch was stored');
    }
    child.kill('SIGKILL');
    await exited;
    expect(sandbox.batches.batchesSubmitted).toBe(2);
    const resumed = await runCli(['evaluate', '--resume', 'killed', '--batch', '--json'], { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(sandbox.batches.batchesSubmitted).toBe(3);
    expect(Math.max(...sandbox.batches.requestsSubmitted.values())).toBe(1);
    expect(
      JSON.parse(resumed.stdout).models.map(
        (model: { counts: { opinions: number } }) => model.counts.opinions,
      ),
    ).toEqual([3, 3]);
  });

  it('after a kill between the provider accepting a batch and the store recording its id, --resume finds it by its key: nothing submitted twice', async () => {
    const sandbox = await startServer({ completionDelayMs: 300 });
    let exited: Promise<unknown> = Promise.resolve();
    let kill = (): void => undefined;
    const proxy = await startListingProxy(sandbox.url, async () => {
      kill();
      await exited;
    });
    try {
      const dir = project(proxy.url);
      const child = spawnCli(['evaluate', '--batch', '--run-id', 'cut'], { cwd: dir });
      exited = new Promise((resolve) => child.on('exit', resolve));
      kill = () => child.kill('SIGKILL');
      await exited;
      expect(sandbox.batches.batchesSubmitted).toBeGreaterThanOrEqual(1);
      // The accepted batch's id never reached the store: only its intent, recorded before submitting.
      expect(batchRows(dir, 'intended')).toBeGreaterThanOrEqual(1);
      const resumed = await runCli(['evaluate', '--resume', 'cut', '--batch', '--json'], { cwd: dir });
      expect(resumed.code, resumed.stderr).toBe(0);
      // Each request went into exactly one batch: the accepted one was found and polled, not submitted again.
      expect(Math.max(...sandbox.batches.requestsSubmitted.values())).toBe(1);
      expect(resumed.stderr).not.toMatch(/submitting its requests again/);
      expect(batchRows(dir, 'intended')).toBe(0);
      expect(
        JSON.parse(resumed.stdout).models.map(
          (model: { counts: { opinions: number } }) => model.counts.opinions,
        ),
      ).toEqual([3, 3]);
    } finally {
      await proxy.close();
    }
  });

  it('records the judge prefix read from the prompt cache, prices it at the cache price and shows the saving', async () => {
    const sandbox = await startServer({}, 100);
    const dir = project(sandbox.url, '').replace(/$/, '');
    writeFileSync(
      join(dir, 'adaem.yaml'),
      readFileSync(join(dir, 'adaem.yaml'), 'utf8').replace(
        'lab:judge, roles: [judge], price: { input: 2, output: 8, batchInput: 1, batchOutput: 4 }',
        'lab:judge, roles: [judge], price: { input: 2, output: 8, batchInput: 1, batchOutput: 4, cachedInput: 0.2 }',
      ),
    );
    const run = await runCli(['evaluate', '--batch', '--json', '--run-id', 'cached'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).usage.total;
    // Every call sent went through a batch (identical requests in flight were sent once, shared).
    expect(total.batched).toBe(total.calls - total.shared - total.cached);
    expect(total.cachedInputTokens).toBeGreaterThan(0);
    // 0.9 of the batch input price saved on every cached token (1 − 0.2 / 2 at batch scale 0.5).
    expect(total.savedUsd).toBeCloseTo((total.cachedInputTokens * 0.9) / 1e6, 9);
    const shown = await runCli(['results', 'cached'], { cwd: dir });
    expect(shown.stdout).toMatch(
      new RegExp(
        `${total.batched} calls in batches \\(batch prices\\); ${total.cachedInputTokens} input tokens from prompt caches, saving \\$`,
      ),
    );
  });

  it('sends requests of an expired or failed batch into the next batch, with the reason recorded', async () => {
    const sandbox = await startServer({ expiredRate: 0.2, failureRate: 0.2 });
    const run = await runCli(['evaluate', '--batch', '--json', '--run-id', 'faulty'], {
      cwd: project(sandbox.url),
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /batch batch_sandbox_\d+ \((expired|completed)\): (batch_expired|server_error)/,
    );
    expect(sandbox.batches.batchesSubmitted).toBeGreaterThan(2);
    expect(Math.max(...sandbox.batches.requestsSubmitted.values())).toBeGreaterThan(1);
    expect(JSON.parse(run.stdout).errorRate).toBe(0);
  });
});

/** Runs a batch file's requests against the sandbox server, as `vllm run-batch` would on a cluster. */
async function runBatchFile(
  url: string,
  input: string,
  output: string,
  edit?: (lines: string[]) => string[],
) {
  const lines: string[] = [];
  for (const line of readFileSync(input, 'utf8').split('\n').filter(Boolean)) {
    const request = JSON.parse(line) as { custom_id: string; body: unknown };
    const response = await fetch(`${url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.body),
    });
    lines.push(
      JSON.stringify({
        id: `vllm-${request.custom_id}`,
        custom_id: request.custom_id,
        response: { status_code: 200, request_id: 'r', body: await response.json() },
        error: null,
      }),
    );
  }
  writeFileSync(output, `${(edit ? edit(lines) : lines).join('\n')}\n`);
}

describe('--dry-run prices', () => {
  it('shows the plan live, through the batch API and with the cache, at the built-in prices', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'models:',
        '  - { id: openai:gpt-4o-mini, roles: [examinee] }',
        '  - { id: anthropic:claude-3-5-haiku-latest, roles: [examinee] }',
        '  - { id: openai:gpt-4o, roles: [judge] }',
        'evaluate: { questions: q.txt }',
      ].join('\n'),
    );
    const plan = await runCli(['evaluate', '--dry-run'], {
      cwd: dir,
      env: { OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' },
    });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/live\s+batch\s+batch \+ cache/);
    const total = /total\s+\d+\s+\$(\d+\.\d+)\s+\$(\d+\.\d+)\s+\$(\d+\.\d+)/.exec(plan.stdout);
    expect(total).not.toBeNull();
    const [live, batch, cached] = total!.slice(1).map(Number);
    expect(batch).toBeCloseTo(live! / 2, 3);
    // The judge's prefix (~350 tokens) is under the providers' 1,024-token minimum: nothing cached.
    expect(cached).toBe(batch);
    expect(plan.stdout).toMatch(/at least the provider's minimum \(1,024 tokens/);
  });
});

describe('offline batch files (--batch-file, --batch-results)', () => {
  it('writes the requests, takes results in over two waves, and ends with the live results', async () => {
    const sandbox = await startServer();
    const live = await runCli(['evaluate', '--json', '--run-id', 'live'], { cwd: project(sandbox.url) });
    const dir = project(sandbox.url);
    const first = await runCli(['evaluate', '--batch-file', 'requests.jsonl', '--run-id', 'lab'], {
      cwd: dir,
    });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/requests written to .*requests\.jsonl/);
    const requests = readFileSync(join(dir, 'requests.jsonl'), 'utf8').trim().split('\n');
    expect(requests).toHaveLength(6);
    expect(JSON.parse(requests[0]!)).toMatchObject({ method: 'POST', url: '/v1/chat/completions' });

    // A broken results file stops with one line naming file and line, and stores nothing.
    await runBatchFile(sandbox.url, join(dir, 'requests.jsonl'), join(dir, 'bad.jsonl'), (lines) => [
      lines[0]!,
      '{"custom_id": "x", "broken',
      ...lines.slice(1),
    ]);
    const bad = await runCli(['evaluate', '--resume', 'lab', '--batch-results', 'bad.jsonl'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/bad\.jsonl:2: not a JSON line/);
    await runBatchFile(sandbox.url, join(dir, 'requests.jsonl'), join(dir, 'short.jsonl'), (lines) =>
      lines.slice(1),
    );
    const short = await runCli(['evaluate', '--resume', 'lab', '--batch-results', 'short.jsonl'], {
      cwd: dir,
    });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/short\.jsonl:\d+: 1 request\(s\) of .* have no result line/);

    await runBatchFile(sandbox.url, join(dir, 'requests.jsonl'), join(dir, 'results.jsonl'));
    const second = await runCli(['evaluate', '--resume', 'lab', '--batch-results', 'results.jsonl'], {
      cwd: dir,
    });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/requests written to .*requests\.wave2\.jsonl/);
    // The first wave's results again, now for the judge's wave: from another wave, refused.
    const stale = await runCli(['evaluate', '--resume', 'lab', '--batch-results', 'results.jsonl'], {
      cwd: dir,
    });
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/results\.jsonl:1: custom_id \S+ is not a request of run lab's batch/);

    await runBatchFile(sandbox.url, join(dir, 'requests.wave2.jsonl'), join(dir, 'results2.jsonl'));
    const done = await runCli(
      ['evaluate', '--resume', 'lab', '--batch-results', 'results2.jsonl', '--json'],
      { cwd: dir },
    );
    expect(done.code).toBe(0);
    expect(findings(done.stdout)).toEqual(findings(live.stdout));
  });
});
