import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { killAfterPulls } from './helpers/kill-after-pulls.js';
import { runCli, spawnCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

/** What the report is made of, minus what differs between two runs by nature (times, usage of resumed sessions). */
async function reportData(dir: string, runId: string) {
  const results = await runCli(['results', `${runId}-evaluate`, '--json'], { cwd: dir });
  expect(results.code).toBe(0);
  const { usage: _usage, ...rest } = JSON.parse(results.stdout) as Record<string, unknown>;
  const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
  const bank = db
    .prepare(
      'SELECT id, text, status, reason, s_p1, s_p2 FROM generation_candidates WHERE run_id = ? ORDER BY position',
    )
    .all(`${runId}-generate`);
  const questions = db
    .prepare('SELECT question FROM questions WHERE run_id = ? ORDER BY position')
    .all(`${runId}-evaluate`);
  db.close();
  return { results: rest, bank, questions };
}

describe('adaem run', () => {
  it('with no config runs the offline sandbox end to end in a fresh directory and writes the report', async () => {
    const dir = tmp();
    const run = await runCli(['run', '--budget', '3', '--top', '20', '--run-id', 'demo'], { cwd: dir });
    expect(run.stderr).toMatch(/No adaem.yaml here: running the offline sandbox/);
    expect(run.stderr).toMatch(
      /1\/3 generate[\s\S]*2\/3 evaluate: every examinee answers 20 questions[\s\S]*3\/3 report/,
    );
    expect(run.code).toBe(0);
    const report = join(dir, 'adaem-report-demo.html');
    expect(run.stdout).toContain(`report: ${report}`);
    expect(run.stdout).toMatch(/run demo-generate \(done\): 3\/3 pulls/);
    expect(existsSync(report)).toBe(true);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Question generation');
    expect(html).toMatch(/Simulated/i);
    // the store is in the working directory, not next to the packaged example
    expect(existsSync(join(dir, '.adaem', 'adaem.db'))).toBe(true);
  }, 240_000);

  it('resumed after kill -9 gives the same report data as an uninterrupted run', async () => {
    const whole = tmp();
    expect(
      (await runCli(['run', '--budget', '6', '--top', '15', '--run-id', 'r'], { cwd: whole })).code,
    ).toBe(0);

    const killed = tmp();
    const child = spawnCli(['run', '--budget', '6', '--top', '15', '--run-id', 'r'], { cwd: killed });
    const store = join(killed, '.adaem', 'adaem.db');
    await killAfterPulls(child, store, 2);
    const resumed = await runCli(['run', '--resume', 'r'], { cwd: killed });
    expect(resumed.stderr).toMatch(/run r-generate \(resumed\)/);
    expect(resumed.code).toBe(0);
    expect(existsSync(join(killed, 'adaem-report-r.html'))).toBe(true);
    expect(await reportData(killed, 'r')).toEqual(await reportData(whole, 'r'));
  }, 300_000);

  it('refuses bad input with one line and exit 2', async () => {
    const dir = tmp();
    for (const [args, message] of [
      [['run', '--resume', 'nope'], /no run "nope"|no store/],
      [['run', '--resume', 'x', '--top', '3'], /drop --questions, --budget, --top and --run-id/],
      [['run', '--top', '0'], /--top must be a whole number ≥ 1/],
      [['run', '--questions', 'missing.jsonl'], /missing\.jsonl/],
    ] as [string[], RegExp][]) {
      const run = await runCli(args, { cwd: dir });
      expect(run.code, args.join(' ')).toBe(2);
      expect(
        run.stderr
          .trim()
          .split('\n')
          .filter((line) => !/^(No adaem.yaml|To measure)/.test(line)),
      ).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  }, 120_000);
});
