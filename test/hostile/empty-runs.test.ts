import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

describe('no empty "done" (issue 20, item 4)', () => {
  it('marks a run whose set-up fails as failed with its reason, and refuses to resume it as done', async () => {
    const dir = tmp();
    // 400 long questions do not fit a store capped at 120 pages; the run row and its manifest do.
    const rows = Array.from({ length: 400 }, (_, index) =>
      JSON.stringify({
        id: `q${index}`,
        text: `Should cities ban cars, case ${index}? ${'context '.repeat(250)}`,
      }),
    );
    writeFileSync(join(dir, 'questions.jsonl'), `${rows.join('\n')}\n`);
    const args = [
      'evaluate',
      '--questions',
      'questions.jsonl',
      '--models',
      'sandbox:atlas',
      '--judge',
      'sandbox:judge',
    ];
    const first = await runCli([...args, '--run-id', 'cramped'], {
      cwd: dir,
      env: { ADAEM_STORE_MAX_PAGES: '120' },
    });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /^adaem: run cramped could not be set up: store .*adaem\.db: the disk .* is full/m,
    );

    const runs = await runCli(['runs', '--json'], { cwd: dir });
    expect(JSON.parse(runs.stdout)).toEqual([
      expect.objectContaining({
        id: 'cramped',
        status: 'failed',
        failure: expect.stringContaining('set-up failed'),
      }),
    ]);

    const resumed = await runCli(['evaluate', '--resume', 'cramped'], { cwd: dir });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr.trim()).toMatch(
      /^adaem: run "cramped" has no planned work \(set-up failed: .*\); start a new run$/,
    );
    expect(resumed.stdout).not.toContain('done');
  }, 60_000);
});
