import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../helpers/openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { useTmpDir } from '../helpers/tmp-dir.js';

const tmp = useTmpDir();

/** Every file under a directory, as text (the SQLite store and its WAL included: text is stored as is). */
function textOfTree(dir: string): string {
  return readdirSync(dir)
    .map((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? textOfTree(path) : readFileSync(path, 'latin1');
    })
    .join('\n');
}

/** The secrets that appear, by name. */
function leaked(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, secret]) => text.includes(secret))
    .map(([name]) => name);
}

const QUESTIONS = ['Should cities ban cars from their centres?', 'Should schools drop homework?']
  .map((text, index) => `${JSON.stringify({ id: `q${index + 1}`, text })}\n`)
  .join('');

describe('secrets (issue 20, item 1): no configured secret is stored, printed, exported or rendered', () => {
  it('keeps base URL credentials, query keys and header values out of everything, even when the server echoes them', async () => {
    const password = 'sk-urlPassword7Q2mXv9';
    const queryKey = 'qk-queryKey5Lp8Zr3W';
    const headerToken = 'gt-headerToken4Nc6Yb1';
    const basic = Buffer.from(`robin:${password}`).toString('base64');
    // Echoes what it was sent — the Authorization header, the URL with its query, the header — in a 200 answer.
    const server = await startOpenAIServer((_, _body, request) => ({
      kind: 'reply',
      text: `Yes. I saw ${request.headers.authorization} at ${request.path} with ${request.headers['x-gateway-token']}, i.e. robin:${password} and ${queryKey}.`,
    }));
    try {
      const dir = tmp();
      const port = new URL(server.url).port;
      writeFileSync(join(dir, 'questions.jsonl'), QUESTIONS);
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          '  gate:',
          '    type: openai',
          `    baseURL: "http://robin:${password}@127.0.0.1:${port}/v1?api_key=${queryKey}"`,
          `    headers: { x-gateway-token: "${headerToken}" }`,
          'models:',
          '  - { id: gate:echo, roles: [examinee] }',
          '  - { id: sandbox:judge, roles: [judge] }',
        ].join('\n'),
      );
      const cli = (...args: string[]) => runCli(['-c', 'adaem.yaml', ...args], { cwd: dir });
      const runs = [
        await cli('models', 'check'),
        await cli('models', 'check', '--json'),
        await cli(
          'evaluate',
          '--questions',
          'questions.jsonl',
          '--models',
          'gate:echo',
          '--judge',
          'sandbox:judge',
          '--run-id',
          'leak',
          '--no-retry',
        ),
        // Served from the cache the second time: the cached answer is the scrubbed one.
        await cli(
          'evaluate',
          '--questions',
          'questions.jsonl',
          '--models',
          'gate:echo',
          '--judge',
          'sandbox:judge',
          '--run-id',
          'leak-again',
          '--json',
        ),
        await cli('results', 'leak', '--json'),
        await cli('export', 'leak', '--format', 'jsonl', '--out', 'jsonl'),
        await cli('export', 'leak', '--format', 'csv', '--out', 'csv'),
        await cli('report', 'leak', '--out', 'report.html'),
      ];
      for (const run of runs) expect(run.code, run.stderr).toBe(0);

      // The calls went through, the credentials sent as HTTP Basic and the query kept.
      expect(server.received.length).toBeGreaterThan(0);
      expect(server.received[0]!.headers.authorization).toBe(`Basic ${basic}`);
      expect(server.received[0]!.path).toBe(`/v1/chat/completions?api_key=${queryKey}`);

      const secrets = { password, queryKey, headerToken, basic };
      const printed = runs.map((run) => run.stdout + run.stderr).join('\n');
      expect(leaked(printed, secrets), 'secrets on stdout/stderr').toEqual([]);
      expect(leaked(textOfTree(join(dir, '.adaem')), secrets), 'secrets in the store').toEqual([]);
      expect(leaked(textOfTree(join(dir, 'jsonl')), secrets), 'secrets in the JSONL export').toEqual([]);
      expect(leaked(textOfTree(join(dir, 'csv')), secrets), 'secrets in the CSV export').toEqual([]);
      expect(
        leaked(readFileSync(join(dir, 'report.html'), 'utf8'), secrets),
        'secrets in the report',
      ).toEqual([]);

      const manifest = JSON.parse(readFileSync(join(dir, 'jsonl', 'manifest.json'), 'utf8')) as {
        config: { providers: { gate: { baseURL: string; headers: Record<string, string> } } };
      };
      expect(manifest.config.providers.gate.baseURL).toBe(
        `http://[redacted]@127.0.0.1:${port}/v1?api_key=[redacted]`,
      );
      expect(manifest.config.providers.gate.headers).toEqual({ 'x-gateway-token': '[redacted]' });
      // The answer is kept, the secrets in it are not.
      expect(readFileSync(join(dir, 'jsonl', 'responses.jsonl'), 'utf8')).toContain('[redacted]');
    } finally {
      await server.close();
    }
  }, 240_000);

  it('scrubs a refused key from a plain-text error body before cutting it to length', async () => {
    const apiKey = 'sk-ZQXJWVplainKey8Rt3';
    // The key starts 190 characters in: cut at 200 first, "sk-ZQXJWV" would survive any pattern.
    const body = `Unauthorized: ${'.'.repeat(176)}${apiKey} is not a valid key`;
    const server = await startOpenAIServer(() => ({ kind: 'raw', status: 401, body }));
    try {
      const dir = tmp();
      writeFileSync(join(dir, 'questions.jsonl'), QUESTIONS);
      writeFileSync(
        join(dir, 'adaem.yaml'),
        [
          'providers:',
          `  gate: { type: openai, baseURL: "${server.url}", apiKey: "${apiKey}" }`,
          'models:',
          '  - { id: gate:echo, roles: [examinee] }',
          '  - { id: sandbox:judge, roles: [judge] }',
        ].join('\n'),
      );
      const evaluate = await runCli(
        [
          '-c',
          'adaem.yaml',
          'evaluate',
          '--questions',
          'questions.jsonl',
          '--models',
          'gate:echo',
          '--judge',
          'sandbox:judge',
          '--no-retry',
        ],
        { cwd: dir },
      );
      expect(evaluate.code).toBe(2);
      expect(evaluate.stderr).toContain('refused the API key (HTTP 401)');
      const check = await runCli(['-c', 'adaem.yaml', 'models', 'check'], { cwd: dir });
      expect(check.stdout).toContain('refused the API key (HTTP 401)');
      const everything = [
        evaluate.stdout,
        evaluate.stderr,
        check.stdout,
        check.stderr,
        textOfTree(join(dir, '.adaem')),
      ];
      expect(everything.join('\n')).not.toContain('ZQXJWV');
    } finally {
      await server.close();
    }
  }, 60_000);
});
