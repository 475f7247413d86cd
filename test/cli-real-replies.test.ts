import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

interface Gold {
  status: 'ok' | 'refusal' | 'unparseable';
  stance: 'yes' | 'no' | 'neutral' | null;
  points: string[];
}

const readJsonl = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);

/** Every row of the opinion corpus, each with a question text of its own (the row id appended). */
const ROWS = readJsonl<{ id: string; question: string; reply: string; gold: Gold }>(
  fileURLToPath(new URL('./fixtures/replies/opinion.jsonl', import.meta.url)),
).map((row) => ({ id: row.id, text: `${row.question} (${row.id})`, reply: row.reply, gold: row.gold }));

/** What the export says about one answer, in the shape of the corpus's gold. */
interface Exported {
  status: string;
  stance: string | null;
  points: { point: string; justification: string }[] | null;
  reason: string | null;
  raw: string | null;
}

describe('adaem evaluate → export on real-world replies (CLI over a local OpenAI-compatible server)', () => {
  it('exports every corpus reply with its gold status, stance and key-point titles', async () => {
    const unmatched: string[] = [];
    const server = await startOpenAIServer((_, body) => {
      const messages = (body.messages ?? []) as { role: string; content: string }[];
      const user = messages.filter((message) => message.role === 'user').at(-1)?.content ?? '';
      const row = ROWS.find((candidate) => user.includes(candidate.text));
      if (!row) unmatched.push(user.slice(0, 200));
      return { kind: 'reply', text: row?.reply ?? 'no corpus row for this question' };
    });
    try {
      const dir = tmp();
      writeFileSync(
        join(dir, 'questions.jsonl'),
        ROWS.map((row) => `${JSON.stringify({ id: row.id, text: row.text })}\n`).join(''),
      );
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          `  corpus: { type: openai, baseURL: "${server.url}", apiKey: sk-test-dummy }`,
          'models:',
          '  - { id: corpus:replies, roles: [examinee] }',
          '  - { id: sandbox:judge, roles: [judge] }',
        ].join('\n'),
      );
      const evaluate = await runCli(
        [
          '-c',
          'adaem.yaml',
          'evaluate',
          '--questions',
          'questions.jsonl',
          '--models',
          'corpus:replies',
          '--judge',
          'sandbox:judge',
          '--run-id',
          'corpus',
          '--no-retry',
          '--no-cache',
          '--json',
        ],
        { cwd: dir },
      );
      expect(evaluate.code, evaluate.stderr).toBe(0);
      expect(unmatched, 'requests matching no corpus question').toEqual([]);

      const exported = await runCli(['-c', 'adaem.yaml', 'export', 'corpus', '--out', 'out'], { cwd: dir });
      expect(exported.code, exported.stderr).toBe(0);
      const responses = readJsonl<Exported & { questionId: string; modelId: string }>(
        join(dir, 'out', 'responses.jsonl'),
      );
      expect(responses).toHaveLength(ROWS.length);
      const byId = new Map(responses.map((response) => [response.questionId, response]));

      const mismatches: string[] = [];
      for (const row of ROWS) {
        const response = byId.get(row.id);
        const got = response
          ? {
              status: response.status,
              stance: response.status === 'ok' ? response.stance : null,
              points: (response.points ?? []).map((point) => point.point),
            }
          : undefined;
        const want = {
          status: row.gold.status,
          stance: row.gold.status === 'ok' ? row.gold.stance : null,
          points: row.gold.status === 'ok' ? row.gold.points : [],
        };
        expect(response?.raw, `${row.id}: the raw reply stored`).toBe(row.reply);
        if (JSON.stringify(got) !== JSON.stringify(want))
          mismatches.push(
            `${row.id}: exported ${JSON.stringify(got)}${response?.reason ? ` (${response.reason})` : ''}, gold ${JSON.stringify(want)}`,
          );
      }
      expect(mismatches, `rows not exported as gold:\n${mismatches.join('\n')}`).toEqual([]);
    } finally {
      await server.close();
    }
  }, 120_000);
});
