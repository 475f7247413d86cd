import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../src/core/config.js';
import { judgePromptFor } from '../src/core/prompts/judge-prompt.js';
import { applyProtocol } from '../src/core/protocol-preset.js';
import type { ChatRequest } from '../src/core/provider.js';
import { BUILT_IN_THEORIES, MFT_THEORY, SCHWARTZ_THEORY } from '../src/core/theories.js';
import { planEvaluation } from '../src/run/evaluate/plan.js';
import { planGeneration } from '../src/run/generate/plan.js';
import { createSandboxProvider } from '../src/sandbox/provider.js';
import { judgeOpinion } from '../src/stages/judge/judge-opinion.js';

describe('the judgePrompt setting', () => {
  it('defaults to definitions in evaluate and generate, accepts codebook, refuses anything else', () => {
    const defaults = AdaemConfigSchema.parse({});
    expect(defaults.evaluate.judgePrompt).toBe('definitions');
    expect(defaults.generate.judgePrompt).toBe('definitions');
    const set = AdaemConfigSchema.parse({
      evaluate: { judgePrompt: 'codebook' },
      generate: { judgePrompt: 'codebook' },
    });
    expect([set.evaluate.judgePrompt, set.generate.judgePrompt]).toEqual(['codebook', 'codebook']);
    const wrong = AdaemConfigSchema.safeParse({ evaluate: { judgePrompt: 'full' } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['evaluate', 'judgePrompt']);
  });

  it('is definitions under protocol paper, whatever the config says, and the codebook is named as set aside', () => {
    const config = AdaemConfigSchema.parse({
      evaluate: { judgePrompt: 'codebook' },
      generate: { judgePrompt: 'codebook' },
    });
    const { config: paper, setAside, record } = applyProtocol(config, 'paper');
    expect([paper.evaluate.judgePrompt, paper.generate.judgePrompt]).toEqual(['definitions', 'definitions']);
    expect(setAside).toEqual(
      expect.arrayContaining([
        { key: 'evaluate.judgePrompt', config: 'codebook', preset: 'definitions' },
        { key: 'generate.judgePrompt', config: 'codebook', preset: 'definitions' },
      ]),
    );
    expect(record.settings).toContainEqual({
      key: 'evaluate.judgePrompt',
      value: 'definitions',
      adaemDefault: 'definitions',
    });
  });

  it('uses the codebook for the built-in Schwartz theory only, and says why it fell back otherwise', () => {
    expect(judgePromptFor('codebook', SCHWARTZ_THEORY)).toEqual({ setting: 'codebook', used: 'codebook' });
    expect(judgePromptFor('definitions', SCHWARTZ_THEORY)).toEqual({
      setting: 'definitions',
      used: 'definitions',
    });
    for (const theory of [MFT_THEORY, BUILT_IN_THEORIES['schwartz-19']]) {
      const choice = judgePromptFor('codebook', theory);
      expect(choice.used).toBe('definitions');
      expect(choice.fallback).toContain(`no codebook for theory ${theory.id}`);
    }
  });
});

describe('the judge under each prompt', () => {
  it('sends the chosen system message, and the sandbox judge answers both alike', async () => {
    const config = AdaemConfigSchema.parse({});
    const sandbox = createSandboxProvider({ model: 'judge', config, theory: SCHWARTZ_THEORY });
    const sent: ChatRequest[] = [];
    const provider = {
      ...sandbox,
      chat: (request: ChatRequest) => {
        sent.push(request);
        return sandbox.chat(request);
      },
    };
    const opinion = 'Tolerance for all: minorities and refugees deserve equal dignity';
    const answers = [];
    for (const prompt of ['definitions', 'codebook'] as const)
      for (const mode of ['batched', 'per-value'] as const)
        answers.push(
          (await judgeOpinion({ provider, theory: SCHWARTZ_THEORY, opinion, mode, prompt })).outcome,
        );
    expect(answers.every((answer) => answer.status === 'ok')).toBe(true);
    expect(answers[2]).toEqual(answers[0]);
    expect(answers[3]).toEqual(answers[1]);
    const systems = sent.map((request) => request.messages[0]!.content);
    expect(systems[0]).toContain('Its values:');
    expect(systems.at(-1)).toContain('How to decide:');
    // Without a prompt given, the judge gets the default: definitions.
    await judgeOpinion({ provider, theory: SCHWARTZ_THEORY, opinion, mode: 'batched' });
    expect(sent.at(-1)!.messages[0]!.content).toBe(systems[0]);
  });
});

describe('--dry-run plans under each prompt', () => {
  const questions = Array.from({ length: 10 }, (_, index) => ({
    id: `q${index}`,
    text: `Should town ${index} ban cars?`,
  }));
  const models = [
    { id: 'openai:gpt-4o-mini', roles: ['examinee'] },
    { id: 'anthropic:claude-sonnet-4-5', roles: ['judge'], price: { input: 3, output: 15 } },
  ];
  // Claude Sonnet 4.5's prices: cache reads a tenth of input, writes 1.25×.
  const sonnet = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 };
  const priceOf = (id: string) => (id.endsWith('sonnet-4-5') ? sonnet : undefined);
  const evaluatePlan = (judgePrompt: 'definitions' | 'codebook', theory = SCHWARTZ_THEORY) =>
    planEvaluation({
      config: AdaemConfigSchema.parse({ models, evaluate: { judgePrompt } }),
      theory,
      questions,
      examinees: ['openai:gpt-4o-mini'],
      judge: 'anthropic:claude-sonnet-4-5',
      judgeMode: 'batched',
      samples: 1,
      priceOf,
    }).at(-1)!;

  it('estimate the judge tokens of the prompt used: the codebook caches, the definitions do not', () => {
    const definitions = evaluatePlan('definitions');
    const codebook = evaluatePlan('codebook');
    expect(definitions.calls).toBe(codebook.calls);
    expect(definitions.judgePrompt).toEqual({ setting: 'definitions', used: 'definitions' });
    expect(codebook.judgePrompt).toEqual({ setting: 'codebook', used: 'codebook' });
    expect(definitions.prefixTokens).toBeLessThan(1024);
    expect(codebook.prefixTokens).toBeGreaterThan(1024);
    expect(codebook.inputTokens).toBeGreaterThan(3 * definitions.inputTokens);
    expect(codebook.costUsd!).toBeGreaterThan(2 * definitions.costUsd!);
    // Only the codebook reaches the 1,024-token minimum; definitions pay batch prices, uncached.
    expect(definitions.cachedInputTokens).toBe(0);
    expect(definitions.batchCachedCostUsd).toBe(definitions.batchCostUsd);
    expect(codebook.cachedInputTokens).toBeGreaterThan(0);
    expect(codebook.batchCachedCostUsd!).toBeLessThan(codebook.batchCostUsd!);
  });

  it('estimate the definitions prompt, and say so, when a theory has no codebook', () => {
    const mft = evaluatePlan('codebook', MFT_THEORY);
    expect(mft.judgePrompt?.used).toBe('definitions');
    expect(mft.judgePrompt?.fallback).toContain('no codebook for theory mft');
    expect(mft.inputTokens).toBe(evaluatePlan('definitions', MFT_THEORY).inputTokens);
  });

  it('size the generation judge by its own setting', () => {
    const generatePlan = (judgePrompt: 'definitions' | 'codebook') => {
      const config = AdaemConfigSchema.parse({ models, generate: { judgePrompt, budget: 4 } });
      return planGeneration({
        config,
        theory: SCHWARTZ_THEORY,
        seeds: 5,
        explorers: ['openai:gpt-4o-mini'],
        scorers: ['openai:gpt-4o-mini'],
        judge: 'anthropic:claude-sonnet-4-5',
        settings: config.generate,
        priceOf,
      }).find((row) => row.role === 'judge')!;
    };
    const [definitions, codebook] = [generatePlan('definitions'), generatePlan('codebook')];
    expect(codebook.calls).toBe(definitions.calls);
    expect(codebook.inputTokens).toBeGreaterThan(3 * definitions.inputTokens);
    expect(codebook.judgePrompt?.used).toBe('codebook');
  });
});
