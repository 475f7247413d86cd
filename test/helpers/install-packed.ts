import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const root = new URL('../../', import.meta.url).pathname;

const LockEntrySchema = z.looseObject({
  version: z.string().optional(),
  dev: z.boolean().optional(),
  peer: z.boolean().optional(),
});
const LockSchema = z.looseObject({ packages: z.record(z.string(), LockEntrySchema) });

/** `npm pack` of the checkout (its prepack builds dist/) into `dir`; returns the tarball's path. */
export function packCheckout(dir: string): string {
  execFileSync('npm', ['pack', '--pack-destination', dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const { name, version } = z
    .object({ name: z.string(), version: z.string() })
    .parse(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')));
  return join(dir, `${name}-${version}.tgz`);
}

/**
 * Installs a tarball into a new project at `dir` the way a user would (`npm ci`), offline: the lockfile
 * pins the checkout's own production dependencies, which `npm ci` in the checkout left in the npm
 * cache. Install scripts are skipped and better-sqlite3's compiled addon is copied from the checkout,
 * so the test does not spend a minute compiling SQLite.
 */
export function installPacked(options: { tarball: string; dir: string }): void {
  const { tarball, dir } = options;
  const lock = LockSchema.parse(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  const rootEntry = lock.packages[''] ?? {};
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', dependencies: { adaem: `file:${tarball}` } },
    'node_modules/adaem': { ...rootEntry, resolved: `file:${tarball}` },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev === true || entry.peer === true) continue;
    // Entries npm wrote without `resolved` would make it ask the registry; the tarball is in the cache.
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const resolved = `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${entry.version}.tgz`;
    packages[path] = { resolved, ...entry };
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { adaem: `file:${tarball}` },
    }),
  );
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({ name: 'consumer', lockfileVersion: 3, requires: true, packages }),
  );
  execFileSync('npm', ['ci', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const addon = 'node_modules/better-sqlite3/build/Release';
  mkdirSync(join(dir, addon), { recursive: true });
  copyFileSync(join(root, addon, 'better_sqlite3.node'), join(dir, addon, 'better_sqlite3.node'));
}
