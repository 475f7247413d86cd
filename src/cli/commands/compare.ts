import type { Command } from 'commander';
import { storeAnalysis } from '../../run/analyses/analysis-manifest.js';
import { type CompareResult, compareRuns } from '../../run/analyses/compare-runs.js';
import { loadEvaluation } from '../../run/analyses/load-evaluation.js';
import { refuseSameRun, withAnalysisStore } from '../analyze-options.js';
import { sharedOption, withExamples } from '../options.js';
import { renderInformativeness } from '../render/analyses.js';
import { formatTable, valueAbbreviations } from '../render/results.js';
import type { CliRuntime } from '../runtime.js';
import { printAnalysis } from './analyze.js';

const cell = (value: number | null, digits: number, scale = 1): string =>
  value === null ? '—' : (value * scale).toFixed(digits);

function renderCompare(result: CompareResult): string {
  const names = result.informativeness[0].values;
  const labels = valueAbbreviations(names.map((id) => ({ id, name: id.replace(/_/g, ' ') })));
  const rows = result.cells.map((entry) => [
    entry.modelId,
    labels[names.indexOf(entry.valueId)]!,
    `${cell(entry.scoreA, 1)} | ${cell(entry.scoreB, 1)}`,
    `${cell(entry.rateA, 0, 100)} | ${cell(entry.rateB, 0, 100)}`,
  ]);
  const head = `A = ${result.runs[0]} (${result.questions[0]} questions), B = ${result.runs[1]} (${result.questions[1]} questions); ${result.models.length} shared models`;
  const legend = names.map((id, index) => `${labels[index]} ${id}`).join(' · ');
  const table = formatTable(['model', 'value', 'score A | B', 'rate % A | B'], rows);
  return `${head}\n\n${table}\n${legend}\n\n${renderInformativeness(result.informativeness)}`;
}

/** `adaem compare RUN_A RUN_B`: the same models on two question sets, side by side. */
export function registerCompare(program: Command, runtime: CliRuntime): void {
  const compare = program
    .command('compare')
    .argument('<runA>', 'an evaluation run')
    .argument('<runB>', 'an evaluation run of the same models on another question set')
    .description('the same models on two question sets: scores, rates and informativeness side by side')
    .addOption(sharedOption.json())
    .action((runA: string, runB: string, flags: { json?: boolean }, command: Command) => {
      withAnalysisStore(runtime, command, (store) => {
        const runs = [loadEvaluation(store, runA), loadEvaluation(store, runB)] as const;
        refuseSameRun('compare', runs);
        const result = compareRuns(runs[0], runs[1]);
        const stored = storeAnalysis({ store, kind: 'compare', runs, parameters: {}, result });
        printAnalysis(stored, result, flags, renderCompare);
      });
    });
  withExamples(compare, 'adaem compare eval-generated eval-valuebench --json');
}
