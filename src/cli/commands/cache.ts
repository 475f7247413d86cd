import type { Command } from 'commander';
import { formatTable } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** `adaem cache stats | clear`. */
export function registerCache(program: Command, runtime: CliRuntime): void {
  const cache = program.command('cache').description('inspect or clear the response cache');
  cache
    .command('stats')
    .description('entries and size of the response cache, per model')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }, command: Command) => {
      const loaded = runtime.loadConfig(command);
      const store = runtime.readStore(loaded);
      try {
        const stats = store?.cache.stats() ?? { entries: 0, bytes: 0, byProvider: [] };
        if (options.json) printJson({ store: loaded.storePath, ...stats });
        else {
          const rows = stats.byProvider.map((row) => [
            row.providerId,
            String(row.entries),
            `${(row.bytes / 1024).toFixed(1)} KiB`,
          ]);
          rows.push(['total', String(stats.entries), `${(stats.bytes / 1024).toFixed(1)} KiB`]);
          process.stdout.write(`${loaded.storePath}\n${formatTable(['model', 'entries', 'size'], rows)}\n`);
        }
      } finally {
        store?.close();
      }
    });
  cache
    .command('clear')
    .description('delete cached responses (of one model with --model)')
    .option('--model <id>', 'only this provider:model')
    .option('--json', 'machine-readable output')
    .action((options: { model?: string; json?: boolean }, command: Command) => {
      const store = runtime.openStore(runtime.loadConfig(command));
      try {
        const removed = store.cache.clear({ providerId: options.model });
        if (options.json) printJson({ removed });
        else process.stdout.write(`removed ${removed} cached responses\n`);
      } finally {
        store.close();
      }
    });
}
