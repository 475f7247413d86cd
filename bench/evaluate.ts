// bench:evaluate — paper scale: 12,310 questions × 16 sandbox models, batched judge, in-process.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/index.js';
import { mb, trackPeakRss } from './helpers/figures.js';
import { examinees, PAPER_QUESTIONS, paperScaleRun } from './helpers/paper-scale.js';

const dir = mkdtempSync(join(tmpdir(), 'adaem-bench-evaluate-'));
const size = (path: string): number =>
  statSync(path).size + (statSync(`${path}-wal`, { throwIfNoEntry: false })?.size ?? 0);
try {
  const items = PAPER_QUESTIONS * examinees.length;
  const freshPath = join(dir, 'fresh.db');
  const store = openStore({ path: freshPath });
  const memory = trackPeakRss();
  let started = performance.now();
  const fresh = await paperScaleRun({ store, runId: 'fresh' });
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  store.close();
  const freshCalls = fresh.usage.total.calls - fresh.usage.total.cached;

  // Kill a second run with SIGKILL at 50 %, then resume it.
  const killedPath = join(dir, 'killed.db');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./helpers/paper-scale-child.ts', import.meta.url).pathname, killedPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const [done, total] = chunk.toString().trim().split('\n').at(-1)!.split(' ').map(Number);
      if (done! >= total! / 2) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  await new Promise((resolve) => child.on('exit', resolve));
  const resumedStore = openStore({ path: killedPath });
  const before = resumedStore.calls.summary('killed').reduce((sum, row) => sum + row.calls - row.cached, 0);
  started = performance.now();
  const resumed = await paperScaleRun({ store: resumedStore, runId: 'killed', resume: true });
  const resumeSeconds = (performance.now() - started) / 1000;
  resumedStore.close();
  const resumedCalls = resumed.usage.total.calls - resumed.usage.total.cached;
  const same = JSON.stringify(resumed.results.models) === JSON.stringify(fresh.results.models);

  console.log(
    `adaem bench:evaluate — ${PAPER_QUESTIONS} questions × ${examinees.length} sandbox models, batched judge, in-process`,
  );
  console.log(
    `wall time:               ${seconds.toFixed(1)} s for ${items} (question, model) items and ${freshCalls} model calls`,
  );
  console.log(
    `per item:                ${((seconds * 1e6) / items).toFixed(0)} µs (orchestration, store and simulation together)`,
  );
  console.log(`peak RSS:                ${mb(peak)} (target < 1.5 GB)`);
  console.log(`store size:              ${mb(size(freshPath))}`);
  console.log(
    `resume after SIGKILL at 50 %: ${resumeSeconds.toFixed(1)} s to finish, ${before} calls committed before the kill + ${resumedCalls} after = ${before + resumedCalls - freshCalls} calls re-issued, results ${same ? 'identical to' : 'DIFFERENT from'} the uninterrupted run`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
