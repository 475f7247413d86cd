import type { Command } from 'commander';
import { hiddenAlias, modelList, sharedOption, withExamples } from '../options.js';
import { formatTable } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** `adaem cache stats | clear`. */
export function registerCache(program: Command, runtime: CliRuntime): void {
  const cache = program.command('cache').description('inspect or clear the response cache');
  withExamples(cache, 'adaem cache stats');
  const stats = cache
    .command('stats')
    .description('entries and size of the response cache, per model')
    .addOption(sharedOption.json('machine-readable output'))
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
  withExamples(stats, 'adaem cache stats --json');
  const clear = cache
    .command('clear')
    .description('delete cached responses (of some models only with --models)')
    .addOption(sharedOption.models('only these provider:model ids, comma-separated'))
    .addOption(sharedOption.json('machine-readable output'))
    .action((options: { models?: string; json?: boolean }, command: Command) => {
      const models = modelList('--models', options.models);
      const store = runtime.openStore(runtime.loadConfig(command));
      try {
        const removed = models
          ? models.reduce((sum, providerId) => sum + store.cache.clear({ providerId }), 0)
          : store.cache.clear({});
        if (options.json) printJson({ removed });
        else process.stdout.write(`removed ${removed} cached responses\n`);
      } finally {
        store.close();
      }
    });
  hiddenAlias(clear, '--model', { name: 'models' });
  withExamples(clear, 'adaem cache clear --models openai:gpt-4o-mini');
}
