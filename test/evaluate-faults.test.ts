import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { SCHWARTZ_THEORY } from '../src/core/theories.js';
import type { EvaluateResults } from '../src/run/evaluate/collect-results.js';
import { sandboxQuestions } from '../src/sandbox/questions.js';
import { type SandboxFaults, startSandboxServer } from '../src/sandbox/server.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const MODELS = ['atlas', 'basalt', 'cirrus', 'dune', 'ember'];

async function evaluateThroughServer(dir: string, name: string, faults: SandboxFaults) {
  const runs: EvaluateResults[] = [];
  const server = await startSandboxServer({
    config: AdaemConfigSchema.parse({}),
    theory: SCHWARTZ_THEORY,
    faults,
    seed: 5,
  });
  try {
    const config = join(dir, `${name}.yaml`);
    writeFileSync(
      config,
      [
        `store: ${name}.db`,
        'providers:',
        `  sbx: { type: openai, baseURL: "${server.url}", concurrency: 8 }`,
        'models:',
        ...MODELS.map((model) => `  - { id: sbx:${model}, roles: [examinee] }`),
        '  - { id: sbx:judge, roles: [judge] }',
        'evaluate: { questions: questions.jsonl, judgeMode: batched }',
      ].join('\n'),
    );
    const args = ['evaluate', '-c', config, '--run-id', name, '--max-error-rate', '1', '--json'];
    const run = await runCli([...args, '--no-retry', '--no-cache'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    runs.push(JSON.parse(run.stdout));
    // Resumed with retries, the failed answers and key-point judgements are asked again.
    const resumed = await runCli(['evaluate', '-c', config, '--resume', name, '--json'], { cwd: dir });
    expect(resumed.code, resumed.stderr).toBe(0);
    runs.push(JSON.parse(resumed.stdout));
    return { first: runs[0]!, resumed: runs[1]! };
  } finally {
    await server.close();
  }
}

describe('an evaluation through a faulty server without retries', () => {
  it('leaves partly judged answers out (unbiased rates covering the fault-free ones) and retries them on resume', async () => {
    const dir = tmp();
    const questions = sandboxQuestions({ count: 160, kind: 'tradeoff', seed: 4 });
    writeFileSync(join(dir, 'questions.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
    const clean = (await evaluateThroughServer(dir, 'clean', {})).first;
    const runs = await evaluateThroughServer(dir, 'faulty', {
      rate500: 0.06,
      rateMalformed: 0.03,
      rateDrop: 0.03,
    });
    const faulty = runs.first;

    const partly = faulty.models.reduce((sum, model) => sum + model.counts.partiallyJudged, 0);
    expect(partly, 'answers with a failed key-point judgement').toBeGreaterThan(50);
    for (const model of faulty.models) {
      expect(model.counts.scoredAnswers + model.counts.partiallyJudged).toBe(model.counts.ok);
      expect(model.counts.scoredAnswers).toBeLessThan(160);
    }
    let signed = 0;
    let covered = 0;
    let total = 0;
    for (const [modelIndex, model] of faulty.models.entries()) {
      for (const [valueIndex, value] of model.values.entries()) {
        const reference = clean.models[modelIndex]!.values[valueIndex]!.rate!;
        signed += value.rate! - reference;
        if (reference >= value.rateLow && reference <= value.rateHigh) covered++;
        total++;
      }
    }
    expect(total).toBe(MODELS.length * 10);
    expect(Math.abs(signed / total), 'mean signed rate difference').toBeLessThanOrEqual(0.02);
    expect(covered / total, 'share of fault-free rates inside the faulty intervals').toBeGreaterThanOrEqual(
      0.95,
    );

    for (const model of runs.resumed.models) {
      expect(model.counts.partiallyJudged).toBe(0);
      expect(model.counts.scoredAnswers).toBe(160);
    }
    const rates = (results: EvaluateResults) =>
      results.models.map((model) => model.values.map((v) => v.rate));
    expect(rates(runs.resumed)).toEqual(rates(clean));
  });
});
