import { describe, expect, it } from 'vitest';
import type { ChatRequest, Provider } from '../../core/provider.js';
import { checkSafety } from './safety.js';

function guard(reply: string, finishReason = 'stop'): Provider & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    id: 'test:guard',
    capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: false },
    requests,
    async chat(request) {
      requests.push(request);
      return { text: reply, usage: { inputTokens: 1, outputTokens: 1 }, model: 'guard', finishReason };
    },
  };
}

describe('checkSafety', () => {
  it('gives a reasoning guard its own token limit, and says a cut reasoning is unreadable, not a verdict', async () => {
    const roomy = guard('<think>It is a policy debate.</think>\nsafe');
    expect(
      await checkSafety({
        provider: roomy,
        text: 'Should towns ban cars?',
        kind: 'question',
        maxTokens: 400,
      }),
    ).toEqual({
      status: 'safe',
    });
    expect(roomy.requests[0]!.params?.maxTokens).toBe(400);
    const cut = guard('<think>The question asks whether', 'length');
    const verdict = await checkSafety({ provider: cut, text: 'Should towns ban cars?', kind: 'question' });
    expect(verdict).toMatchObject({ status: 'unreadable', reason: expect.stringMatching(/raise maxTokens/) });
    expect(cut.requests[0]!.params?.maxTokens).toBe(40);
  });
});
