#!/usr/bin/env node
// In a checkout (src/ present, tsx installed) runs the TypeScript sources; installed, the built files.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/cli.ts', import.meta.url);
const built = new URL('../dist/cli/cli.js', import.meta.url);

async function loadTsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const tsx = existsSync(source) ? await loadTsx() : undefined;
if (tsx) {
  tsx.register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write('adaem: dist/ is missing; run npm run build\n');
  process.exitCode = 1;
}
