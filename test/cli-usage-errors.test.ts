import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from './helpers/run-main.js';

let dir = '';
/** Paths in the table are written `@name` and resolved against the test's directory when it runs. */
const file = (name: string) => `@${name}`;
const config = () => file('adaem.yaml');
const resolvePath = (arg: string) => (arg.startsWith('@') ? join(dir, arg.slice(1)) : arg);

/** The store's data: the database file's hash and the bytes of its write-ahead log (the -shm index is no data). */
function storeSnapshot(): { db: string | null; walBytes: number } {
  const db = join(dir, 'store/adaem.db');
  const wal = `${db}-wal`;
  return {
    db: existsSync(db) ? createHash('sha256').update(readFileSync(db)).digest('hex') : null,
    walBytes: existsSync(wal) ? readFileSync(wal).length : 0,
  };
}

const BASE = [
  'store: store/adaem.db',
  'models:',
  '  - { id: sandbox:atlas, roles: [examinee] }',
  '  - { id: sandbox:judge, roles: [judge] }',
  'evaluate: { questions: q.txt }',
].join('\n');

/** Bad configs, written to their own file and passed with -c. */
const CONFIGS: Record<string, string> = {
  'yaml.yaml': 'models: [\n  - id: x\n',
  'unknown-key.yaml': 'seed: 1\nmodles: []\n',
  'bad-type.yaml': 'seed: forty-two\n',
  'unknown-theory.yaml': 'theory: schwarz\n',
  'unpriced.yaml': `providers:\n  local: { type: openai, baseURL: "http://127.0.0.1:9/v1" }\nmodels:\n  - { id: local:m, roles: [examinee] }\n  - { id: sandbox:judge, roles: [judge] }\nevaluate: { questions: q.txt }\n`,
  'proc.yaml': 'store: /proc/adaem/adaem.db\n',
  'bad-url.yaml': 'providers:\n  local:\n    type: openai\n    baseURL: not a url\n',
  'bad-retry.yaml': 'providers:\n  openai:\n    maxRetryAfterMs: -1\n',
  'bad-price.yaml': 'models:\n  - { id: sandbox:atlas, price: { input: -1, output: 1 } }\n',
  'bad-max-cost.yaml': 'evaluate: { maxCost: 0 }\n',
};

type Case = [name: string, args: string[], message: RegExp, env?: Record<string, string | undefined>];

const evaluate = (...args: string[]): string[] => ['-c', config(), 'evaluate', ...args];

const CASES: Case[] = [
  [
    '--concurrency 0',
    evaluate('--concurrency', '0'),
    /--concurrency must be a whole number from 1 to 10000, got "0"/,
  ],
  ['--concurrency -1', evaluate('--concurrency', '-1'), /--concurrency must be .* got "-1"/],
  ['--concurrency 1.5', evaluate('--concurrency', '1.5'), /--concurrency must be .* got "1\.5"/],
  ['--concurrency abc', evaluate('--concurrency', 'abc'), /--concurrency must be .* got "abc"/],
  [
    '--max-error-rate 2',
    evaluate('--max-error-rate', '2'),
    /--max-error-rate must be a share between 0 and 1, got "2"/,
  ],
  ['--max-error-rate -0.1', evaluate('--max-error-rate', '-0.1'), /--max-error-rate must be .* got "-0\.1"/],
  ['--max-error-rate empty', evaluate('--max-error-rate', ''), /--max-error-rate must be .* got ""/],
  ['--max-cost 0', evaluate('--max-cost', '0'), /--max-cost must be an amount of USD > 0, got "0"/],
  ['--max-cost -5', evaluate('--max-cost', '-5'), /--max-cost must be .* got "-5"/],
  ['--max-cost abc', evaluate('--max-cost', 'abc'), /--max-cost must be .* got "abc"/],
  ['--samples 0', evaluate('--samples', '0'), /--samples must be a whole number ≥ 1, got "0"/],
  ['--samples 1.5', evaluate('--samples', '1.5'), /--samples must be .* got "1\.5"/],
  [
    '--judge-mode',
    evaluate('--judge-mode', 'sometimes'),
    /--judge-mode must be per-value, batched or logprob/,
  ],
  ['invalid --run-id', evaluate('--run-id', 'bad id!'), /--run-id "bad id!" must be 1–100 letters/],
  [
    'existing --run-id',
    evaluate('--run-id', 'existing'),
    /run "existing" already exists in .*; use --resume existing/,
  ],
  ['unknown --resume', evaluate('--resume', 'nope'), /no run "nope" in /],
  ['invalid --resume', evaluate('--resume', '../x'), /--resume "\.\.\/x" must be 1–100 letters/],
  [
    '--resume with --questions',
    evaluate('--resume', 'existing', '-q', 'q.txt'),
    /--resume existing continues the run .*; drop --questions$/,
  ],
  ['--resume with --models', evaluate('--resume', 'existing', '-m', 'sandbox:atlas'), /drop --models$/],
  ['--resume with --dry-run', evaluate('--resume', 'existing', '--dry-run'), /drop --dry-run$/],
  ['empty --models', evaluate('-m', ','), /--models must list provider:model ids/],
  ['unknown sandbox model', evaluate('-m', 'sandbox:atlass'), /unknown sandbox model "atlass"/],
  [
    'unknown provider',
    evaluate('-m', 'opena1:gpt-4o'),
    /unknown provider "opena1" — did you mean "openai"\?/,
  ],
  ['model id without provider', evaluate('-m', 'gpt-4o'), /model id "gpt-4o" must read provider:model/],
  [
    'missing API key',
    evaluate('-m', 'openai:gpt-4o-mini'),
    /model "openai:gpt-4o-mini" needs an API key: set OPENAI_API_KEY/,
    { OPENAI_API_KEY: undefined },
  ],
  ['missing question file', evaluate('-q', 'missing.txt'), /missing\.txt: question file not found/],
  ['question directory', evaluate('-q', 'dir.txt'), /dir\.txt: is a directory, not a question file/],
  [
    'non-UTF-8 questions',
    evaluate('-q', 'latin1.txt'),
    /latin1\.txt:2: not UTF-8 text; save the file as UTF-8$/,
  ],
  ['broken JSONL', evaluate('-q', 'broken.jsonl'), /broken\.jsonl:2: invalid JSON$/],
  ['empty question file', evaluate('-q', 'empty.txt'), /empty\.txt: empty file$/],
  ['unknown question type', evaluate('-q', 'q.pdf'), /q\.pdf: unknown question file type/],
  [
    'unpriced with --max-cost',
    ['-c', file('unpriced.yaml'), 'evaluate', '--max-cost', '5'],
    /--max-cost cannot cap spending on local:m: no known price/,
  ],
  ['-c directory', ['-c', file(''), 'runs'], /: is a directory; -c takes a config file/],
  ['-c missing file', ['-c', 'nope.yaml', 'runs'], /config file not found: nope\.yaml/],
  ['bad YAML', ['-c', file('yaml.yaml'), 'runs'], /yaml\.yaml:\d+: invalid YAML/],
  [
    'unknown config key',
    ['-c', file('unknown-key.yaml'), 'runs'],
    /unknown key "modles" — did you mean "models"\?/,
  ],
  ['wrong config type', ['-c', file('bad-type.yaml'), 'runs'], /bad-type\.yaml:1 seed: /],
  [
    'unknown theory',
    ['-c', file('unknown-theory.yaml'), 'runs'],
    /theory: "schwarz" is neither a built-in theory/,
  ],
  ['invalid baseURL', ['-c', file('bad-url.yaml'), 'runs'], /bad-url\.yaml:4 providers\.local\.baseURL:/],
  ['negative maxRetryAfterMs', ['-c', file('bad-retry.yaml'), 'runs'], /providers\.openai\.maxRetryAfterMs:/],
  ['negative price', ['-c', file('bad-price.yaml'), 'runs'], /models\[0\]\.price\.input:/],
  ['evaluate.maxCost 0', ['-c', file('bad-max-cost.yaml'), 'runs'], /evaluate\.maxCost:/],
  [
    'store under /proc',
    ['-c', file('proc.yaml'), 'evaluate', '-q', file('q.txt'), '-m', 'sandbox:atlas', '-j', 'sandbox:judge'],
    /\/proc, \/sys and \/dev hold no files/,
  ],
  [
    'sandbox serve --port abc',
    ['sandbox', 'serve', '--port', 'abc'],
    /--port must be a whole number from 0 to 65535, got "abc"/,
  ],
  ['sandbox serve --port 70000', ['sandbox', 'serve', '--port', '70000'], /--port must be .* got "70000"/],
  [
    'sandbox serve --fault-429 2',
    ['sandbox', 'serve', '--fault-429', '2'],
    /--fault-429 must be a share between 0 and 1, got "2"/,
  ],
  [
    'sandbox serve --latency-ms -5',
    ['sandbox', 'serve', '--latency-ms', '-5'],
    /--latency-ms must be a number of milliseconds/,
  ],
  ['results of an unknown run', ['-c', config(), 'results', 'nope'], /no run "nope" in /],
  ['unknown command', ['evaluat'], /unknown command 'evaluat' \(Did you mean evaluate\?\)/],
  [
    'unknown option',
    ['-c', config(), 'evaluate', '--bogus'],
    /unknown option '--bogus' \(see adaem evaluate --help\)$/,
  ],
  [
    'unknown option of a nested command',
    ['-c', config(), 'seeds', 'import', 'txt', 'q.txt', '--bogus'],
    /unknown option '--bogus' \(see adaem seeds import --help\)$/,
  ],
  [
    'agreement of a run with itself',
    ['-c', config(), 'analyze', 'agreement', 'existing', 'existing'],
    /analyze agreement needs two different runs; both name existing/,
  ],
  [
    'run --samples 0',
    ['-c', config(), 'run', '--samples', '0'],
    /--samples must be a whole number ≥ 1, got "0"/,
  ],
  [
    'run --resume with --models',
    ['-c', config(), 'run', '--resume', 'existing', '--models', 'sandbox:atlas'],
    /--resume existing continues the run as recorded \(you gave --models\); drop --questions, /,
  ],
  ['run --max-cost 0', ['-c', config(), 'run', '--max-cost', '0'], /--max-cost must be an amount of USD > 0/],
  [
    'run --models listing one twice',
    ['-c', config(), 'run', '--models', 'sandbox:atlas,sandbox:atlas'],
    /--models lists sandbox:atlas twice/,
  ],
  [
    'option without its value',
    ['-c', config(), 'evaluate', '--run-id'],
    /option '--run-id <name>' argument missing/,
  ],
];

describe('bad input: exit 2, one line naming the problem, the store unchanged', () => {
  // One project for the whole table (each case must leave it as it was).
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adaem-usage-'));
    writeFileSync(resolvePath(config()), BASE);
    writeFileSync(
      resolvePath(file('q.txt')),
      'Should cities ban cars downtown even if it means less freedom?\n',
    );
    writeFileSync(
      resolvePath(file('latin1.txt')),
      Buffer.from('Fine question?\nIs caf\xe9 culture good?\n', 'latin1'),
    );
    writeFileSync(resolvePath(file('broken.jsonl')), '{"text": "Fine question?"}\n{"text": "broken"\n');
    writeFileSync(resolvePath(file('empty.txt')), '');
    writeFileSync(resolvePath(file('q.pdf')), 'x');
    mkdirSync(resolvePath(file('dir.txt')));
    for (const [name, yaml] of Object.entries(CONFIGS)) writeFileSync(join(dir, name), yaml);
    const created = await runMain(['-c', resolvePath(config()), 'evaluate', '--run-id', 'existing']);
    expect(created.code).toBe(0);
  });

  it('has at least 40 kinds of bad input', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CASES)('%s', async (_, args, message, env) => {
    const before = storeSnapshot();
    const { code, stderr, stdout } = await runMain(
      args.map((arg) =>
        resolvePath(
          arg.replace(/^(q\.txt|missing\.txt|dir\.txt|latin1\.txt|broken\.jsonl|empty\.txt|q\.pdf)$/, '@$1'),
        ),
      ),
      env,
    );
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^adaem: /)]);
    expect(stderr.trim()).toMatch(message);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(storeSnapshot()).toEqual(before);
  });
});
