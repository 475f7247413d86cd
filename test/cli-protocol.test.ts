import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PAPER_PRESET } from '../src/core/protocol-preset.js';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const example = new URL('../examples/sandbox.yaml', import.meta.url).pathname;
const QUESTIONS = [
  'Should Japan fine citizens who break minor rules even if it means less personal freedom?',
  'Should Brazil admit more climate refugees even if it means less national wealth?',
  'Should India rank schools publicly by exam performance even if it means less caring for families?',
];

function project(lines: string[]): string {
  const dir = tmp();
  writeFileSync(join(dir, 'q.txt'), `${QUESTIONS.join('\n')}\n`);
  writeFileSync(join(dir, 'adaem.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

const panel = [
  'models:',
  '  - { id: sandbox:atlas, roles: [examinee, generator, scorer] }',
  '  - { id: sandbox:basalt, roles: [examinee, generator, scorer] }',
  '  - { id: sandbox:cirrus, roles: [examinee, scorer] }',
  '  - { id: sandbox:judge, roles: [judge] }',
];

function manifestOf(dir: string, runId: string): Record<string, unknown> {
  const db = new Database(join(dir, '.adaem', 'adaem.db'), { readonly: true });
  const row = db.prepare('SELECT manifest FROM runs WHERE id = ?').get(runId) as { manifest: string };
  db.close();
  return JSON.parse(row.manifest) as Record<string, unknown>;
}

describe('--protocol paper', () => {
  it('lists every generation setting of the preset on the sandbox example with --dry-run, and what it set aside', async () => {
    const { code, stdout, stderr } = await runCli(
      ['generate', '-c', example, '--protocol', 'paper', '--dry-run'],
      { cwd: tmp() },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    for (const setting of PAPER_PRESET.filter((entry) => entry.key.startsWith('generate.')))
      expect(stdout).toMatch(new RegExp(`^${setting.key.replace(/\./g, '\\.')}\\s+${setting.value}\\s`, 'm'));
    expect(stdout).not.toMatch(/^evaluate\./m);
    // The example asks for lexical similarity; the preset wins and says so.
    expect(stdout).toContain('Set aside from the config: generate.similarity lexical.');
    // The plan is made with the preset: ten Yes/No judge calls per key point instead of one.
    const plain = await runCli(['generate', '-c', example, '--dry-run'], { cwd: tmp() });
    const judgeCalls = (text: string) => Number(/sandbox:judge\s+judge\s+(\d+)/.exec(text)?.[1]);
    expect(plain.stdout).not.toContain('protocol paper');
    expect(judgeCalls(stdout)).toBeGreaterThan(5 * judgeCalls(plain.stdout));
  }, 60_000);

  it('without an embedder stops with one line naming the embedder role (exit 2), from the flag or the config', async () => {
    const dir = project(panel);
    const fromFlag = await runCli(['generate', '--protocol', 'paper', '--dry-run'], { cwd: dir });
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(fromFlag.stderr).toMatch(
      /protocol paper compares questions by sentence embeddings.*embedder role/,
    );
    const inConfig = project(['protocol: paper', ...panel]);
    const fromConfig = await runCli(['run', '--budget', '1'], { cwd: inConfig });
    expect(fromConfig.code).toBe(2);
    expect(fromConfig.stderr).toMatch(/embedder role/);
    // The same config under adaem's protocol needs no embedder.
    expect((await runCli(['generate', '--dry-run'], { cwd: dir })).code).toBe(0);
  }, 60_000);

  it('refuses an unknown protocol, a judge mode against the preset, and --protocol on --resume (exit 2)', async () => {
    const dir = project([...panel, 'evaluate: { questions: q.txt }']);
    const unknown = await runCli(['evaluate', '--protocol', 'papers', '--dry-run'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--protocol must be adaem or paper, got "papers"/);
    const batched = await runCli(
      ['evaluate', '--protocol', 'paper', '--judge-mode', 'batched', '--dry-run'],
      {
        cwd: dir,
      },
    );
    expect(batched.code).toBe(2);
    expect(batched.stderr).toMatch(/--judge-mode batched contradicts protocol paper/);
    const resume = await runCli(['evaluate', '--resume', 'x', '--protocol', 'paper'], { cwd: dir });
    expect(resume.code).toBe(2);
    expect(resume.stderr).toMatch(/drop --protocol/);
  }, 60_000);

  it('evaluates with the preset and records it in the manifest, adaem runs and the report', async () => {
    const dir = project([...panel, 'evaluate: { questions: q.txt, temperature: 0.3 }']);
    const run = await runCli(['evaluate', '--protocol', 'paper', '--run-id', 'p', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/protocol paper: .*set aside from the config: evaluate\.temperature 0\.3/);
    expect(JSON.parse(run.stdout).judgeMode).toBe('per-value');
    const manifest = manifestOf(dir, 'p');
    expect(manifest.judgeMode).toBe('per-value');
    const config = manifest.config as { protocol: string; evaluate: Record<string, unknown> };
    expect(config.protocol).toBe('paper');
    expect(config.evaluate).toMatchObject({
      judgeMode: 'per-value',
      temperature: 1,
      topP: 0.95,
      matches: { format: 'teams', order: 'given' },
      trueskill: { tau: 25 / 300 },
    });
    const protocol = manifest.protocol as { name: string; settings: { key: string; value: unknown }[] };
    expect(protocol.name).toBe('paper');
    expect(protocol.settings.map((setting) => setting.key)).toEqual(
      PAPER_PRESET.map((setting) => setting.key),
    );

    const plain = await runCli(['evaluate', '--run-id', 'a'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(manifestOf(dir, 'a')).toMatchObject({
      judgeMode: 'batched',
      protocol: { name: 'adaem', settings: [] },
      config: { evaluate: { temperature: 0.3, matches: { format: 'pairs' } } },
    });
    const runs = JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout) as {
      id: string;
      protocol: string;
    }[];
    expect(Object.fromEntries(runs.map((entry) => [entry.id, entry.protocol]))).toEqual({
      p: 'paper',
      a: 'adaem',
    });

    const report = await runCli(['report', 'p', '--out', join(dir, 'r.html')], { cwd: dir });
    expect(report.code).toBe(0);
    const html = await import('node:fs').then((fs) => fs.readFileSync(join(dir, 'r.html'), 'utf8'));
    expect(html).toContain('paper (the authors’ settings; see the run manifest)');
    expect(html).toContain('evaluate.trueskill.tau 0.08333333333333333');
  }, 120_000);

  it('generates with sandbox embeddings and the preset, recorded in the generation manifest', async () => {
    const dir = project([
      ...panel,
      '  - { id: sandbox:embedder, roles: [embedder] }',
      'generate: { budget: 2, rounds: 1, seedLimit: 6, calibrationSeeds: 3 }',
    ]);
    const run = await runCli(['generate', '--protocol', 'paper', '--run-id', 'g', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    const manifest = manifestOf(dir, 'g');
    expect(manifest.similarity).toBe('embedding:sandbox:embedder');
    expect(manifest.config).toMatchObject({
      protocol: 'paper',
      generate: { judgeMode: 'per-value', weights: { dis: -0.5 }, scale: 'raw', calibrationSeeds: 0 },
    });
    expect(manifest.protocol).toMatchObject({ name: 'paper' });
  }, 120_000);
});
