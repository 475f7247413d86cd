import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { collectReportData } from '../../run/collect-report-data.js';
import { openEvaluationRun } from '../open-evaluation-run.js';
import { sharedOption, withExamples } from '../options.js';
import { ensureDirectory, fileErrorReason } from '../output-files.js';
import type { CliRuntime } from '../runtime.js';

/** `adaem report RUN_ID [--out file]`: the run's self-contained HTML report. */
export function registerReport(program: Command, runtime: CliRuntime): void {
  const report = program
    .command('report')
    .argument('<runId>', 'evaluation run id (see `adaem runs`)')
    .description('write the HTML report of an evaluation run (one self-contained file)')
    .addOption(sharedOption.out('where to write it (default: ./adaem-report-RUN_ID.html)'))
    .action(async (given: string, options: { out?: string }, command: Command) => {
      // Loaded on use: echarts is large, and every other command starts faster without it.
      const { renderReport } = await import('../../report/index.js');
      const out = resolve(options.out ?? `adaem-report-${given}.html`);
      const { store, manifest, runId } = openEvaluationRun(runtime, command, given);
      let html: string;
      try {
        const data = await collectReportData({
          store,
          runId,
          manifest,
          generatedAt: new Date().toISOString(),
        });
        html = renderReport(data).html;
      } finally {
        store.close();
      }
      ensureDirectory(dirname(out), 'the report');
      try {
        writeFileSync(out, html);
      } catch (error) {
        throw new ConfigError(`cannot write the report to ${out}: ${fileErrorReason(error)}`);
      }
      process.stdout.write(`${out}\n`);
    });
  withExamples(report, 'adaem report run-20260101-120000-ab12 --out report.html');
}
