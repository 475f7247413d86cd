import type { Command } from 'commander';
import { isAdaemError } from '../../core/errors.js';
import { createEngine } from '../../providers/engine.js';
import { describeProtocol, modelProtocol } from '../../providers/model-protocol.js';
import { resolveModel } from '../../providers/registry.js';
import { EXIT } from '../exit-codes.js';
import { sharedOption, withExamples } from '../options.js';
import { formatTable } from '../render/results.js';
import { type CliRuntime, printJson } from '../runtime.js';

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
    .action(async (options: { json?: boolean }, command: Command) => {
      const loaded = runtime.loadConfig(command);
      const engine = createEngine({
        config: loaded.config,
        theory: loaded.theory,
        configDir: loaded.dir,
        useCache: false,
        signal: runtime.signal,
      });
      const rows: CheckRow[] = [];
      const sendsOf = (id: string, protocol: (typeof loaded.config.models)[number]['protocol']): string => {
        const resolved = resolveModel(loaded.config, id);
        return resolved.type === 'openai'
          ? describeProtocol(modelProtocol(resolved.model, protocol), 600)
          : '-';
      };
      for (const model of loaded.config.models) {
        const started = performance.now();
        let sends = '-';
        try {
          sends = sendsOf(model.id, model.protocol);
          const provider = engine.provider(model.id, model.roles[0] ?? 'examinee');
          const capabilities = Object.entries(provider.capabilities)
            .filter(([, on]) => on)
            .map(([name]) => name);
          const result = await provider.chat({
            messages: [{ role: 'user', content: 'Reply with the single word: ready' }],
            params: { maxTokens: 8, temperature: 0 },
          });
          rows.push({
            model: model.id,
            roles: model.roles,
            ok: true,
            latencyMs: Math.round(performance.now() - started),
            capabilities,
            sends,
            reply: result.text.slice(0, 40),
            error: null,
          });
        } catch (error) {
          if (!isAdaemError(error)) throw error;
          rows.push({
            model: model.id,
            roles: model.roles,
            ok: false,
            latencyMs: null,
            capabilities: [],
            sends,
            reply: null,
            error: error.message,
          });
        }
      }
      await engine.close();
      if (options.json) printJson(rows);
      else {
        process.stdout.write(
          `${formatTable(
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
          )}\n`,
        );
      }
      if (rows.some((row) => !row.ok)) process.exitCode = EXIT.failed;
    });
  withExamples(check, 'adaem models check -c adaem.yaml --json');
}
