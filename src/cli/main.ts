import { Command, CommanderError } from 'commander';
import { CancelledError, ConfigError, isAdaemError } from '../core/errors.js';
import { scrubSecrets } from '../core/scrub-secrets.js';
import { packageVersion } from '../run/package-version.js';
import { toStoreError } from '../store/store-fault.js';
import { COMMANDS } from './commands/index.js';
import { EXIT } from './exit-codes.js';
import { createRuntime } from './runtime.js';

/** Exit codes: 0 done, 1 the run failed, 2 usage or config error, 130 interrupted twice. */
export { EXIT };

/** SQLite errors that escaped a store wrapper still deserve one line. */
function isSqliteError(error: unknown): boolean {
  return error instanceof Error && error.name === 'SqliteError';
}

/** better-sqlite3 installed without its native build (`npm i --ignore-scripts`): no store can open. */
function isMissingBindings(error: unknown): boolean {
  return error instanceof Error && /Could not locate the bindings file/.test(error.message);
}

const MISSING_BINDINGS =
  'the SQLite module better-sqlite3 was installed without its native build (scripts disabled); run `npm rebuild better-sqlite3`, or install again without --ignore-scripts';

/** `adaem seeds import`: the words a user types to reach a command. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let current: Command | null = command; current; current = current.parent)
    names.unshift(current.name());
  return names.join(' ');
}

/** Usage errors in one line like every other error, pointing to the help of the command that was mistyped. */
function oneLineUsageErrors(command: Command): void {
  command.exitOverride().configureOutput({
    writeErr: (text) => process.stderr.write(text),
    // "adaem: unknown option '--x' (see adaem evaluate --help)".
    outputError: (text, write) =>
      write(
        `adaem: ${text
          .trim()
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')} (see ${commandPath(command)} --help)\n`,
      ),
  });
  for (const sub of command.commands) oneLineUsageErrors(sub);
}

/** Runs the CLI; the one place where errors become messages and exit codes. */
export async function main(argv: string[]): Promise<number> {
  const controller = new AbortController();
  let interrupts = 0;
  const onInterrupt = (): void => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write(
        '\nStopping: calls in flight are aborted and will be asked again on --resume; finished work is kept. (Ctrl-C again to quit at once)\n',
      );
      controller.abort();
    } else process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  const debug = argv.includes('--debug');
  const program = new Command('adaem')
    .description('Adaptive measurement of how LLMs differ in the human values they express (AdAEM)')
    .version(packageVersion())
    .option('-c, --config <file>', 'config file (default: ./adaem.yaml, or built-in defaults)')
    .option('--debug', 'show stack traces')
    // -c and --debug work after any command: its help lists them under "Global Options".
    .configureHelp({ showGlobalOptions: true })
    .addHelpText('after', '\nExample:\n  adaem run    # the whole job on the offline sandbox, no API key\n');
  const runtime = createRuntime(controller.signal);
  for (const register of COMMANDS) register(program, runtime);
  oneLineUsageErrors(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (caught) {
    if (caught instanceof CommanderError) {
      return caught.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isMissingBindings(caught)) {
      process.stderr.write(`adaem: ${MISSING_BINDINGS}\n`);
      return EXIT.failed;
    }
    const error = isSqliteError(caught) ? toStoreError(caught, runtime.storePath()) : caught;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`adaem: ${scrubSecrets(message.split('\n')[0] ?? '')}\n`);
    if (debug && error instanceof Error && error.stack)
      process.stderr.write(`${scrubSecrets(error.stack)}\n`);
    if (error instanceof ConfigError) return EXIT.usage;
    if (error instanceof CancelledError) return EXIT.failed;
    if (!isAdaemError(error) && !debug)
      process.stderr.write('(unexpected error; run again with --debug for details)\n');
    return EXIT.failed;
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}
