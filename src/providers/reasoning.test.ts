import { describe, expect, it } from 'vitest';
import { startAnthropicServer } from '../../test/helpers/anthropic-server.js';
import { startOpenAIServer } from '../../test/helpers/openai-server.js';
import { REASONING_CUT } from '../stages/reply/reply-text.js';
import { askOpinion } from '../stages/respond/ask-opinion.js';
import { createAnthropicProvider } from './anthropic.js';
import { createOpenAIProvider } from './openai.js';

const question = { id: 'q1', text: 'Should towns ban fireworks?' };
const answer = 'Stance: no\n1. Tradition: a custom\n2. Joy: people like them\n3. Freedom: adults choose';

function openai(url: string) {
  return createOpenAIProvider({ id: 'vllm:r1', model: 'r1', config: { baseURL: url, timeoutMs: 5000 } });
}

describe('reasoning returned apart from the answer', () => {
  it('is kept out of the text, counted in usage, and stored with the answer in a block the readers set aside', async () => {
    const server = await startOpenAIServer(() => ({
      kind: 'message',
      message: { content: answer, reasoning_content: 'Stance: yes\n1. Safety: fires' },
      usage: {
        prompt_tokens: 20,
        completion_tokens: 90,
        completion_tokens_details: { reasoning_tokens: 70 },
      },
    }));
    try {
      const result = await openai(server.url).chat({ messages: [{ role: 'user', content: 'hi' }] });
      expect(result).toMatchObject({
        text: answer,
        reasoning: 'Stance: yes\n1. Safety: fires',
        usage: { inputTokens: 20, outputTokens: 90, reasoningTokens: 70 },
      });
      const opinion = await askOpinion({ provider: openai(server.url), question, sample: 0 });
      expect(opinion.outcome).toMatchObject({
        status: 'ok',
        stance: 'no',
        points: [{ point: 'Tradition' }, {}, {}],
      });
      expect(opinion.raw).toBe(`<think>\nStance: yes\n1. Safety: fires\n</think>\n\n${answer}`);
    } finally {
      await server.close();
    }
  });

  it('with no content because the limit was spent reasoning, is a cut answer, not a refusal or an error', async () => {
    const server = await startOpenAIServer(() => ({
      kind: 'message',
      message: { content: null, reasoning: 'Let me weigh 1. safety 2.' },
      finishReason: 'length',
    }));
    try {
      const opinion = await askOpinion({ provider: openai(server.url), question, sample: 0 });
      expect(opinion.outcome).toEqual({ status: 'unparseable', reason: REASONING_CUT });
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('comes from Anthropic thinking blocks, apart from the text; max_tokens is a cut', async () => {
    const server = await startAnthropicServer({
      reply: {
        content: [
          { type: 'thinking', thinking: 'Stance: yes\n1. Safety: fires', signature: 'sig' },
          { type: 'text', text: 'Stance: no\n1. Tradition: a custom\n2. Joy: people' },
        ],
        stopReason: 'max_tokens',
      },
    });
    try {
      const provider = createAnthropicProvider({
        id: 'anthropic:claude-x',
        model: 'claude-x',
        config: { apiKey: 'sk-ant-test', baseURL: server.url, timeoutMs: 5000 },
      });
      const result = await provider.chat({ messages: [{ role: 'user', content: 'hi' }] });
      expect(result).toMatchObject({
        text: 'Stance: no\n1. Tradition: a custom\n2. Joy: people',
        reasoning: 'Stance: yes\n1. Safety: fires',
        finishReason: 'max_tokens',
      });
      const opinion = await askOpinion({ provider, question, sample: 0 });
      expect(opinion.outcome).toMatchObject({
        status: 'unparseable',
        reason: expect.stringMatching(/token limit/),
      });
    } finally {
      await server.close();
    }
  });
});
