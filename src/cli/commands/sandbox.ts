import type { Command } from 'commander';
import type { ValueTheory } from '../../core/value-theory.js';
import { sandboxModels } from '../../sandbox/models.js';
import { startSandboxServer } from '../../sandbox/server.js';
import { numberParser, sharedOption, whole, withExamples } from '../options.js';
import { formatTable, valueAbbreviations } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

const rate = (flag: string) => numberParser(flag, { min: 0, max: 1, what: 'a share between 0 and 1' });
const port = numberParser('--port', whole(0, 65_535));
const milliseconds = numberParser('--latency-ms', { min: 0, what: 'a number of milliseconds ≥ 0' });

interface ServeOptions {
  port: number;
  fault429?: number;
  fault500?: number;
  faultTimeout?: number;
  faultDrop?: number;
  faultMalformed?: number;
  latencyMs?: number;
}

/** `adaem sandbox list | truth | serve`: the simulated panel. */
export function registerSandbox(program: Command, runtime: CliRuntime): void {
  const sandbox = program
    .command('sandbox')
    .description('the offline panel of simulated models with known value profiles');
  withExamples(sandbox, 'adaem sandbox truth   # the planted value profiles');
  registerList(sandbox, runtime);
  registerTruth(sandbox, runtime);
  registerServe(sandbox, runtime);
}

/** `adaem sandbox list`: its options and action. */
function registerList(sandbox: Command, runtime: CliRuntime): void {
  const list = sandbox
    .command('list')
    .description('the simulated models: region, knowledge cut-off, style, strongest values')
    .addOption(sharedOption.json('machine-readable output'))
    .action((options: { json?: boolean }, command: Command) => listSandboxModels(runtime, options, command));
  withExamples(list, 'adaem sandbox list --json');
}

/** The names of a model's three strongest values, strongest first. */
function strongestValues(theory: ValueTheory, weights: number[]): string[] {
  return weights
    .map((weight, index) => ({ weight, name: theory.values[index]!.name }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, 3)
    .map((entry) => entry.name);
}

/** Prints the simulated models (region, cut-off, style, strongest values) as a table or JSON. */
function listSandboxModels(runtime: CliRuntime, options: { json?: boolean }, command: Command): void {
  const { config, theory } = runtime.loadConfig(command);
  const models = sandboxModels(theory, config.sandbox.models);
  if (options.json) {
    printJson(
      models.map((model) => ({
        id: `sandbox:${model.name}`,
        region: model.region,
        cutoffYear: model.cutoffYear,
        style: model.style,
        description: model.description,
        topValues: strongestValues(theory, model.weights),
      })),
    );
    return;
  }
  const rows = models.map((model) => [
    `sandbox:${model.name}`,
    model.region,
    String(model.cutoffYear),
    model.style,
    model.description,
    strongestValues(theory, model.weights).join(', '),
  ]);
  process.stdout.write(
    `${formatTable(['model', 'region', 'cut-off', 'style', 'profile', 'strongest values'], rows)}\nSimulated models (not real LLMs); sandbox:judge judges with the same lexicon.\n`,
  );
}

/** `adaem sandbox truth`: its options and action. */
function registerTruth(sandbox: Command, runtime: CliRuntime): void {
  const truth = sandbox
    .command('truth')
    .description('the planted value profile of every simulated model (ground truth)')
    .addOption(sharedOption.json('machine-readable output'))
    .action((options: { json?: boolean }, command: Command) => printSandboxTruth(runtime, options, command));
  withExamples(truth, 'adaem sandbox truth --json > truth.json');
}

/** Prints the planted value weights of every simulated model as a table or JSON. */
function printSandboxTruth(runtime: CliRuntime, options: { json?: boolean }, command: Command): void {
  const { config, theory } = runtime.loadConfig(command);
  const models = sandboxModels(theory, config.sandbox.models);
  if (options.json) {
    printJson({
      theory: theory.id,
      models: models.map((model) => ({
        id: `sandbox:${model.name}`,
        weights: Object.fromEntries(theory.values.map((value, index) => [value.id, model.weights[index]!])),
      })),
    });
    return;
  }
  const header = ['model', ...valueAbbreviations(theory.values)];
  process.stdout.write(
    `${formatTable(
      header,
      models.map((model) => [`sandbox:${model.name}`, ...model.weights.map((weight) => weight.toFixed(2))]),
    )}\nPlanted weights (0–1) of the simulated models.\n`,
  );
}

/** `adaem sandbox serve`: its options and action. */
function registerServe(sandbox: Command, runtime: CliRuntime): void {
  const serve = sandbox
    .command('serve')
    .description('serve the sandbox as an OpenAI-compatible API on 127.0.0.1 (chat, embeddings)')
    .option('--port <port>', 'port (0 = any free port)', port, 8787)
    .option('--fault-429 <rate>', 'share of requests answered 429', rate('--fault-429'))
    .option('--fault-500 <rate>', 'share of requests answered 500', rate('--fault-500'))
    .option('--fault-timeout <rate>', 'share of requests that hang', rate('--fault-timeout'))
    .option('--fault-drop <rate>', 'share of connections dropped', rate('--fault-drop'))
    .option('--fault-malformed <rate>', 'share of responses with a broken body', rate('--fault-malformed'))
    .option('--latency-ms <ms>', 'added latency per request', milliseconds)
    .action((options: ServeOptions, command: Command) => serveSandbox(runtime, options, command));
  withExamples(serve, 'adaem sandbox serve --port 8787 --fault-429 0.05');
}

/** Serves the sandbox over HTTP with the asked faults until the run is aborted (Ctrl-C), then closes it. */
async function serveSandbox(runtime: CliRuntime, options: ServeOptions, command: Command): Promise<void> {
  const { config, theory } = runtime.loadConfig(command);
  const server = await startSandboxServer({
    config,
    theory,
    port: options.port,
    faults: {
      rate429: options.fault429,
      rate500: options.fault500,
      rateTimeout: options.faultTimeout,
      rateDrop: options.faultDrop,
      rateMalformed: options.faultMalformed,
      latencyMs: options.latencyMs,
    },
  });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `Sandbox (simulated models) serving OpenAI-compatible API at ${server.url}; Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) =>
    runtime.signal.addEventListener('abort', () => resolve(), { once: true }),
  );
  await server.close();
}
