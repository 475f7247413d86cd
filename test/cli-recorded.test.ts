import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

// Answers written for this test: one in adaem's opinion format, the others free text.
const ROWS = [
  {
    model: 'alpha',
    question: 'Should cities ban cars from their centres?',
    answer: 'Stance: yes\n1. Safety: fewer crashes protect children\n2. Health: cleaner air for everyone',
  },
  {
    model: 'beta',
    question: 'Should cities ban cars from their centres?',
    answer:
      'People should be free to choose how they travel; a ban would hurt shop owners and their livelihoods.',
  },
  {
    model: 'alpha',
    question: 'Should schools teach traditional crafts?',
    answer: 'Keeping old customs alive connects children to their heritage and their elders.',
  },
  {
    model: 'alpha',
    question: 'Should schools teach traditional crafts?',
    answer: 'Crafts build patience and pride in work well done.',
  },
];

function writeAnswers(dir: string, rows: object[] = ROWS): void {
  writeFileSync(join(dir, 'answers.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n'));
}

describe('adaem evaluate --responses', () => {
  it('scores recorded answers like any run, calling only the judge, and reports and exports them', async () => {
    const dir = tmp();
    writeAnswers(dir);
    const plan = await runCli(
      ['evaluate', '--responses', 'answers.jsonl', '--judge', 'sandbox:judge', '--dry-run'],
      {
        cwd: dir,
      },
    );
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/recorded:alpha\s+examinee\s+0\s/);
    // 2 key points + 3 whole answers, one batched judge call each.
    expect(plan.stdout).toMatch(/sandbox:judge\s+judge\s+5\s/);

    const args = [
      'evaluate',
      '--responses',
      'answers.jsonl',
      '--judge',
      'sandbox:judge',
      '--run-id',
      'rec',
      '--json',
    ];
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout);
    expect(results.models.map((model: { modelId: string }) => model.modelId)).toEqual([
      'recorded:alpha',
      'recorded:beta',
    ]);
    expect(results.samples).toBe(2);
    const counts = Object.fromEntries(
      results.models.map(
        (model: { modelId: string; counts: { opinions: number; scoredAnswers: number } }) => [
          model.modelId,
          [model.counts.opinions, model.counts.scoredAnswers],
        ],
      ),
    );
    expect(counts).toEqual({ 'recorded:alpha': [3, 3], 'recorded:beta': [1, 1] });
    const usage = results.usage.byModel.map(
      (row: { providerId: string; role: string }) => `${row.providerId} ${row.role}`,
    );
    expect(usage).toEqual(['sandbox:judge judge']);

    const exported = await runCli(['export', 'rec', '--out', 'out'], { cwd: dir });
    expect(exported.code).toBe(0);
    const responses = readFileSync(join(dir, 'out', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const beta = responses.find((row: { modelId: string }) => row.modelId === 'recorded:beta');
    expect(beta).toMatchObject({ status: 'ok', stance: null, raw: ROWS[1]!.answer });
    expect(beta.points).toEqual([{ point: ROWS[1]!.answer, justification: '' }]);
    const formatted = responses.find(
      (row: { modelId: string; questionId: string; stance: string | null }) => row.stance === 'yes',
    );
    expect(formatted.points.map((point: { point: string }) => point.point)).toEqual(['Safety', 'Health']);

    const report = await runCli(['report', 'rec', '--out', 'report.html'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('recorded:beta');
    const resumed = await runCli(['evaluate', '--resume', 'rec', '--json'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout).models[0].counts.opinions).toBe(3);
  });

  it('shows the validations of its judge in the report', async () => {
    const dir = tmp();
    writeAnswers(dir);
    writeFileSync(
      join(dir, 'labelled.jsonl'),
      ROWS.map((row, index) =>
        JSON.stringify({ id: `r${index}`, text: row.answer, values: ['security'] }),
      ).join('\n'),
    );
    expect(
      (
        await runCli(['validate', 'judge', '--data', 'labelled.jsonl', '--judge', 'sandbox:judge'], {
          cwd: dir,
        })
      ).code,
    ).toBe(0);
    await runCli(
      ['evaluate', '--responses', 'answers.jsonl', '--judge', 'sandbox:judge', '--run-id', 'rec'],
      { cwd: dir },
    );
    await runCli(['report', 'rec', '--out', 'report.html'], { cwd: dir });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/judge-validity/);
  });

  it.each([
    [[{ model: 'alpha', question: 'Q?' }], /answers\.jsonl:1: missing "answer"/],
    [
      [
        { model: 'alpha', question: 'Q?', answer: 'x' },
        { question: 'Q?', answer: 'y' },
      ],
      /answers\.jsonl:2: missing "model"/,
    ],
  ])(
    'refuses a broken answers file with one line naming the file, line and field (exit 2)',
    async (rows, message) => {
      const dir = tmp();
      writeAnswers(dir, rows);
      const run = await runCli(['evaluate', '--responses', 'answers.jsonl', '--judge', 'sandbox:judge'], {
        cwd: dir,
      });
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    },
  );

  it('refuses --models next to --responses: the file names the models', async () => {
    const dir = tmp();
    writeAnswers(dir);
    const run = await runCli(
      ['evaluate', '--responses', 'answers.jsonl', '--models', 'sandbox:atlas', '--judge', 'sandbox:judge'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--responses gives the questions, models and samples; drop --models/);
  });
});
