import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPacked, packCheckout } from './helpers/install-packed.js';

const root = new URL('../', import.meta.url).pathname;
let work = '';
let project = '';
let files: string[] = [];

function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The README's library example, as a user would paste it. */
function readmeLibraryExample(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Library\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme);
  if (!block?.[1]) throw new Error('README has no ts block under "## Library"');
  return block[1];
}

/** The examples of docs/library.md, one per ```ts block. */
function libraryExamples(): string[] {
  const doc = readFileSync(join(root, 'docs/library.md'), 'utf8');
  return [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

describe('the npm package, installed into an empty project', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'adaem-pack-'));
    project = join(work, 'project');
    execFileSync('mkdir', [project]);
    const tarball = packCheckout(work);
    files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((path) => path.replace(/^package\//, ''));
    installPacked({ tarball, dir: project });
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships the build, the bin, the examples, README and licence, and no tests, sources or maps', () => {
    for (const path of ['dist/index.js', 'dist/index.d.ts', 'dist/cli/cli.js', 'bin/adaem.js']) {
      expect(files).toContain(path);
    }
    expect(files).toEqual(expect.arrayContaining(['examples/sandbox.yaml', 'README.md', 'LICENSE']));
    expect(files.filter((path) => /^src\/|\.test\.|\.map$|^test\//.test(path))).toEqual([]);
  });

  it('ships every file the README links to, so its links work in the installed package', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((?!https?:|#)([^)#\s]+)/g)].map((match) => match[1]!);
    expect(linked.length).toBeGreaterThan(3);
    expect(linked.filter((path) => !files.includes(path.replace(/^\.\//, '')))).toEqual([]);
  });

  it('runs npx adaem --help without tsx', async () => {
    expect(existsSync(join(project, 'node_modules/tsx'))).toBe(false);
    const help = await run('npx', ['--no-install', 'adaem', '--help'], project);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/\n\s+evaluate\b/);
  });

  it('evaluates the packaged sandbox example with the store in the working directory', async () => {
    const config = 'node_modules/adaem/examples/sandbox.yaml';
    const evaluated = await run('npx', ['--no-install', 'adaem', 'evaluate', '-c', config], project);
    expect(evaluated.code).toBe(0);
    expect(evaluated.stdout).toMatch(/sandbox:atlas/);
    expect(existsSync(join(project, '.adaem/adaem.db'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/adaem/.adaem'))).toBe(false);
    const runs = await run('npx', ['--no-install', 'adaem', 'runs', '--json'], project);
    expect(JSON.parse(runs.stdout)).toMatchObject([{ kind: 'evaluate', status: 'done' }]);
  });

  it('runs adaem run with no config from the package: the sandbox, the report in the working directory', async () => {
    const pipeline = await run(
      'npx',
      ['--no-install', 'adaem', 'run', '--budget', '2', '--top', '10', '--run-id', 'p'],
      project,
    );
    expect(pipeline.stderr).toMatch(/running the offline sandbox/);
    expect(pipeline.code).toBe(0);
    expect(existsSync(join(project, 'adaem-report-p.html'))).toBe(true);
    expect(readFileSync(join(project, 'adaem-report-p.html'), 'utf8')).toContain('Question generation');
  });

  it("runs the README's library example, and type-checks it without TS7016", async () => {
    const example = readmeLibraryExample();
    writeFileSync(join(project, 'example.mjs'), example);
    const ran = await run(process.execPath, ['example.mjs'], project);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/security|benevolence|universalism/i);
    writeFileSync(join(project, 'example.ts'), example);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const checked = await run(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--target', 'es2022', 'example.ts'],
      project,
    );
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
  });

  it('runs and type-checks every example of docs/library.md, importing only from the package entry', async () => {
    const examples = libraryExamples();
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const [index, example] of examples.entries()) {
      expect(example).toMatch(/from 'adaem';/);
      writeFileSync(join(project, `library-${index}.mjs`), example);
      const ran = await run(process.execPath, [`library-${index}.mjs`], project);
      expect(ran.stderr, `docs/library.md example ${index + 1}`).toBe('');
      expect(ran.code).toBe(0);
      expect(ran.stdout.trim()).not.toBe('');
      writeFileSync(join(project, `library-${index}.ts`), example);
    }
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const files = examples.map((_, index) => `library-${index}.ts`);
    const checked = await run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        ...files,
      ],
      project,
    );
    expect(checked.stdout).toBe('');
    expect(checked.code).toBe(0);
  }, 180_000);
});
