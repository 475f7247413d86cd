import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { runMain } from './helpers/run-main.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();

/** The sub-commands a help text lists under "Commands:". */
function commandsIn(help: string): string[] {
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  // A command starts at column 2; wrapped descriptions are indented further.
  return section
    .split('\n')
    .map((line) => /^ {2}([a-z][\w-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

/** Every command path (`['seeds', 'import']`) with its help text, read through `--help`. */
async function everyCommand(path: string[] = []): Promise<{ path: string[]; help: string }[]> {
  const { stdout } = await runMain([...path, '--help']);
  const found = path.length === 0 ? [] : [{ path, help: stdout }];
  for (const name of commandsIn(stdout)) found.push(...(await everyCommand([...path, name])));
  return found;
}

describe('one vocabulary across commands', () => {
  it('lists -c under Global Options and gives an example in every command’s help', async () => {
    const commands = await everyCommand();
    expect(commands.length).toBeGreaterThanOrEqual(28);
    for (const { path, help } of commands) {
      const name = `adaem ${path.join(' ')}`;
      expect(help, name).toMatch(/Global Options:\n[\s\S]*-c, --config <file>/);
      expect(help, name).toMatch(/\nExamples?:\n {2}adaem /);
    }
  });

  it('spells the shared options the same way wherever they appear', async () => {
    const commands = await everyCommand();
    const options = (help: string) => help.split('\nGlobal Options:')[0]!;
    const spelled = (pattern: RegExp) =>
      commands.filter(({ help }) => pattern.test(options(help))).map(({ path }) => path.join(' '));
    // Whoever writes a file or folder takes -o, --out; no command offers --output any more.
    expect(spelled(/--out\b/)).toEqual(spelled(/-o, --out </));
    expect(spelled(/--out\b/)).toEqual(
      expect.arrayContaining(['run', 'report', 'export', 'init', 'seeds import']),
    );
    expect(spelled(/--output\b/)).toEqual([]);
    // Model lists are -m, --models; --model and --seeds are gone from help.
    expect(spelled(/--models\b/)).toEqual(spelled(/-m, --models <ids>/));
    expect(spelled(/--models\b/)).toEqual(
      expect.arrayContaining(['run', 'evaluate', 'validate priming', 'cache clear', 'seeds import']),
    );
    expect(spelled(/--model\b(?!s)/)).toEqual([]);
    expect(spelled(/--seeds\b/)).toEqual([]);
    expect(spelled(/--seed(?![\w-])/)).toEqual(spelled(/--seed <n>/));
    expect(spelled(/--run-id\b/)).toEqual(spelled(/--run-id <name>/));
  });

  it('points a mistyped flag to the help of its command (exit 2, one line)', async () => {
    const dir = tmp();
    for (const [args, help] of [
      [['evaluate', '--modles', 'x'], 'adaem evaluate --help'],
      [['seeds', 'import', 'txt', 'x.txt', '--outt', 'y'], 'adaem seeds import --help'],
      [['run', '--dryrun'], 'adaem run --help'],
    ] as const) {
      const result = await runCli([...args], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^adaem: unknown option/)]);
      expect(result.stderr.trim().endsWith(`(see ${help})`), result.stderr).toBe(true);
    }
  });

  it('keeps the old spellings working as hidden aliases', async () => {
    const dir = tmp();
    const init = await runCli(['init', '--output', 'old.yaml'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(existsSync(join(dir, 'old.yaml'))).toBe(true);
    const current = await runCli(['init', '-o', 'new.yaml'], { cwd: dir });
    expect(current.code, current.stderr).toBe(0);
    expect(existsSync(join(dir, 'new.yaml'))).toBe(true);
    writeFileSync(join(dir, 'seeds.txt'), 'Is it right to tax sugary drinks?\n');
    const seeds = await runCli(['generate', '--seeds', 'missing.txt', '--dry-run'], { cwd: dir });
    expect(seeds.stderr).toMatch(/missing\.txt/);
    const cleared = await runCli(['cache', 'clear', '--model', 'sandbox:atlas', '--json'], { cwd: dir });
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(JSON.parse(cleared.stdout)).toEqual({ removed: 0 });
  });
});

describe('--seed', () => {
  it('sets the seed of a new run, recorded in its manifest, and is refused on --resume', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'q.txt'),
      'Should Japan fine citizens who break minor rules even if it means less personal freedom?\n',
    );
    writeFileSync(
      join(dir, 'adaem.yaml'),
      [
        'seed: 42',
        'models:',
        '  - { id: sandbox:atlas, roles: [examinee] }',
        '  - { id: sandbox:judge, roles: [judge] }',
        'evaluate: { questions: q.txt }',
      ].join('\n'),
    );
    const run = await runCli(['evaluate', '--seed', '7', '--run-id', 's7', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const out = join(dir, 'export');
    expect((await runCli(['export', 's7', '--out', out], { cwd: dir })).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(7);
    expect(manifest.config.seed).toBe(7);
    const resumed = await runCli(['evaluate', '--resume', 's7', '--seed', '8'], { cwd: dir });
    expect(resumed.code).toBe(2);
    expect(resumed.stderr.trim()).toBe(
      'adaem: --resume s7 continues the run with its recorded seed; drop --seed',
    );
    const bad = await runCli(['generate', '--seed', '-1'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--seed must be a whole number from 0 to 2147483647, got "-1"');
  });
});
