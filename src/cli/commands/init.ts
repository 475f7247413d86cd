import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ConfigError } from '../../core/errors.js';
import { hiddenAlias, sharedOption, withExamples } from '../options.js';

/** The commented starter config `adaem init` writes. */
export const STARTER_CONFIG = `# adaem configuration. Full reference: npx adaem schema > adaem.schema.json
# Secrets: write \${ENV_VAR}; values may also come from a .env file next to this one.

theory: schwartz          # schwartz (10 values) | mft (5 foundations) | path/to/theory.yaml
store: .adaem/adaem.db    # SQLite: response cache, runs, results
seed: 42
protocol: adaem           # adaem (documented defaults) | paper (the authors' settings; needs an embedder)

providers:
  openai:
    apiKey: \${OPENAI_API_KEY:-}
    concurrency: 8
    rpm: 500              # requests per minute
  # anthropic:
  #   apiKey: \${ANTHROPIC_API_KEY}
  # local:                # any OpenAI-compatible server: vLLM, Ollama (/v1), llama.cpp server, LM Studio
  #   type: openai
  #   baseURL: http://127.0.0.1:11434/v1
  #   concurrency: 2

models:
  # The sandbox panel: simulated models with planted value profiles (no API key needed).
  - { id: sandbox:atlas, roles: [examinee] }
  - { id: sandbox:basalt, roles: [examinee] }
  - { id: sandbox:cirrus, roles: [examinee] }
  - { id: sandbox:ember, roles: [examinee] }
  - { id: sandbox:judge, roles: [judge] }
  # Real models (uncomment, and remove the sandbox judge above):
  # - id: openai:gpt-4o-mini
  #   roles: [examinee]
  #   price: { input: 0.15, output: 0.6 }   # USD per million tokens
  # - id: openai:gpt-4o
  #   roles: [judge]
  #   price: { input: 2.5, output: 10 }

evaluate:
  questions: questions.jsonl   # JSONL, CSV, TXT or a ValueBench CSV
  judgeMode: batched           # per-value (the paper's) | batched | logprob
  samples: 1
  maxErrorRate: 0.05
  # maxCost: 5                 # USD
`;

/** `adaem init`: writes a commented starter adaem.yaml. */
export function registerInit(program: Command): void {
  const init = program
    .command('init')
    .description('write a commented adaem.yaml starter config')
    .addOption(sharedOption.out('where to write').default('adaem.yaml'))
    .option('--force', 'overwrite an existing file')
    .action((options: { out: string; force?: boolean }) => {
      if (existsSync(options.out) && !options.force) {
        throw new ConfigError(`${options.out} already exists; use --force to overwrite it`);
      }
      writeFileSync(options.out, STARTER_CONFIG);
      process.stderr.write(`Wrote ${options.out}. Check it with: npx adaem models check -c ${options.out}\n`);
    });
  hiddenAlias(init, '--output', { name: 'out' });
  withExamples(init, 'adaem init --out adaem.yaml   # then edit models and keys');
}
