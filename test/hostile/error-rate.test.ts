import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../helpers/openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

const REPLY = [
  'Stance: Yes',
  '',
  '1. Moral responsibility: those who caused the harm have a duty to help the people it hurts.',
  '2. Humanitarian duty: helping people in danger is a basic principle of compassion.',
  '3. Shared future: a planned welcome benefits both newcomers and their hosts.',
].join('\n');

describe('the error rate of evaluate (issue 20, item 5)', () => {
  it('counts failed answers against answers, judgements apart, and --max-error-rate fails on the answer rate', async () => {
    // Two questions of ten always fail for the examinee (HTTP 500): 20 % of the answers.
    const server = await startOpenAIServer((_, body) => {
      const messages = (body.messages ?? []) as { content: string }[];
      const failing = messages.some((message) => /case [05]\b/.test(message.content));
      return failing ? { kind: 'status', status: 500 } : { kind: 'reply', text: REPLY };
    });
    try {
      const dir = tmp();
      const rows = Array.from({ length: 10 }, (_, index) =>
        JSON.stringify({
          id: `q${index}`,
          text: `Should wealthy countries take in more refugees, case ${index}?`,
        }),
      );
      writeFileSync(join(dir, 'questions.jsonl'), `${rows.join('\n')}\n`);
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          `  flaky: { type: openai, baseURL: "${server.url}", apiKey: sk-test-dummy }`,
          'models:',
          '  - { id: flaky:model, roles: [examinee] }',
          '  - { id: sandbox:judge, roles: [judge] }',
        ].join('\n'),
      );
      const args = [
        'evaluate',
        '--questions',
        'questions.jsonl',
        '--models',
        'flaky:model',
        '--judge',
        'sandbox:judge',
      ];
      const run = await runCli(
        [...args, '--no-retry', '--max-error-rate', '0.1', '--run-id', 'flaky', '--json'],
        {
          cwd: dir,
        },
      );
      const results = JSON.parse(run.stdout) as {
        status: string;
        errorRate: number;
        judgeErrorRate: number;
        answers: { recorded: number; failed: number };
        judgements: { recorded: number; failed: number };
      };
      expect(results.answers).toEqual({ recorded: 10, failed: 2 });
      expect(results.errorRate).toBeCloseTo(0.2);
      // Eight answers, every key point judged by the in-process judge: many judgements, none failed.
      expect(results.judgements.recorded).toBeGreaterThanOrEqual(8);
      expect(results.judgements.failed).toBe(0);
      expect(results.judgeErrorRate).toBe(0);
      // 20 % of the answers failed: over the limit of 10 %, however many judgements succeeded.
      expect(results.status).toBe('failed');
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'run flaky failed: failed answers 20.00% (2 of 10) · failed judgements 0.00% (0 of',
      );

      const table = await runCli(['results', 'flaky'], { cwd: dir });
      expect(table.stdout).toMatch(
        /Failed answers 20\.00% \(2 of 10\) · failed judgements 0\.00% \(0 of \d+\)/,
      );
    } finally {
      await server.close();
    }
  }, 60_000);
});
