import { describe, expect, it } from 'vitest';
import { startAnthropicServer } from '../../test/helpers/anthropic-server.js';
import { ProviderError } from '../core/errors.js';
import { createAnthropicProvider } from './anthropic.js';

describe('anthropic adapter against a local Messages API server', () => {
  it('hoists system messages, sends the key and reads text and usage', async () => {
    const server = await startAnthropicServer();
    try {
      const provider = createAnthropicProvider({
        id: 'anthropic:claude-x',
        model: 'claude-x',
        config: { apiKey: 'sk-ant-test', baseURL: server.url, timeoutMs: 5000 },
      });
      expect(provider.capabilities.logprobs).toBe(false);
      const result = await provider.chat({
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Is honesty important?' },
        ],
        params: { maxTokens: 50 },
      });
      expect(result).toMatchObject({
        text: 'heard: Is honesty important?',
        usage: { inputTokens: 9, outputTokens: 4 },
        model: 'claude-x',
      });
      expect(server.received[0]).toMatchObject({
        system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
        max_tokens: 50,
        authorization: 'Bearer sk-ant-test',
        messages: [{ role: 'user', content: 'Is honesty important?' }],
      });
    } finally {
      await server.close();
    }
  });

  it('counts cache reads and writes as input, and reports them apart', async () => {
    const usage = {
      input_tokens: 20,
      cache_read_input_tokens: 1500,
      cache_creation_input_tokens: 0,
      output_tokens: 4,
    };
    const server = await startAnthropicServer({ usage });
    try {
      const provider = createAnthropicProvider({
        id: 'anthropic:claude-x',
        model: 'claude-x',
        config: { apiKey: 'k', baseURL: server.url, timeoutMs: 5000 },
      });
      const result = await provider.chat({ messages: [{ role: 'user', content: 'hi' }] });
      expect(result.usage).toEqual({ inputTokens: 1520, outputTokens: 4, cachedInputTokens: 1500 });
    } finally {
      await server.close();
    }
  });

  it('maps a 429 to a retryable ProviderError with the Retry-After wait', async () => {
    const server = await startAnthropicServer({ status: 429 });
    try {
      const provider = createAnthropicProvider({
        id: 'anthropic:claude-x',
        model: 'claude-x',
        config: { apiKey: 'k', baseURL: server.url, timeoutMs: 5000 },
      });
      const error = await provider
        .chat({ messages: [{ role: 'user', content: 'hi' }] })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ status: 429, isRetryable: true, retryAfterMs: 2000 });
    } finally {
      await server.close();
    }
  });
});
