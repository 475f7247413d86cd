import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { buildExportTables } from '../../run/export-tables.js';
import { toCsv, toJsonl } from '../../run/table-formats.js';
import { openEvaluationRun } from '../open-evaluation-run.js';
import { sharedOption, withExamples } from '../options.js';
import { ensureDirectory, fileErrorReason } from '../output-files.js';
import type { CliRuntime } from '../runtime.js';

const FORMATS = ['jsonl', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/** CSV headers the question loader reads back (`targetValue` is `target_value` there). */
const CSV_RENAMES: Record<string, string> = { targetValue: 'target_value' };

const writers: Record<Format, (rows: Record<string, unknown>[]) => string> = {
  jsonl: toJsonl,
  csv: (rows) => toCsv(rows, { rename: CSV_RENAMES }),
};

/** `adaem export RUN_ID --format jsonl|csv --out dir/`: questions, responses, judgements, scores, manifest. */
export function registerExport(program: Command, runtime: CliRuntime): void {
  const command = program
    .command('export')
    .argument('<runId>', 'evaluation run id (see `adaem runs`)')
    .description(
      'export a run: questions, responses, judgements and scores as JSONL or CSV, and its manifest',
    )
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .addOption(sharedOption.out('directory to write into (default: ./adaem-export-RUN_ID/)', '<dir>'))
    .action(async (given: string, options: { format: string; out?: string }, command: Command) => {
      const format = FORMATS.find((known) => known === options.format);
      if (!format) throw new ConfigError(`--format must be jsonl or csv, not "${options.format}"`);
      const out = resolve(options.out ?? `adaem-export-${given}`);
      const { store, manifest, runId } = openEvaluationRun(runtime, command, given);
      let tables: Awaited<ReturnType<typeof buildExportTables>>;
      try {
        tables = await buildExportTables({ store, runId, manifest });
      } finally {
        store.close();
      }
      ensureDirectory(out, 'the export');
      const files = [
        ...tables.map((table) => ({ name: `${table.name}.${format}`, text: writers[format](table.rows) })),
        { name: 'manifest.json', text: `${JSON.stringify(manifest, null, 2)}\n` },
      ];
      for (const file of files) {
        try {
          writeFileSync(join(out, file.name), file.text);
        } catch (error) {
          throw new ConfigError(`cannot write ${join(out, file.name)}: ${fileErrorReason(error)}`);
        }
      }
      for (const [index, table] of tables.entries())
        process.stdout.write(`${join(out, files[index]!.name)}  ${table.rows.length} rows\n`);
      process.stdout.write(`${join(out, 'manifest.json')}\n`);
    });
  withExamples(command, 'adaem export run-20260101-120000-ab12 --format csv --out data/');
}
