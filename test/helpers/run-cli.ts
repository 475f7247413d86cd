import { execFile, spawn } from 'node:child_process';

/** The result of one CLI run. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const bin = new URL('../../bin/adaem.js', import.meta.url).pathname;

/** Runs `adaem …` as a real process in `cwd` and waits for it. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd: options.cwd, env: { ...process.env, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts `adaem …` without waiting (for kill tests). */
export function spawnCli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  return spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
