import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from './helpers/openai-server.js';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('adaem CLI', () => {
  it('lists every command with a purpose', async () => {
    const { code, stdout } = await runCli(['--help'], { cwd: tmp() });
    expect(code).toBe(0);
    for (const command of ['evaluate', 'results', 'sandbox', 'models', 'init', 'schema', 'cache']) {
      expect(stdout).toMatch(new RegExp(`\\n\\s+${command}\\b.*\\S`));
    }
  });

  it('writes a starter config that loads, and prints a JSON Schema', async () => {
    const dir = tmp();
    expect((await runCli(['init'], { cwd: dir })).code).toBe(0);
    const again = await runCli(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const list = await runCli(['sandbox', 'list', '--json'], { cwd: dir });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).length).toBeGreaterThanOrEqual(8);
    const schema = await runCli(['schema'], { cwd: dir });
    const parsed = JSON.parse(schema.stdout);
    expect(parsed.properties).toHaveProperty('models');
    expect(parsed.properties).toHaveProperty('providers');
  });

  const badConfigs: [string, string, RegExp][] = [
    ['yaml syntax', 'models: [\n  - id: x\n', /adaem\.yaml:\d+: invalid YAML/],
    [
      'unknown top-level key',
      'seed: 1\nmodles: []\n',
      /adaem\.yaml:2 modles: unknown key "modles" — did you mean "models"\?/,
    ],
    [
      'unknown provider',
      'models:\n  - id: opena1:gpt-4o\n',
      /adaem\.yaml:2 models\[0\]\.id: unknown provider "opena1" — did you mean "openai"\?/,
    ],
    [
      'bad model id',
      'models:\n  - id: gpt-4o\n',
      /adaem\.yaml:2 models\[0\]\.id: model ids read provider:model/,
    ],
    ['wrong type', 'seed: forty-two\n', /adaem\.yaml:1 seed: .*number/],
    [
      'negative concurrency',
      'providers:\n  openai:\n    concurrency: -3\n',
      /adaem\.yaml:3 providers\.openai\.concurrency:/,
    ],
    [
      'missing env var',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the config syntax under test
      'providers:\n  openai:\n    apiKey: ${NOT_SET_ANYWHERE_XYZ}\n',
      /adaem\.yaml:3 providers\.openai\.apiKey: environment variable NOT_SET_ANYWHERE_XYZ is not set/,
    ],
    ['missing theory file', 'theory: ./nope.yaml\n', /theory: "\.\/nope\.yaml" is neither a built-in theory/],
    [
      'duplicate model ids',
      'models:\n  - id: sandbox:atlas\n  - id: sandbox:atlas\n',
      /adaem\.yaml:3 models\[1\]\.id: duplicate model id "sandbox:atlas"/,
    ],
    [
      'unknown role',
      'models:\n  - id: sandbox:atlas\n    roles: [examinee, juge]\n',
      /adaem\.yaml:3 models\[0\]\.roles\[1\]: unknown role "juge" — did you mean "judge"\?/,
    ],
    [
      'invalid URL',
      'providers:\n  local:\n    type: openai\n    baseURL: not a url\n',
      /adaem\.yaml:4 providers\.local\.baseURL:/,
    ],
    [
      'unknown model key',
      'models:\n  - id: sandbox:atlas\n    temprature: 0.3\n',
      /adaem\.yaml:3 models\[0\]\.temprature: unknown key "temprature" — did you mean "temperature"\?/,
    ],
    [
      'provider without type',
      'providers:\n  vllm:\n    baseURL: http://127.0.0.1:8000/v1\n',
      /adaem\.yaml:3 providers\.vllm: unknown provider type "vllm"/,
    ],
  ];

  it.each(badConfigs)('rejects a config with %s: exit 2, one line, no stack', async (_, yaml, message) => {
    const dir = tmp();
    writeFileSync(join(dir, 'adaem.yaml'), yaml);
    const { code, stderr } = await runMain(['-c', join(dir, 'adaem.yaml'), 'sandbox', 'list']);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('shows a stack trace with --debug', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'adaem.yaml'), 'seed: x\n');
    const { code, stderr } = await runCli(['--debug', 'sandbox', 'list'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr).toMatch(/\n\s+at /);
  });

  it('rejects a missing -c file, a broken question file and an unknown model with exit 2', async () => {
    const dir = tmp();
    const missing = await runMain(['-c', join(dir, 'nope.yaml'), 'sandbox', 'list']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/config file not found: .*nope\.yaml/);
    const config = join(dir, 'adaem.yaml');
    writeFileSync(config, 'store: s.db\n');
    writeFileSync(join(dir, 'q.jsonl'), '{"text": "Fine question?"}\n{"text": "broken"\n');
    const panel = ['-j', 'sandbox:judge'];
    const broken = await runMain([
      '-c',
      config,
      'evaluate',
      '-q',
      join(dir, 'q.jsonl'),
      '-m',
      'sandbox:atlas',
      ...panel,
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim()).toMatch(/q\.jsonl:2: invalid JSON$/);
    writeFileSync(join(dir, 'ok.txt'), 'Is this fine?\n');
    const unknown = await runMain([
      '-c',
      config,
      'evaluate',
      '-q',
      join(dir, 'ok.txt'),
      '-m',
      'sandbox:atlass',
      ...panel,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/unknown sandbox model "atlass"/);
    expect(existsSync(join(dir, 's.db'))).toBe(false);
  });

  it('checks models against a local server without the API key ever reaching output or files', async () => {
    const planted = 'sk-test-PLANTED-c0ffee1234';
    const server = await startOpenAIServer();
    try {
      const dir = tmp();
      writeFileSync(join(dir, '.env'), `LOCAL_KEY=${planted}\n`);
      writeFileSync(
        join(dir, 'adaem.yaml'),
        `providers:\n  local:\n    type: openai\n    baseURL: ${server.url}\n    apiKey: \${LOCAL_KEY}\nmodels:\n  - { id: local:tiny, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\n`,
      );
      writeFileSync(join(dir, 'q.txt'), 'Should cities ban cars downtown?\n');
      const check = await runCli(['models', 'check', '--json'], { cwd: dir });
      expect(check.code).toBe(0);
      const rows = JSON.parse(check.stdout);
      expect(rows.map((row: { ok: boolean }) => row.ok)).toEqual([true, true]);
      expect(server.received[0]!.headers.authorization).toBe(`Bearer ${planted}`);
      const run = await runCli(['evaluate', '-q', 'q.txt', '--run-id', 'secret-check'], { cwd: dir });
      const outputs = [check.stdout, check.stderr, run.stdout, run.stderr].join('\n');
      expect(outputs).not.toContain(planted);
      for (const file of filesUnder(dir).filter((path) => !path.endsWith('.env'))) {
        expect(readFileSync(file).toString('latin1'), file).not.toContain(planted);
      }
    } finally {
      await server.close();
    }
  });
});
