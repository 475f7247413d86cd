import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { writeTinyLlamaGguf } from '../../test/helpers/gguf-writer.js';
import { useTmpDir } from '../../test/helpers/tmp-dir.js';
import { ProviderConfigSchema } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';
import { createLlamaCppProvider } from './llama-cpp.js';

const tmp = useTmpDir();
let dir = '';
let provider: Provider;

/** node-llama-cpp is an optional peer, not in the default install; `.ci/run` installs it. */
const PACKAGE = 'node-llama-cpp';
const installed = await import(PACKAGE).then(
  () => true,
  () => false,
);
const HINT = 'node-llama-cpp is not installed (npm install --no-save node-llama-cpp@3.21.1)';
if (!installed) {
  process.stderr.write(`SKIPPED the GGUF tests: ${HINT}\n`);
}

describe.runIf(!installed && process.env.ADAEM_REQUIRE_LLAMA_CPP === '1')('GGUF tests required', () => {
  it('fails because ADAEM_REQUIRE_LLAMA_CPP=1 and node-llama-cpp is missing', () => {
    expect.fail(HINT);
  });
});

describe.skipIf(!installed)('llama-cpp provider on a tiny random-weight GGUF written by the test', () => {
  beforeAll(() => {
    dir = tmp();
    writeTinyLlamaGguf(join(dir, 'tiny.gguf'), { seed: 3 });
    provider = createLlamaCppProvider({
      id: 'llama-cpp:tiny.gguf',
      modelPath: 'tiny.gguf',
      providerConfig: ProviderConfigSchema.parse({}),
      configDir: dir,
    });
  });
  afterAll(async () => {
    await provider?.close?.();
  });

  it('generates JSON that matches the requested schema', async () => {
    const AnswerSchema = z.strictObject({ answer: z.enum(['yes', 'no']) });
    const result = await provider.chat({
      messages: [{ role: 'user', content: 'Answer yes or no.' }],
      params: { temperature: 0.8, seed: 1, maxTokens: 48 },
      jsonSchema: { name: 'answer', schema: z.toJSONSchema(AnswerSchema) },
    });
    expect(AnswerSchema.safeParse(JSON.parse(result.text)).success).toBe(true);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });

  it('returns token log-probabilities with sorted alternatives', async () => {
    const result = await provider.chat({
      messages: [{ role: 'user', content: 'Say something.' }],
      params: { maxTokens: 4, seed: 2 },
      topLogprobs: 3,
    });
    expect(result.logprobs?.length).toBeGreaterThan(0);
    for (const entry of result.logprobs!) {
      expect(Number.isFinite(entry.logprob)).toBe(true);
      expect(entry.logprob).toBeLessThanOrEqual(0);
      expect(entry.top).toHaveLength(3);
      const values = entry.top.map((alternative) => alternative.logprob);
      expect([...values].sort((a, b) => b - a)).toEqual(values);
    }
  });

  it('repeats itself for the same seed', async () => {
    const request = {
      messages: [{ role: 'user' as const, content: 'Go on.' }],
      params: { temperature: 1, seed: 7, maxTokens: 12 },
    };
    expect((await provider.chat(request)).text).toBe((await provider.chat(request)).text);
  });

  it('names the missing file in a ConfigError', () => {
    expect(() =>
      createLlamaCppProvider({
        id: 'llama-cpp:nope.gguf',
        modelPath: 'nope.gguf',
        providerConfig: ProviderConfigSchema.parse({}),
        configDir: dir,
      }),
    ).toThrow(ConfigError);
    expect(() =>
      createLlamaCppProvider({
        id: 'llama-cpp:nope.gguf',
        modelPath: 'nope.gguf',
        providerConfig: ProviderConfigSchema.parse({}),
        configDir: dir,
      }),
    ).toThrow(/nope\.gguf/);
  });
});
