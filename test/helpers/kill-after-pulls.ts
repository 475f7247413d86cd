import type { ChildProcess } from 'node:child_process';
import Database from 'better-sqlite3';

/**
 * Sends SIGKILL to a running `adaem generate`/`adaem run` once the store at `storePath` holds
 * `pulls` finished generation pulls, and waits for the process to end. Rejects if it ends first.
 */
export async function killAfterPulls(child: ChildProcess, storePath: string, pulls: number): Promise<void> {
  let exited = false;
  const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      try {
        const db = new Database(storePath, { readonly: true, fileMustExist: true });
        const found = (db.prepare('SELECT count(*) AS n FROM generation_pulls').get() as { n: number }).n;
        db.close();
        if (found >= pulls && !exited) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      } catch {
        // the store or its tables are not there yet
      }
    }, 10);
    child.on('exit', () => {
      exited = true;
      clearInterval(timer);
      reject(new Error('the run ended before it could be killed'));
    });
  });
  await ended;
}
