import type { Command } from 'commander';
import type { AdaemConfig, ModelConfig } from '../../core/config.js';
import { isAdaemError } from '../../core/errors.js';
import { createEngine, type Engine } from '../../providers/engine.js';
import { describeProtocol, modelProtocol } from '../../providers/model-protocol.js';
import { resolveModel } from '../../providers/registry.js';
import { EXIT } from '../exit-codes.js';
import { sharedOption, withExamples } from '../options.js';
import { formatTable } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

/** One model's line in `models check`. */
interface CheckRow {
  model: string;
  roles: string[];
  ok: boolean;
  latencyMs: number | null;
  capabilities: string[];
  /** What an evaluation's requests to the model carry (OpenAI-compatible models). */
  sends: string;
  reply: string | null;
  error: string | null;
}

/** `adaem models check`: calls every configured model once and reports latency, capabilities, errors. */
export function registerModels(program: Command, runtime: CliRuntime): void {
  const models = program.command('models').description('inspect the configured models');
  withExamples(models, 'adaem models check -c adaem.yaml');
  const check = models
    .command('check')
    .description('call each configured model once: latency, capabilities, errors')
    .addOption(sharedOption.json('machine-readable output'))
    .action((options: { json?: boolean }, command: Command) => checkModels(runtime, options, command));
  withExamples(check, 'adaem models check -c adaem.yaml --json');
}

/** Runs `models check`: one call per configured model, printed as a table or JSON; fails if any call failed. */
async function checkModels(
  runtime: CliRuntime,
  options: { json?: boolean },
  command: Command,
): Promise<void> {
  const loaded = runtime.loadConfig(command);
  const engine = createEngine({
    config: loaded.config,
    theory: loaded.theory,
    configDir: loaded.dir,
    useCache: false,
    signal: runtime.signal,
  });
  const rows: CheckRow[] = [];
  for (const model of loaded.config.models) rows.push(await checkModel(engine, loaded.config, model));
  await engine.close();
  if (options.json) printJson(rows);
  else process.stdout.write(`${renderCheckRows(rows)}\n`);
  if (rows.some((row) => !row.ok)) process.exitCode = EXIT.failed;
}

/** Calls one model once with a one-word prompt; an adaem error becomes a failed row, any other is thrown. */
async function checkModel(engine: Engine, config: AdaemConfig, model: ModelConfig): Promise<CheckRow> {
  const started = performance.now();
  let sends = '-';
  try {
    sends = sendsOf(config, model.id, model.protocol);
    const provider = engine.provider(model.id, model.roles[0] ?? 'examinee');
    const capabilities = Object.entries(provider.capabilities)
      .filter(([, on]) => on)
      .map(([name]) => name);
    const result = await provider.chat({
      messages: [{ role: 'user', content: 'Reply with the single word: ready' }],
      params: { maxTokens: 8, temperature: 0 },
    });
    return {
      model: model.id,
      roles: model.roles,
      ok: true,
      latencyMs: Math.round(performance.now() - started),
      capabilities,
      sends,
      reply: result.text.slice(0, 40),
      error: null,
    };
  } catch (error) {
    if (!isAdaemError(error)) throw error;
    return {
      model: model.id,
      roles: model.roles,
      ok: false,
      latencyMs: null,
      capabilities: [],
      sends,
      reply: null,
      error: error.message,
    };
  }
}

/** What an evaluation's requests to an OpenAI-compatible model carry ('-' for other models). */
function sendsOf(config: AdaemConfig, id: string, protocol: ModelConfig['protocol']): string {
  const resolved = resolveModel(config, id);
  return resolved.type === 'openai' ? describeProtocol(modelProtocol(resolved.model, protocol), 600) : '-';
}

/** The check results as a terminal table. */
function renderCheckRows(rows: CheckRow[]): string {
  return formatTable(
    ['model', 'roles', 'status', 'latency ms', 'capabilities', 'sends', 'error'],
    rows.map((row) => [
      row.model,
      row.roles.join(','),
      row.ok ? 'ok' : 'FAILED',
      row.latencyMs === null ? '-' : String(row.latencyMs),
      row.capabilities.join(','),
      row.sends,
      row.error ?? '',
    ]),
  );
}
