import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { bankOf, collectGeneration } from '../../run/generate/collect-generation.js';
import { numberFlag, sharedOption, withExamples } from '../options.js';
import { formatTable } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

function fixed(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** `adaem questions RUN_ID`: a generated bank with S under both panels, its terms and lineage. */
export function registerQuestions(program: Command, runtime: CliRuntime): void {
  const command = program
    .command('questions')
    .argument('<runId>', 'a generation run')
    .description('the questions a generation run accepted: S (P2 and P1), its terms, and lineage')
    .option('--top <n>', 'only the n best by S under P2')
    .addOption(sharedOption.json('print questions with scores, terms and lineage as JSON'))
    .option('--jsonl', 'print the bank as JSONL, ready for adaem evaluate --questions (lineage kept)')
    .action((runId: string, flags: { top?: string; json?: boolean; jsonl?: boolean }, command: Command) => {
      const top = numberFlag('--top', flags.top, { min: 1, integer: true, what: 'a whole number ≥ 1' });
      const loaded = runtime.loadConfig(command);
      const store = runtime.readStore(loaded);
      if (!store) throw new ConfigError(`no run "${runId}": there is no store at ${loaded.storePath}`);
      try {
        const results = collectGeneration(store, runId);
        if (flags.jsonl) {
          for (const question of bankOf(results, top)) process.stdout.write(`${JSON.stringify(question)}\n`);
          return;
        }
        const questions = results.questions.slice(0, top);
        if (flags.json) {
          printJson(questions);
          return;
        }
        const rows = questions.map((question, index) => [
          String(index + 1),
          fixed(question.sP2),
          fixed(question.sP1),
          `${fixed(question.termsP2?.vc)} ${fixed(question.termsP2?.vd)} ${fixed(question.termsP2?.od)} ${fixed(question.termsP2?.dis)}`,
          question.lineage
            .map((step) => (step.step === 'seed' ? 'seed' : `${step.step[0]}${step.depth}`))
            .join('→'),
          question.text,
        ]);
        process.stdout.write(
          `${formatTable(['#', 'S P2', 'S P1', 'VC VD OD Dis (P2)', 'lineage', 'question'], rows)}\n` +
            `${results.questions.length} accepted of run ${runId} (${results.status}); lineage: seed → e0 explored → r1.. refined; --json for the texts of each step\n`,
        );
      } finally {
        store.close();
      }
    });
  withExamples(command, 'adaem questions gen-20260101-120000-ab12 --top 100 --jsonl > bank.jsonl');
}
