import { execFileSync } from 'node:child_process';
import { readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, runCli, spawnCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

const PANEL = ['--models', 'sandbox:atlas', '--judge', 'sandbox:judge'];

/** The house standard for bad input: exit 2 and one line, no stack trace. */
function expectOneLine(run: CliRun, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
}

/** A project with one good question and whatever else the test writes. */
function project(config = ''): string {
  const dir = tmp();
  writeFileSync(join(dir, 'adaem.yaml'), config);
  return dir;
}

/** Waits until process `pid` holds `path` open (read from /proc), for at most 60 s. */
async function opened(pid: number, path: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const fds = readdirSync(`/proc/${pid}/fd`);
      if (
        fds.some((fd) => {
          try {
            return readlinkSync(`/proc/${pid}/fd/${fd}`) === path;
          } catch {
            return false;
          }
        })
      )
        return;
    } catch {
      // the process may not be up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process ${pid} never opened ${path}`);
}

describe('input limits (issue 20, item 3): every input is read within limits, each breach one line and exit 2', () => {
  it('refuses /dev/zero and a FIFO as question files without reading them', async () => {
    const dir = project();
    symlinkSync('/dev/zero', join(dir, 'zero.jsonl'));
    execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    const started = Date.now();
    expectOneLine(
      await runCli(['evaluate', '-q', 'zero.jsonl', ...PANEL], { cwd: dir }),
      /^adaem: .*zero\.jsonl: is a character device, not a regular file; set input\.allowSpecialFiles: true/,
    );
    expectOneLine(
      await runCli(['evaluate', '-q', 'fifo.jsonl', ...PANEL], { cwd: dir }),
      /^adaem: .*fifo\.jsonl: is a FIFO \(named pipe\), not a regular file/,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('stops reading a device at the file size limit when devices are allowed', async () => {
    const dir = project('input: { allowSpecialFiles: true, maxFileBytes: 1000000 }\n');
    symlinkSync('/dev/zero', join(dir, 'zero.jsonl'));
    expectOneLine(
      await runCli(['evaluate', '-q', 'zero.jsonl', ...PANEL], { cwd: dir }),
      /^adaem: .*zero\.jsonl: larger than the limit of 976\.6 kB per file \(input\.maxFileBytes\)$/,
    );
  }, 30_000);

  it('stops reading a FIFO that never ends at the first SIGTERM', async () => {
    const dir = project('input: { allowSpecialFiles: true }\n');
    execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    const child = spawnCli(['evaluate', '-q', 'fifo.jsonl', ...PANEL], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Until the CLI has opened the FIFO (no writer: the read would wait forever); slow machines take a while.
    await opened(child.pid!, join(dir, 'fifo.jsonl'));
    const signalled = Date.now();
    child.kill('SIGTERM');
    const code = await Promise.race([
      exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5000)),
    ]);
    if (code === 'still running') child.kill('SIGKILL');
    expect(code).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(5000);
    expect(stderr).toMatch(/^adaem: cancelled while reading .*fifo\.jsonl$/m);
  }, 30_000);

  it('refuses a one-line 50 MB question and a question over 20,000 characters, naming file, line and limit', async () => {
    const dir = project();
    writeFileSync(join(dir, 'huge.txt'), `Should we ${'x'.repeat(50_000_000)}?\n`);
    writeFileSync(join(dir, 'long.txt'), `Should cities ban cars?\nShould we ${'y'.repeat(30_000)}?\n`);
    expectOneLine(
      await runCli(['evaluate', '-q', 'huge.txt', ...PANEL], { cwd: dir }),
      /^adaem: .*huge\.txt:1: a line of 50,000,011 characters is over the limit of 1,000,000 \(input\.maxLineChars\)$/,
    );
    expectOneLine(
      await runCli(['evaluate', '-q', 'long.txt', ...PANEL], { cwd: dir }),
      /^adaem: .*long\.txt:2: a question of 30,011 characters is over the limit of 20,000 \(input\.maxQuestionChars\)$/,
    );
  }, 60_000);

  it('refuses a row nested 5,000 levels deep before any run exists, in questions and seeds alike', async () => {
    const dir = project();
    const nested = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const rows = [
      JSON.stringify({ id: 'q1', text: 'Should cities ban cars?' }),
      `{"id":"q2","text":"Should schools drop homework?","meta":${nested}}`,
    ];
    writeFileSync(join(dir, 'nested.jsonl'), `${rows.join('\n')}\n`);
    expectOneLine(
      await runCli(['evaluate', '-q', 'nested.jsonl', ...PANEL, '--run-id', 'deep'], { cwd: dir }),
      /^adaem: .*nested\.jsonl:2: JSON nested 5,001 levels deep is over the limit of 64 \(input\.maxJsonDepth\)$/,
    );
    expect(JSON.parse((await runCli(['runs', '--json'], { cwd: dir })).stdout)).toEqual([]);
    expectOneLine(
      await runCli(['seeds', 'import', 'jsonl', 'nested.jsonl'], { cwd: dir }),
      /^adaem: nested\.jsonl:2: JSON nested 5,001 levels deep is over the limit of 64 \(input\.maxJsonDepth\)$/,
    );
  }, 60_000);

  it('refuses a device as the config file', async () => {
    const dir = project();
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expectOneLine(
      await runCli(['-c', 'zero.yaml', 'runs'], { cwd: dir }),
      /^adaem: zero\.yaml: is a device or socket, not a regular file; write the config to a file$/,
    );
  }, 30_000);
});
