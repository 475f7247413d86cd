import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layers of docs/architecture.md: what each top folder of src/ may import (besides itself).
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  stages: ['core'],
  config: ['core'],
  store: ['core'],
  sandbox: ['core'],
  report: ['core'],
  providers: ['core', 'sandbox'],
  run: ['core', 'stages', 'config', 'store', 'providers', 'report'],
  cli: ['core', 'stages', 'config', 'store', 'providers', 'report', 'run', 'sandbox'],
  'index.ts': ['core', 'stages', 'config', 'store', 'providers', 'report', 'run', 'sandbox'],
};

const src = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every relative import of every source file (type-only ones too), as paths under src/. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
      relative(src, normalize(join(dirname(file), match[1]!.replace(/\.js$/, '.ts')))),
    );
    graph.set(relative(src, file), targets);
  }
  return graph;
}

const topOf = (path: string): string => path.split('/')[0]!;

/** The import cycles of a graph (strongly connected components of more than one file). */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      component.push(member);
      if (member === node) break;
    }
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the layers of src/', () => {
  const graph = importGraph();

  it('has a rule for every top folder', () => {
    const tops = new Set([...graph.keys()].map(topOf));
    expect([...tops].filter((top) => !(top in MAY_IMPORT))).toEqual([]);
    expect(graph.size).toBeGreaterThan(200);
  });

  it('never imports a layer above or beside it (docs/architecture.md)', () => {
    const upward = [...graph.entries()].flatMap(([file, targets]) =>
      targets
        .filter(
          (target) => topOf(target) !== topOf(file) && !MAY_IMPORT[topOf(file)]!.includes(topOf(target)),
        )
        .map((target) => `${file} → ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no import cycle, type-only ones included', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a planted cycle and a planted upward import', () => {
    const planted = new Map([
      ['core/a.ts', ['core/b.ts']],
      ['core/b.ts', ['core/a.ts']],
      ['stages/c.ts', ['run/d.ts']],
    ]);
    expect(cycles(planted)).toEqual([['core/a.ts', 'core/b.ts']]);
    expect(MAY_IMPORT[topOf('stages/c.ts')]!.includes(topOf('run/d.ts'))).toBe(false);
  });
});
