import { describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../core/errors.js';
import type { ChatRequest, ChatResult, Provider } from '../../core/provider.js';
import { MFT_THEORY, SCHWARTZ_THEORY } from '../../core/theories.js';
import { judgeCallsPerOpinion, judgeOpinion } from './judge-opinion.js';

function scripted(
  reply: (request: ChatRequest) => string | Error,
  logprobs = true,
): Provider & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    id: 'scripted:judge',
    capabilities: { chat: true, embeddings: false, logprobs, jsonSchema: true },
    requests,
    async chat(request): Promise<ChatResult> {
      requests.push(request);
      const text = reply(request);
      if (text instanceof Error) throw text;
      return { text, usage: { inputTokens: 1, outputTokens: 1 }, model: 'judge' };
    },
  };
}

const question = { id: 'q', text: 'Should towns ban fireworks?' };
const opinion = 'Public safety: fires and injuries must be prevented';

describe('judgeOpinion', () => {
  it('asks one Yes/No question per value in per-value mode and reads tolerant answers', async () => {
    const provider = scripted((request) =>
      request.messages[1]!.content.includes('value Security?') ? '**Yes.**' : 'no',
    );
    const answer = await judgeOpinion({
      provider,
      theory: SCHWARTZ_THEORY,
      question,
      opinion,
      mode: 'per-value',
    });
    expect(provider.requests).toHaveLength(10);
    expect(answer.outcome).toMatchObject({ status: 'ok', values: { security: true, power: false } });
    expect(provider.requests[0]!.messages[0]!.content).toContain('Self-Direction (self_direction)');
  });

  it('keeps every valid label and lists the value whose answer is neither Yes nor No as missing', async () => {
    const provider = scripted((request) =>
      request.messages[1]!.content.includes('value Power?') ? 'Perhaps' : 'Yes',
    );
    const answer = await judgeOpinion({ provider, theory: SCHWARTZ_THEORY, opinion, mode: 'per-value' });
    expect(answer.outcome.status).toBe('ok');
    if (answer.outcome.status !== 'ok') return;
    expect(answer.outcome.missing).toEqual(['power']);
    expect(Object.keys(answer.outcome.values)).toHaveLength(9);
    expect(answer.outcome.values.power).toBeUndefined();
    expect(answer.outcome.values.security).toBe(true);
    expect(answer.raw).toContain('power=Perhaps');
  });

  it('marks a judgement unscored, keeping the raw text, when no answer is Yes or No', async () => {
    const provider = scripted(() => 'Perhaps');
    const answer = await judgeOpinion({ provider, theory: MFT_THEORY, opinion, mode: 'per-value' });
    expect(answer.outcome).toMatchObject({ status: 'unscored', reason: 'no judge answer is Yes or No' });
    expect(answer.raw).toContain('care=Perhaps');
  });

  it.each([
    ['per-value', 10],
    ['batched', 1],
  ] as const)('shows the judge only the key point unless given the question (%s)', async (mode, calls) => {
    const values = JSON.stringify({
      values: Object.fromEntries(SCHWARTZ_THEORY.values.map((v) => [v.id, false])),
    });
    const provider = scripted(() => (mode === 'batched' ? values : 'No'));
    await judgeOpinion({ provider, theory: SCHWARTZ_THEORY, opinion, mode, question });
    const view = 'point-and-question';
    await judgeOpinion({ provider, theory: SCHWARTZ_THEORY, opinion, mode, question, view });
    expect(provider.requests).toHaveLength(2 * calls);
    const texts = provider.requests.map((request) => request.messages.map((m) => m.content).join('\n'));
    expect(texts[0]).toContain(opinion);
    expect(texts[0]).not.toContain('fireworks');
    expect(texts[0]).not.toContain('Question under discussion');
    expect(texts[calls]).toContain('Question under discussion: Should towns ban fireworks?');
  });

  it('uses one structured call in batched mode and accepts JSON wrapped in a code fence', async () => {
    const values = Object.fromEntries(MFT_THEORY.values.map((value) => [value.id, value.id === 'care']));
    const provider = scripted(() => `Sure:\n\`\`\`json\n${JSON.stringify({ values })}\n\`\`\``);
    const answer = await judgeOpinion({ provider, theory: MFT_THEORY, question, opinion, mode: 'batched' });
    expect(provider.requests).toHaveLength(1);
    expect(provider.requests[0]!.jsonSchema?.schema).toMatchObject({ required: ['values'] });
    expect(answer.outcome).toEqual({ status: 'ok', values });
    expect(judgeCallsPerOpinion('batched', SCHWARTZ_THEORY) * 10).toBe(
      judgeCallsPerOpinion('per-value', SCHWARTZ_THEORY),
    );
  });

  it.each([
    ['not JSON at all', 'I think care applies.', /no JSON object/],
    [
      'no readable label',
      JSON.stringify({ values: { care: 'maybe', fairness: 'somewhat' } }),
      /labels no value/,
    ],
    ['a cut-off object', '{"values": {"care": true, "fairn', /cut off/],
  ])('records %s from a batched judge as unscored', async (_, text, reason) => {
    const answer = await judgeOpinion({
      provider: scripted(() => text),
      theory: MFT_THEORY,
      question,
      opinion,
      mode: 'batched',
    });
    expect(answer.outcome).toMatchObject({
      status: 'unscored',
      reason: expect.stringMatching(reason),
      raw: text,
    });
  });

  it('keeps what a batched judge labels readably, lists the rest as missing and ignores unknown keys', async () => {
    const text = JSON.stringify({
      values: { Care: 'yes', fairness: false, loyalty: 'perhaps', honour: true },
    });
    const answer = await judgeOpinion({
      provider: scripted(() => text),
      theory: MFT_THEORY,
      opinion,
      mode: 'batched',
    });
    expect(answer.outcome).toEqual({
      status: 'ok',
      values: { care: true, fairness: false },
      missing: ['loyalty', 'authority', 'sanctity'],
    });
  });

  it('turns provider failures into error records and refuses logprob mode without logprobs', async () => {
    const failing = scripted(
      () =>
        new ProviderError('scripted:judge: HTTP 500', {
          providerId: 'scripted:judge',
          status: 500,
          isRetryable: true,
        }),
    );
    const answer = await judgeOpinion({
      provider: failing,
      theory: MFT_THEORY,
      question,
      opinion,
      mode: 'batched',
    });
    expect(answer.outcome).toEqual({ status: 'error', reason: 'scripted:judge: HTTP 500' });
    const noLogprobs = scripted(() => 'Yes', false);
    await expect(
      judgeOpinion({ provider: noLogprobs, theory: MFT_THEORY, question, opinion, mode: 'logprob' }),
    ).rejects.toBeInstanceOf(ConfigError);
  });
});
