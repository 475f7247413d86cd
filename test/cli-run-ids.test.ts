import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

describe('the id adaem run prints', () => {
  it('works wherever an evaluation id does, saying which stage it means, and is printed with what to do next', async () => {
    const dir = tmp();
    const run = await runCli(['run', '--budget', '2', '--top', '12', '--run-id', 'p'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Next:\n {2}adaem results p /);
    const note = /run p is a pipeline run: using its evaluation stage p-evaluate/;
    const results = await runCli(['results', 'p', '--json'], { cwd: dir });
    expect(results.code).toBe(0);
    expect(JSON.parse(results.stdout).runId).toBe('p-evaluate');
    expect(results.stderr).toMatch(note);
    const exported = await runCli(['export', 'p', '--out', 'out'], { cwd: dir });
    expect(exported.code).toBe(0);
    expect(existsSync(join(dir, 'out', 'responses.jsonl'))).toBe(true);
    const report = await runCli(['report', 'p', '--out', 'r.html'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(report.stderr).toMatch(note);
    const analyzed = await runCli(['analyze', 'informativeness', 'p', '--json'], { cwd: dir });
    expect(analyzed.code).toBe(0);
    expect(JSON.parse(analyzed.stdout).runId).toBe('p-evaluate');
  });
});
