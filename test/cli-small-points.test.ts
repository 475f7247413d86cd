import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const QUESTIONS = [
  'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
  'Should Brazil admit more climate refugees even if it means less national wealth?',
];
const SEEDS = [
  'Should cities ban cars from their centres?',
  'Should schools teach religion?',
  'Should governments tax sugary drinks?',
  'Should voting be compulsory?',
  'Should zoos be closed?',
  'Should parents be fined when their children skip school?',
];

/** A sandbox project: one examinee, a judge, a two-question file named by `evaluate.questions`, six seeds. */
function project(): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
  writeFileSync(join(dir, 'seeds.txt'), `${SEEDS.join('\n')}\n`);
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'models:',
      '  - { id: sandbox:atlas, roles: [examinee, generator, scorer] }',
      '  - { id: sandbox:basalt, roles: [generator, scorer] }',
      '  - { id: sandbox:judge, roles: [judge, safety] }',
      'evaluate: { questions: q.txt }',
      'generate: { seeds: seeds.txt, budget: 2, similarity: lexical }',
    ].join('\n'),
  );
  return dir;
}

describe('smaller points of the terminal output (CLI)', () => {
  it('says in one line that a finished run is complete on --resume, and shows its results again', async () => {
    const dir = project();
    const first = await runCli(['evaluate', '--run-id', 'e1'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(['evaluate', '--resume', 'e1'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    const said = again.stderr.split('\n').filter((line) => /already complete/.test(line));
    expect(said).toEqual(['run e1 is already complete: nothing left to ask; its results follow']);
    expect(again.stdout).toMatch(/^run e1 · done · 2 questions × 1 model × 1 sample · judge sandbox:judge/m);
  }, 120_000);

  it('notes a small sample under the intervals, in the right number', async () => {
    const dir = project();
    const run = await runCli(['evaluate'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /Small sample: the model rests on 2 scored answers for some values \(fewer than 30\)/,
    );
    expect(run.stdout).toMatch(/a score's ± is only its spread over match orders/);
    expect(run.stdout).not.toMatch(/\b1 models\b|\b1 questions\b|sample\(s\)/);
  }, 120_000);

  it('names the generated bank in the settings of the report of `adaem run`, and its summary never says "run run-…"', async () => {
    const dir = project();
    const run = await runCli(['run', '--top', '3'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const id = /adaem-report-(run-[\w-]+)\.html/.exec(readdirSync(dir).join(' '))?.[1];
    expect(id).toBeDefined();
    expect(run.stdout).toContain(`${id}-evaluate · done · 3 questions × 1 model × 1 sample`);
    expect(run.stdout).not.toMatch(/\brun run-/i);
    // The generation stage's line names it without doubling "run".
    expect(run.stderr).toMatch(new RegExp(`^${id}-generate$`, 'm'));
    const html = readFileSync(join(dir, `adaem-report-${id}.html`), 'utf8');
    expect(html).toContain(`&quot;questions&quot;: &quot;generate:${id}-generate top 3&quot;`);
    expect(html).not.toMatch(/&quot;questions&quot;: &quot;q\.txt&quot;/);
    // Resumed once finished, the pipeline says so in one line, never "run run-…", and shows the results again.
    const again = await runCli(['run', '--resume', id!], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      new RegExp(`^${id} is already complete: nothing left to ask; its results follow$`, 'm'),
    );
    expect(`${again.stderr}${again.stdout}`).not.toMatch(/\brun run-/i);
    expect(again.stdout).toContain(`${id}-evaluate · done · 3 questions × 1 model × 1 sample`);
  }, 180_000);
});
