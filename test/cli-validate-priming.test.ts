import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Question } from '../src/core/question.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const jsonl = (questions: Question[]) =>
  `${questions.map((question) => JSON.stringify(question)).join('\n')}\n`;

function project(questions: Question[]): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.jsonl'), jsonl(questions));
  writeFileSync(
    join(dir, 'adaem.yaml'),
    'store: s.db\nmodels:\n  - { id: sandbox:basalt, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\nevaluate: { questions: q.jsonl }\n',
  );
  return dir;
}

interface Effect {
  baseline: number;
  primed: number;
  test: { p?: number; effectSize?: number; reason?: string };
}

describe('adaem validate priming (CLI, sandbox)', () => {
  it('raises the primed value and lowers the opposite group, on generic questions too', async () => {
    const dir = project(sandboxQuestions({ count: 20, kind: 'generic' }));
    const result = await runCli(
      [
        'validate',
        'priming',
        '--model',
        'sandbox:basalt',
        '--values',
        'power,self_direction,Hedonism',
        '--json',
      ],
      { cwd: dir },
    );
    expect(result.code, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.values.map((value: { valueId: string }) => value.valueId)).toEqual([
      'power',
      'self_direction',
      'hedonism',
    ]);
    for (const value of output.values as { valueId: string; target: Effect; oppositeGroup: Effect }[]) {
      expect(value.target.primed - value.target.baseline, value.valueId).toBeGreaterThan(0.5);
      expect(value.oppositeGroup.primed, value.valueId).toBeLessThan(value.oppositeGroup.baseline);
      expect(value.oppositeGroup.test.p, value.valueId).toBeLessThan(0.05);
      expect(value.oppositeGroup.test.effectSize, value.valueId).toBeLessThan(0);
    }
    expect(output.summary.target).toBeGreaterThan(0);
    expect(output.summary.oppositeGroup).toBeLessThan(0);
    // Every arm is a stored evaluation run that `adaem results` shows.
    const baseline = await runCli(['results', output.baselineRunId, '--json'], { cwd: dir });
    expect(JSON.parse(baseline.stdout).questions).toBe(20);
  });

  it('on trade-off questions: the target rises with a large effect for every value', async () => {
    const dir = project(sandboxQuestions({ count: 40, kind: 'tradeoff' }));
    const result = await runMain([
      '-c',
      join(dir, 'adaem.yaml'),
      'validate',
      'priming',
      '--model',
      'sandbox:basalt',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/primed value\s+target %/);
    const rows = result.stdout
      .split('\n')
      .filter((line) => /^(self_direction|universalism|power)\s/.test(line));
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatch(/\d+→\d+ \(\+\d+%\) p<\.001/);
  });

  it('refuses an unknown value and a missing --model with one line and exit 2', async () => {
    const dir = project(sandboxQuestions({ count: 4, kind: 'generic' }));
    const config = join(dir, 'adaem.yaml');
    const unknown = await runMain([
      '-c',
      config,
      'validate',
      'priming',
      '--model',
      'sandbox:basalt',
      '--values',
      'kindness',
    ]);
    expect([unknown.code, unknown.stderr.trim()]).toEqual([
      2,
      'adaem: --values: "kindness" is not a value of Schwartz basic human values',
    ]);
    const missing = await runMain(['-c', config, 'validate', 'priming']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--model/);
  });
});
