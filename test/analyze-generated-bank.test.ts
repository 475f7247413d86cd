import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERIC_QUESTIONS } from '../src/sandbox/questions.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const PANEL = ['atlas', 'basalt', 'cirrus', 'dune', 'ember', 'fjord', 'grove', 'harbor'];

describe('a generated bank against its seed set (sandbox, CLI)', () => {
  it('is more informative than its seeds and reliable over 5 folds (α ≥ 0.8)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'seeds.txt'), `${GENERIC_QUESTIONS.join('\n')}\n`);
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'seed: 7',
        'models:',
        ...PANEL.map(
          (name, index) =>
            `  - { id: sandbox:${name}, roles: [${index < 3 ? 'generator, scorer, ' : index < 5 ? 'scorer, ' : ''}examinee] }`,
        ),
        '  - { id: sandbox:judge, roles: [judge, safety] }',
        'generate: { seeds: seeds.txt }',
      ].join('\n'),
    );
    const run = async (args: string[]) => {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return result.stdout;
    };
    // The bank is the search's best questions: enough pulls (60 × 3 rounds × 3 explorers) that the
    // top 100 are a selection, not every candidate that was accepted (some concrete questions are consensual).
    await run(['generate', '--budget', '60', '--run-id', 'g']);
    writeFileSync(join(dir, 'bank.jsonl'), await run(['questions', 'g', '--jsonl', '--top', '100']));
    await run(['evaluate', '-q', 'bank.jsonl', '--run-id', 'bank']);
    await run(['evaluate', '-q', 'seeds.txt', '--run-id', 'seeds']);
    const bank = JSON.parse(await run(['analyze', 'informativeness', 'bank', '--json']));
    const seeds = JSON.parse(await run(['analyze', 'informativeness', 'seeds', '--json']));
    // Every model gives the seeds the same safe answer; the bank separates them.
    expect(seeds.rates.profiles.meanPairwisePearson).toBeGreaterThan(0.8);
    expect(bank.rates.profiles.meanPairwisePearson).toBeLessThan(
      seeds.rates.profiles.meanPairwisePearson - 0.3,
    );
    const reliability = JSON.parse(await run(['analyze', 'reliability', 'bank', '--folds', '5', '--json']));
    expect(reliability.questions).toBe(100);
    expect(reliability.rates.alpha).toBeGreaterThanOrEqual(0.8);
    expect(reliability.scores.alpha).toBeGreaterThanOrEqual(0.8);
  }, 180_000);
});
