import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

// Five labelled texts and what a scripted judge says of each. By hand, over the four texts it reads
// (t5's reply is unreadable and left out):
//   security:    TP t1, FN t2, FP t3, TN t4 → P 1/2, R 1/2, F1 1/2; κ: p_o 2/4, p_e ½·½+½·½ = ½ → 0
//   benevolence: TP t2, t4; TN t1, t3     → P 1, R 1, F1 1; κ 1
//   power:       FP t4; TN t1–t3          → P 0, R undefined, F1 0/(0+1+0) = 0; κ: p_o ¾, p_e ¼·0+¾·1 → 0
//   the other 7: never marked            → P, R, F1 and κ undefined
// macro-F1 (security, benevolence, power) = (½ + 1 + 0) / 3 = ½; micro: TP 3, FP 2, FN 1 → 6/9 = ⅔;
// the value set equals the labels on t1 only → ¼. Base rates of power: judge ¼, labels 0.
const TEXTS = [
  { id: 't1', labels: ['security'], judged: ['security'] },
  { id: 't2', labels: ['security', 'benevolence'], judged: ['benevolence'] },
  { id: 't3', labels: [], judged: ['security'] },
  { id: 't4', labels: ['benevolence'], judged: ['benevolence', 'power'] },
  { id: 't5', labels: ['power'], judged: undefined },
];

function judgeReply(prompt: string): string {
  const text = TEXTS.find((entry) => prompt.includes(`Text ${entry.id} `));
  if (!text?.judged) return 'Partially';
  const judged = text.judged;
  return JSON.stringify({
    values: Object.fromEntries(SCHWARTZ_THEORY.values.map((value) => [value.id, judged.includes(value.id)])),
  });
}

describe('adaem validate judge', () => {
  it('prints and stores every figure of a hand-computed confusion table', async () => {
    const server = await startOpenAIServer((_, body) => {
      const messages = body.messages as { content: string }[];
      return { kind: 'reply', text: judgeReply(messages.at(-1)!.content) };
    });
    try {
      const dir = tmp();
      writeFileSync(
        join(dir, 'adaem.yaml'),
        `providers:\n  local: { type: openai, baseURL: "${server.url}", apiKey: test }\nmodels:\n  - { id: local:judge, roles: [judge] }\n`,
      );
      writeFileSync(
        join(dir, 'labelled.jsonl'),
        TEXTS.map((text) =>
          JSON.stringify({ id: text.id, text: `Text ${text.id} says something.`, values: text.labels }),
        ).join('\n'),
      );
      const run = await runCli(
        ['validate', 'judge', '--data', 'labelled.jsonl', '--json', '--draws', '200'],
        { cwd: dir },
      );
      expect(run.stderr).toMatch(/Stored as analysis analyze-/);
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout);
      expect(result).toMatchObject({ judge: 'local:judge', mode: 'batched', textsJudged: 5 });
      expect(result.unreadable.count).toBe(1);
      const { values, macroF1, microF1, exactMatch } = result.agreement;
      expect(values.security).toMatchObject({
        truePositives: 1,
        falsePositives: 1,
        falseNegatives: 1,
        trueNegatives: 1,
        precision: { value: 0.5 },
        recall: { value: 0.5 },
        f1: { value: 0.5 },
        kappa: { value: 0 },
      });
      expect(values.benevolence).toMatchObject({ f1: { value: 1 }, kappa: { value: 1 }, support: 2 });
      expect(values.power).toMatchObject({
        precision: { value: 0 },
        f1: { value: 0 },
        kappa: { value: 0 },
        judgeBaseRate: { value: 0.25 },
        labelBaseRate: { value: 0 },
      });
      expect(values.power.recall.value).toBeUndefined();
      expect(values.tradition.f1.value).toBeUndefined();
      expect(macroF1.f1.value).toBeCloseTo(0.5, 10);
      expect(macroF1.averaged.sort()).toEqual(['benevolence', 'power', 'security']);
      expect(microF1.f1.value).toBeCloseTo(2 / 3, 10);
      expect(exactMatch).toMatchObject({ matched: 1, compared: 4, share: { value: 0.25 } });
      const low = values.security.intervals.f1.low;
      expect(low).toBeLessThanOrEqual(0.5);
      expect(values.security.intervals.f1.high).toBeGreaterThanOrEqual(0.5);

      const table = await runCli(['validate', 'judge', '--data', 'labelled.jsonl', '--draws', '200'], {
        cwd: dir,
      });
      expect(table.stdout).toMatch(/Security\s+2\s+0\.50 \[/);
      expect(table.stdout).toMatch(/Macro-F1 0\.50 .*micro-F1 0\.67/);
      expect(table.stdout).toMatch(/Unreadable judgements \(left out\): 1/);
    } finally {
      await server.close();
    }
  });

  it('reads Touché23-ValueEval arguments with the labels file beside them, mapped to the ten values', async () => {
    const dir = tmp();
    const categories = ['Security: personal', 'Universalism: nature', 'Humility'];
    writeFileSync(
      join(dir, 'arguments-test.tsv'),
      'Argument ID\tConclusion\tStance\tPremise\nA1\tWe should protect forests\tin favor of\tforests shelter wildlife and clean the air\n',
    );
    writeFileSync(join(dir, 'labels-test.tsv'), `Argument ID\t${categories.join('\t')}\nA1\t0\t1\t0\n`);
    const run = await runCli(
      [
        'validate',
        'judge',
        '--data',
        'arguments-test.tsv',
        '--judge',
        'sandbox:judge',
        '--json',
        '--draws',
        '20',
      ],
      { cwd: dir },
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.textsJudged).toBe(1);
    expect(result.agreement.values.universalism.support).toBe(1);
    expect(result.agreement.values.security.support).toBe(0);
  });

  it('refuses bad labelled data with one line naming the file, line and field (exit 2)', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'bad.jsonl'),
      '{"text": "a", "values": ["security"]}\n{"text": "b", "values": ["loyalty"]}\n',
    );
    const run = await runCli(['validate', 'judge', '--data', 'bad.jsonl', '--judge', 'sandbox:judge'], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/bad\.jsonl:2: unknown value "loyalty" in "values"/);
    expect(readFileSync(join(dir, 'bad.jsonl'), 'utf8')).toContain('loyalty');
  });
});
