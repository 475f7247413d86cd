import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { useTmpDir } from './helpers/tmp-dir.js';

const tmp = useTmpDir();
const example = fileURLToPath(new URL('../examples/sandbox.yaml', import.meta.url));

describe('the findings of a run', () => {
  it('come first in the terminal, the JSON and the report, and say the planted profiles were recovered', async () => {
    const dir = tmp();
    const run = await runCli(['evaluate', '-c', example, '--run-id', 'f'], { cwd: dir });
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[2]).toBe('Findings');
    expect(run.stdout.indexOf('Findings')).toBeLessThan(run.stdout.indexOf('Value scores'));
    const json = JSON.parse((await runCli(['results', 'f', '-c', example, '--json'], { cwd: dir })).stdout);
    const { findings } = json;
    expect(findings.recovery.pooled).toBeGreaterThan(0.85);
    expect(Object.keys(findings.recovery.perModel)).toHaveLength(10);
    expect(findings.closest.r).toBeGreaterThan(findings.farthest.r);
    expect(findings.sentences.at(-1)).toMatch(/planted profiles are recovered at r = 0\.\d\d/);
    expect((await runCli(['report', 'f', '-c', example, '--out', 'r.html'], { cwd: dir })).code).toBe(0);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    const findingsAt = html.indexOf('id="findings"');
    expect(findingsAt).toBeGreaterThan(0);
    expect(findingsAt).toBeLessThan(html.indexOf('id="overview"'));
    expect(html).toContain('expresses');
  });
});
