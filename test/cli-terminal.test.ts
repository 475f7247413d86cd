import { execFile, execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const bin = new URL('../bin/adaem.js', import.meta.url).pathname;
const SEEDS = [
  'Should cities ban cars from their centres?',
  'Should schools teach religion?',
  'Should governments tax sugary drinks?',
  'Should companies be allowed to monitor employees at home?',
  'Should voting be compulsory?',
  'Should zoos be closed?',
  'Should the death penalty be abolished everywhere?',
  'Should parents be fined when their children skip school?',
];

/** A sandbox project with eight seeds and a search of `budget` pulls. */
function project(budget: number): string {
  const dir = tmp();
  writeFileSync(join(dir, 'seeds.txt'), `${SEEDS.join('\n')}\n`);
  const models = ['atlas', 'basalt', 'cirrus'].map(
    (name) => `  - { id: sandbox:${name}, roles: [examinee, generator, scorer] }`,
  );
  writeFileSync(
    join(dir, 'adaem.yaml'),
    [
      'models:',
      ...models,
      '  - { id: sandbox:judge, roles: [judge, safety] }',
      `generate: { seeds: seeds.txt, budget: ${budget}, similarity: lexical }`,
    ].join('\n'),
  );
  return dir;
}

/** Whether util-linux `script` can give a command a real terminal here. */
function hasScript(): boolean {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Runs `adaem …` on a real pseudo-terminal of `columns` columns; resolves with what it drew on stderr. */
function runOnTerminal(args: string[], cwd: string, columns: number): Promise<string> {
  const command = `stty cols ${columns} rows 40; ${process.execPath} ${bin} ${args.join(' ')} >/dev/null`;
  return new Promise((resolve) => {
    execFile('script', ['-qec', command, join(cwd, 'terminal.log')], { cwd }, () =>
      resolve(readFileSync(join(cwd, 'terminal.log'), 'utf8')),
    );
  });
}

/** The separate draws of a terminal log: split at carriage returns and newlines, escape codes removed. */
function draws(log: string): string[] {
  const ansiCode = `${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`;
  return log
    .replace(new RegExp(ansiCode, 'g'), '')
    .split(/[\r\n]+/)
    .filter((line) => /^(generate|evaluate) [█░]/.test(line));
}

describe('the progress line (CLI)', () => {
  it.skipIf(!hasScript())(
    'stays within a 100-column terminal on every redraw and shows an ETA during the search',
    async () => {
      const dir = project(8);
      const log = await runOnTerminal(['generate', '--run-id', 'g'], dir, 100);
      const drawn = draws(log);
      expect(drawn.length).toBeGreaterThan(3);
      for (const line of drawn) expect(line.length).toBeLessThanOrEqual(99);
      // A real estimate while pulls remain (not only the final 0:00).
      expect(drawn.some((line) => /\b[1-7]\/8 pulls ETA \d+:\d\d/.test(line))).toBe(true);
      // The legend is printed once, and names what the line abbreviates.
      expect(log.match(/generate progress: /g)).toHaveLength(1);
      expect(log).toMatch(/ETA = time left/);
      expect(log).toMatch(/S = a question's informativeness/);
    },
    180_000,
  );

  it('prints plain periodic lines, never a carriage return or escape code, when stderr is not a terminal', async () => {
    const dir = project(4);
    const run = await runCli(['generate', '--run-id', 'g'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).not.toContain(String.fromCharCode(27));
    expect(run.stderr).not.toMatch(/[█░]/);
    expect(run.stderr).toMatch(/^generate 4\/4 pulls \(100 %\) ETA 0:00 \| S best/m);
    expect(run.stderr.match(/generate progress: /g)).toHaveLength(1);
    // The summary explains its abbreviations too.
    expect(run.stdout).toMatch(/R_VC, the variety of values/);
  }, 120_000);
});
