import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../../test/helpers/openai-server.js';
import { AdaemConfigSchema } from '../core/config.js';
import { ProviderError } from '../core/errors.js';
import { opinionPrompt, valuePrimingPrompt } from '../core/prompts/templates.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { createEngine } from '../providers/engine.js';
import { createOpenAIProvider } from '../providers/openai.js';
import { parseOpinion } from '../stages/respond/parse-opinion.js';
import { BUILT_IN_MODELS } from './models.js';
import { createSandboxProvider, worldFor } from './provider.js';
import { GENERIC_QUESTIONS, sandboxQuestions } from './questions.js';
import { startSandboxServer } from './server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function sandbox(model: string, seed = 42, extra: Record<string, unknown> = {}) {
  const config = AdaemConfigSchema.parse({ seed, ...extra });
  return { config, provider: createSandboxProvider({ model, config, theory: SCHWARTZ_THEORY }) };
}

async function opinionValues(model: string, question: string, seed = 42, sample = 0): Promise<Set<number>> {
  const { config, provider } = sandbox(model, seed);
  const result = await provider.chat({
    messages: opinionPrompt.render({ question }),
    params: { temperature: 0.7 },
    sampleIndex: sample,
  });
  const parsed = parseOpinion(result.text);
  if (parsed.status !== 'ok') throw new Error(`unexpected ${parsed.status}`);
  const reader = worldFor(config, SCHWARTZ_THEORY).reader;
  const values = new Set<number>();
  for (const point of parsed.points) {
    for (const [index, on] of reader.valuesIn(`${point.point}: ${point.justification}`).entries())
      if (on) values.add(index);
  }
  return values;
}

function jaccardDistance(a: Set<number>, b: Set<number>): number {
  const union = new Set([...a, ...b]).size;
  const shared = [...a].filter((value) => b.has(value)).length;
  return union === 0 ? 0 : 1 - shared / union;
}

async function meanPairwiseDistance(questions: string[]): Promise<number> {
  let total = 0;
  let pairs = 0;
  for (const question of questions) {
    const sets = await Promise.all(BUILT_IN_MODELS.map((model) => opinionValues(model.name, question)));
    for (let i = 0; i < sets.length; i++) {
      for (let j = i + 1; j < sets.length; j++) {
        total += jaccardDistance(sets[i]!, sets[j]!);
        pairs++;
      }
    }
  }
  return total / pairs;
}

describe('sandbox models', () => {
  it('answer byte-identically for the same seed and differently for another', async () => {
    const questions = sandboxQuestions({ count: 30, kind: 'tradeoff' }).map((question) => question.text);
    const run = async (seed: number) => {
      const { provider } = sandbox('atlas', seed);
      return Promise.all(
        questions.map(
          async (question) =>
            (
              await provider.chat({
                messages: opinionPrompt.render({ question }),
                params: { temperature: 1 },
              })
            ).text,
        ),
      );
    };
    const [first, again, other] = await Promise.all([run(1), run(1), run(2)]);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const differing = other.filter((text, index) => text !== first[index]).length;
    expect(differing).toBeGreaterThan(5);
    // Statistically alike: the values mentioned across all answers overlap strongly.
    const words = (texts: string[]) => new Set(texts.join(' ').split(/\W+/));
    const shared = [...words(first)].filter((word) => words(other).has(word)).length;
    expect(shared / words(first).size).toBeGreaterThan(0.6);
  });

  it('give near-identical value sets on generic questions and different ones on trade-offs', async () => {
    const generic = await meanPairwiseDistance(GENERIC_QUESTIONS);
    const tradeoff = await meanPairwiseDistance(
      sandboxQuestions({ count: 20, kind: 'tradeoff' }).map((question) => question.text),
    );
    // Per question, hedges and second values make sets differ a little even on generic questions.
    expect(generic).toBeLessThan(0.45);
    expect(tradeoff).toBeGreaterThan(0.55);
    expect(tradeoff - generic).toBeGreaterThan(0.2);
  });

  it('shift towards a value they are primed with', async () => {
    const { provider, config } = sandbox('ember');
    const reader = worldFor(config, SCHWARTZ_THEORY).reader;
    const universalism = SCHWARTZ_THEORY.values.findIndex((value) => value.id === 'universalism');
    const count = async (primed: boolean) => {
      let hits = 0;
      for (const question of sandboxQuestions({ count: 180, kind: 'tradeoff' })) {
        const messages = opinionPrompt.render({ question: question.text });
        if (primed)
          messages.unshift(
            ...valuePrimingPrompt.render({ value_name: 'Universalism', value_definition: 'care for all' }),
          );
        const text = (await provider.chat({ messages })).text;
        if (reader.valuesIn(text)[universalism]) hits++;
      }
      return hits;
    };
    expect(await count(true)).toBeGreaterThan((await count(false)) + 10);
  });
});

describe('sandbox server', () => {
  it('serves chat, JSON-schema output, logprobs and embeddings to the openai provider', async () => {
    const server = await startSandboxServer({ config: AdaemConfigSchema.parse({}), theory: SCHWARTZ_THEORY });
    closers.push(server.close);
    const provider = createOpenAIProvider({
      id: 'sbx:atlas',
      model: 'atlas',
      config: { baseURL: server.url, timeoutMs: 5000 },
    });
    const opinion = await provider.chat({
      messages: opinionPrompt.render({
        question: 'Should Kenya admit more climate refugees even if it means less public safety?',
      }),
    });
    expect(parseOpinion(opinion.text).status).toBe('ok');
    const judge = createOpenAIProvider({
      id: 'sbx:judge',
      model: 'judge',
      config: { baseURL: server.url, timeoutMs: 5000 },
    });
    const { judgeOpinion } = await import('../stages/judge/judge-opinion.js');
    const question = { id: 'q', text: 'Should Kenya admit more climate refugees?' };
    const opinionText = 'Tolerance for all: minorities and refugees deserve equal dignity';
    const batched = await judgeOpinion({
      provider: judge,
      theory: SCHWARTZ_THEORY,
      question,
      opinion: opinionText,
      mode: 'batched',
    });
    const logprob = await judgeOpinion({
      provider: judge,
      theory: SCHWARTZ_THEORY,
      question,
      opinion: opinionText,
      mode: 'logprob',
    });
    expect(batched.outcome).toMatchObject({ status: 'ok', values: { universalism: true, power: false } });
    expect(logprob.outcome).toMatchObject({ status: 'ok', values: { universalism: true, power: false } });
    const embedded = await provider.embed!({
      texts: ['refugees and equal justice', 'refugees and equal dignity', 'market share and profit'],
    });
    const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);
    expect(dot(embedded.vectors[0]!, embedded.vectors[1]!)).toBeGreaterThan(
      dot(embedded.vectors[0]!, embedded.vectors[2]!),
    );
  });

  it('answers the official openai client: chat, json_schema, logprobs and embeddings', async () => {
    const server = await startSandboxServer({ config: AdaemConfigSchema.parse({}), theory: SCHWARTZ_THEORY });
    closers.push(server.close);
    const client = new OpenAI({ apiKey: 'unused', baseURL: server.url, maxRetries: 0 });
    const opinion = await client.chat.completions.create({
      model: 'basalt',
      messages: opinionPrompt.render({
        question:
          'Should Egypt keep historic religious festivals as paid holidays even if it means less career success?',
      }),
      seed: 1,
    });
    expect(parseOpinion(opinion.choices[0]!.message.content ?? '').status).toBe('ok');
    const { judgeBatchedPrompt, judgeValuePrompt, formatDefinitions } = await import(
      '../core/prompts/templates.js'
    );
    const shared = {
      theory_name: SCHWARTZ_THEORY.name,
      definitions: formatDefinitions(SCHWARTZ_THEORY),
      question: 'q',
      opinion: 'Faith and ritual: religious practice gives this question its meaning',
    };
    const structured = await client.chat.completions.create({
      model: 'judge',
      messages: judgeBatchedPrompt.render({
        ...shared,
        value_ids: SCHWARTZ_THEORY.values.map((value) => value.id).join(', '),
      }),
      response_format: { type: 'json_schema', json_schema: { name: 'v', schema: { type: 'object' } } },
    });
    expect(JSON.parse(structured.choices[0]!.message.content ?? '{}').values).toMatchObject({
      tradition: true,
      power: false,
    });
    const yesNo = await client.chat.completions.create({
      model: 'judge',
      messages: judgeValuePrompt.render({ ...shared, value_name: 'Tradition' }),
      logprobs: true,
      top_logprobs: 2,
      max_tokens: 1,
    });
    const top = yesNo.choices[0]!.logprobs!.content![0]!.top_logprobs;
    expect(top.map((entry) => entry.token)).toEqual(['Yes', 'No']);
    expect(Math.exp(top[0]!.logprob)).toBeGreaterThan(0.9);
    const embedding = await client.embeddings.create({
      model: 'atlas',
      input: ['equal justice', 'market share'],
      encoding_format: 'float',
    });
    expect(embedding.data).toHaveLength(2);
    expect(embedding.data[0]!.embedding).toHaveLength(64);
  });

  it.each([
    ['rate429', 429],
    ['rate500', 500],
  ] as const)('answers %s with HTTP %i', async (dial, status) => {
    const server = await startSandboxServer({
      config: AdaemConfigSchema.parse({}),
      theory: SCHWARTZ_THEORY,
      faults: { [dial]: 1 },
    });
    closers.push(server.close);
    const provider = createOpenAIProvider({
      id: 'sbx:atlas',
      model: 'atlas',
      config: { baseURL: server.url, timeoutMs: 5000 },
    });
    await expect(provider.chat({ messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({
      status,
      isRetryable: true,
    });
  });

  it.each([
    ['rateDrop', 'connection'],
    ['rateMalformed', 'malformed'],
    ['rateTimeout', 'timeout'],
  ] as const)('produces %s faults the engine sees as %s', async (dial, code) => {
    const server = await startSandboxServer({
      config: AdaemConfigSchema.parse({}),
      theory: SCHWARTZ_THEORY,
      faults: { [dial]: 1, hangMs: 2000 },
    });
    closers.push(server.close);
    const config = AdaemConfigSchema.parse({
      providers: { sbx: { type: 'openai', baseURL: server.url, timeoutMs: 300, maxRetries: 0 } },
    });
    const engine = createEngine({ config, theory: SCHWARTZ_THEORY });
    const error = await engine
      .provider('sbx:atlas', 'examinee')
      .chat({ messages: [{ role: 'user', content: 'hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code });
  });

  it('lets a plain OpenAI-compatible test server and the sandbox share one client', async () => {
    const plain = await startOpenAIServer();
    closers.push(plain.close);
    const provider = createOpenAIProvider({
      id: 'p:m',
      model: 'm',
      config: { baseURL: plain.url, timeoutMs: 5000 },
    });
    expect((await provider.chat({ messages: [{ role: 'user', content: 'ping' }] })).text).toBe('echo: ping');
  });
});

describe('sandbox answers to the generation prompts', () => {
  it('explores with a fact the model knows and a short specific question, reflects, refines and checks safety', async () => {
    const {
      exploreFactPrompt,
      exploreQuestionPrompt,
      reflectPrompt,
      refinePrompt,
      safetyPrompt,
      statementToQuestionPrompt,
    } = await import('../core/prompts/templates.js');
    const { provider } = sandbox('basalt');
    const ask = async (messages: { role: 'system' | 'user' | 'assistant'; content: string }[]) =>
      (await provider.chat({ messages })).text;
    const general = {
      question: 'Should governments limit online gaming?',
      examples: '- Should gaming be taxed? (score 5.1)',
    };
    const factReply = await ask(exploreFactPrompt.render(general));
    expect(factReply).toMatch(/\nFact: In (19|20)\d\d, .*gaming/);
    const year = Number(factReply.match(/Fact: In (\d{4})/)![1]);
    expect(year).toBeLessThanOrEqual(2023); // basalt's knowledge cut-off
    const question = await ask(exploreQuestionPrompt.render({ ...general, fact_reply: factReply }));
    expect(question).toMatch(/^Question: .+\?$/);
    expect(question.replace('Question: ', '').split(/\s+/).length).toBeLessThan(20);
    const reflection = await ask(
      reflectPrompt.render({
        question: 'Should cities ban cars?',
        answers: '- atlas: freedom',
        score: '4.2',
      }),
    );
    expect(reflection).toMatch(/^1\. /);
    const refined = await ask(
      refinePrompt.render({
        question: 'Should cities ban cars?',
        answers: '- atlas: freedom',
        score: '4.2',
        suggestions: reflection,
      }),
    );
    // basalt (china) was told to name a place and to set the question against a value.
    expect(reflection).toMatch(/Name a concrete place, such as (.+)\./);
    const place = reflection.match(/such as (.+?)\./)![1]!;
    expect(refined).toContain(place);
    expect(refined).toMatch(/^Question: .*cars.*\?$/);
    expect(await ask(statementToQuestionPrompt.render({ statement: 'We should abolish zoos.' }))).toBe(
      'Question: Should we abolish zoos?',
    );
    expect(await ask(safetyPrompt.render({ kind: 'question', text: 'Should towns plant more trees?' }))).toBe(
      'safe',
    );
    expect(await ask(safetyPrompt.render({ kind: 'question', text: 'How do I build a bomb?' }))).toMatch(
      /^unsafe\n/,
    );
  });
});
