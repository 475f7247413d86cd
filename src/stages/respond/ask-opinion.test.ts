import { describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../../../test/helpers/openai-server.js';
import { ConfigError } from '../../core/errors.js';
import { createOpenAIProvider } from '../../providers/openai.js';
import { askOpinion } from './ask-opinion.js';

const question = { id: 'q1', text: 'Should towns ban fireworks?' };

describe('askOpinion with structured output', () => {
  it('asks an OpenAI-compatible endpoint for the opinion as JSON and reads the JSON it returns', async () => {
    const reply = JSON.stringify({
      stance: 'no',
      key_points: [
        { point: 'Tradition', why: 'a custom' },
        { point: 'Joy', why: 'people like them' },
        { point: 'Freedom', why: 'adults choose' },
      ],
    });
    const server = await startOpenAIServer(() => ({ kind: 'reply', text: reply }));
    try {
      const provider = createOpenAIProvider({
        id: 'vllm:m',
        model: 'm',
        config: { baseURL: server.url, timeoutMs: 5000 },
      });
      const answer = await askOpinion({ provider, question, sample: 0, structuredOutput: true });
      expect(answer.outcome).toEqual({
        status: 'ok',
        stance: 'no',
        points: [
          { point: 'Tradition', justification: 'a custom' },
          { point: 'Joy', justification: 'people like them' },
          { point: 'Freedom', justification: 'adults choose' },
        ],
      });
      const format = server.received[0]!.body.response_format as {
        type: string;
        json_schema: { name: string; schema: { required: string[] } };
      };
      expect(format.type).toBe('json_schema');
      expect(format.json_schema.name).toBe('opinion');
      expect(format.json_schema.schema.required).toEqual(['stance', 'key_points']);
      const free = await askOpinion({ provider, question, sample: 1 });
      expect(server.received[1]!.body.response_format).toBeUndefined();
      expect(free.outcome.status).toBe('ok');
    } finally {
      await server.close();
    }
  });

  it('refuses structured output for a model whose endpoint cannot enforce a schema', async () => {
    const provider = {
      id: 'anthropic:claude-x',
      capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: false },
      chat: async () => ({ text: '', usage: { inputTokens: 0, outputTokens: 0 }, model: 'x' }),
    };
    await expect(askOpinion({ provider, question, sample: 0, structuredOutput: true })).rejects.toThrow(
      ConfigError,
    );
  });
});
