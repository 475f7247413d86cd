import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

describe('runs made by analyses stay out of adaem runs and adaem results', () => {
  it('lists and picks only the user’s runs unless --all asks for the rest', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'store: s.db',
        'models:',
        '  - { id: sandbox:atlas, roles: [examinee] }',
        '  - { id: sandbox:basalt, roles: [examinee] }',
        '  - { id: sandbox:judge, roles: [judge] }',
        'evaluate: { questions: q.jsonl }',
      ].join('\n'),
    );
    const questions = sandboxQuestions({ count: 4, kind: 'tradeoff' });
    writeFileSync(join(dir, 'q.jsonl'), `${questions.map((q) => JSON.stringify(q)).join('\n')}\n`);
    const cli = async (args: string[]) => {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.stdout;
    };
    await cli(['evaluate', '--run-id', 'mine']);
    // After the user's run: a baseline and one primed arm, both evaluation runs of the analysis.
    const priming = JSON.parse(
      await cli(['validate', 'priming', '--models', 'sandbox:atlas', '--values', 'power', '--json']),
    );
    const arms = [priming.baselineRunId, priming.values[0].runId];
    expect(arms.every((id: string) => id.startsWith('analyze-'))).toBe(true);

    const listed = JSON.parse(await cli(['runs', '--json'])).map((run: { id: string }) => run.id);
    expect(listed).toEqual(['mine']);
    expect(await cli(['runs'])).toMatch(/\(2 runs made by analyses not shown: adaem runs --all\)/);
    const all = JSON.parse(await cli(['runs', '--all', '--json'])).map((run: { id: string }) => run.id);
    expect(all).toEqual(expect.arrayContaining(['mine', ...arms]));

    // The newest run of `adaem results` is the user's, not the primed arm evaluated after it.
    expect(JSON.parse(await cli(['results', '--json'])).runId).toBe('mine');
    expect(JSON.parse(await cli(['results', '--all', '--json'])).runId).toBe(arms[1]);
    // Named, an arm is shown as any run.
    expect(JSON.parse(await cli(['results', arms[0], '--json'])).runId).toBe(arms[0]);
  }, 180_000);
});
