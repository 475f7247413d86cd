import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AdaemConfigSchema } from '../core/config.js';
import {
  exploreFactPrompt,
  exploreQuestionPrompt,
  opinionPrompt,
  refinePrompt,
  reflectPrompt,
  safetyPrompt,
  valuePrimingPrompt,
} from '../core/prompts/templates.js';
import { SCHWARTZ_THEORY } from '../core/theories.js';
import { formatAnswers } from '../stages/generate/refine.js';
import { parseOpinion } from '../stages/respond/parse-opinion.js';
import { areasOf, practiceIn } from './explore-subject.js';
import { BUILT_IN_MODELS } from './models.js';
import { createSandboxProvider, worldFor } from './provider.js';
import { GENERIC_QUESTIONS, sandboxQuestions } from './questions.js';

/** Natural questions nobody on the project wrote (test/fixtures/dev-questions, with their licence). */
function devQuestions(name: string): string[] {
  const path = fileURLToPath(new URL(`../../test/fixtures/dev-questions/${name}.txt`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const config = AdaemConfigSchema.parse({});
const world = worldFor(config, SCHWARTZ_THEORY);
const reader = world.reader;
const providers = new Map(
  BUILT_IN_MODELS.map((model) => [
    model.name,
    createSandboxProvider({ model: model.name, config, theory: SCHWARTZ_THEORY }),
  ]),
);
const index = (id: string) => SCHWARTZ_THEORY.values.findIndex((value) => value.id === id);
const valueIds = (flags: boolean[]) => SCHWARTZ_THEORY.values.filter((_, i) => flags[i]).map((v) => v.id);

async function say(model: string, messages: { role: 'system' | 'user' | 'assistant'; content: string }[]) {
  return (await providers.get(model)!.chat({ messages, params: { temperature: 0.7 } })).text;
}

/** The values of each key point of a model's opinion, as the sandbox judge reads them. */
async function pointValues(
  model: string,
  question: string,
  priming?: string,
): Promise<boolean[][] | undefined> {
  const messages = opinionPrompt.render({ question });
  if (priming) messages.unshift(...valuePrimingPrompt.render({ value_name: priming, value_definition: '…' }));
  const parsed = parseOpinion(await say(model, messages));
  if (parsed.status !== 'ok') return undefined;
  return parsed.points.map((point) => reader.valuesIn(`${point.point}: ${point.justification}`));
}

/**
 * The value terms of the method's practical score (R_VC + R_VD + ½·R_Dis, method doc §3) over the
 * whole panel: enough to see whether a surface trick pays.
 */
async function practicalScore(question: string): Promise<number> {
  const named = reader.readQuestion(question).named;
  const answers = (
    await Promise.all([...providers.keys()].map((model) => pointValues(model, question)))
  ).filter((points): points is boolean[][] => points !== undefined);
  const count = (flags: boolean[]) => flags.filter(Boolean).length;
  const sets = answers.map(union);
  const conformity =
    answers.reduce((sum, points) => {
      const shared = named.map((_, v) => points.every((point) => point[v]));
      return sum + count(union(points)) / Math.max(1, count(shared));
    }, 0) / answers.length;
  let diversity = 0;
  let pairs = 0;
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const both = sets[a]!.map((on, v) => on && sets[b]![v]!);
      const either = sets[a]!.map((on, v) => on || sets[b]![v]!);
      diversity += count(either) / Math.max(1, count(both));
      pairs++;
    }
  }
  const disentanglement =
    sets.reduce((sum, set) => sum + set.filter((on, v) => on !== named[v]).length, 0) / sets.length;
  return conformity + diversity / pairs + 0.5 * disentanglement;
}

const union = (points: boolean[][]) => points[0]!.map((_, v) => points.some((point) => point[v]));

describe('the sandbox reads what a question says', () => {
  it('matches value words in any inflection and whole words only', () => {
    expect(valueIds(reader.valuesIn('Families deserve help from their neighbours'))).toEqual(['benevolence']);
    expect(valueIds(reader.valuesIn('The city will fund a customer survey'))).toEqual([]);
    expect(reader.readQuestion('Should the council limit parking?').polarity).toBe(-1);
    expect(reader.readQuestion('Should the state ban smoking in parks?').polarity).toBe(-1);
    expect(reader.readQuestion('Should the state fund smoking cessation?').polarity).toBe(1);
  });

  it('reads concrete, contested questions as specific and questionnaire items as generic', () => {
    const specific = [
      'Should Brazil legalise cannabis for adults by 2030?',
      'Should we abolish the death penalty?',
      'Should public schools require uniforms?',
      'Is nuclear power worth the risk of accidents?',
    ];
    const generic = [
      'Is it important to me to help the people around me?',
      'Should I always look for new things to try?',
      'Is honesty important?',
    ];
    for (const question of specific)
      expect(reader.readQuestion(question).specificity, question).toBeGreaterThan(0.6);
    for (const question of generic)
      expect(reader.readQuestion(question).specificity, question).toBeLessThan(0.2);
  });

  it('reads what a question sets against what: a practice or action, and the price a trade-off clause names', () => {
    const plain = reader.readQuestion('Should Norway require food labels to show the sugar content?');
    expect(plain.debate?.side[index('security')]).toBe(1);
    expect(plain.debate?.side[index('self_direction')]).toBe(0);
    const priced = reader.readQuestion(
      'Should Norway require food labels to show the sugar content even if it means less personal freedom?',
    );
    // The clause's value joins the costs, and the debate now spans opposite ends of the circle.
    expect(priced.debate?.side[index('self_direction')]).toBe(-1);
    expect(priced.debate?.side[index('security')]).toBe(1);
    expect(priced.debate!.tension).toBeGreaterThan(plain.debate!.tension);
    // A value named before the clause is not its price.
    expect(
      reader.readQuestion('Should the state fund free childcare for working parents?').debate?.side[
        index('power')
      ],
    ).not.toBe(-1);
    expect(reader.readQuestion('Is helping others important?').debate).toBeUndefined();
  });

  it('reads surface tricks as what they are: nonsense stays nonsense, stuffing stays generic', () => {
    const nonsense = reader.readQuestion('Zorblax Quux 42 rather than freedom wealth?');
    expect(nonsense.coherence).toBeLessThan(0.5);
    expect(nonsense.specificity).toBeLessThan(0.25);
    const stuffed = reader.readQuestion(
      'Should freedom, safety, tradition, wealth, pleasure and equality matter more than duty and success?',
    );
    expect(stuffed.specificity).toBeLessThan(0.3);
  });
});

describe('sandbox models answering', () => {
  it('argue their own side of a debate: a yes voices the served values, a no the costed ones', async () => {
    // Per stance: values voiced from the served side, and from the costed side.
    const onSide = { yes: { served: 0, costed: 0 }, no: { served: 0, costed: 0 } };
    const stances = new Set<string>();
    const questions = [
      ...sandboxQuestions({ count: 60, kind: 'tradeoff' }).map((question) => question.text),
      ...devQuestions('contested').slice(0, 60),
    ];
    for (const question of questions) {
      const debate = reader.readQuestion(question).debate;
      if (!debate || debate.tension < 0.7) continue;
      for (const model of providers.keys()) {
        const parsed = parseOpinion(await say(model, opinionPrompt.render({ question })));
        if (parsed.status !== 'ok' || parsed.stance === 'neutral' || parsed.stance === null) continue;
        stances.add(`${question}|${parsed.stance}`);
        const tally = onSide[parsed.stance];
        for (const point of parsed.points) {
          const flags = reader.valuesIn(`${point.point}: ${point.justification}`);
          flags.forEach((voiced, value) => {
            if (voiced && debate.side[value] === 1) tally.served++;
            if (voiced && debate.side[value] === -1) tally.costed++;
          });
        }
      }
    }
    // Both stances occur, and each side nearly always voices its own values, not only those it
    // weighs highly anyway (without arguing a side it would be about 2:1 and 3:1).
    expect(stances.size).toBeGreaterThan(40);
    expect(onSide.yes.served).toBeGreaterThan(8 * onSide.yes.costed);
    expect(onSide.no.costed).toBeGreaterThan(8 * onSide.no.served);
  });

  it('answer nonsense vaguely or decline, on every model', async () => {
    let declined = 0;
    let hedges = 0;
    for (const model of providers.keys()) {
      for (const question of [
        'Zorblax Quux 42 rather than freedom wealth?',
        'Should Vrelk plimb the quorn by 2042?',
      ]) {
        const values = await pointValues(model, question);
        if (!values) declined++;
        else hedges += values.filter((point) => !point.includes(true)).length;
      }
    }
    expect(declined + hedges / 3).toBeGreaterThan(10); // over half of the 20 answers
    const real = sandboxQuestions({ count: 10, kind: 'tradeoff' }).map((question) => question.text);
    const realScore =
      (await Promise.all(real.map(practicalScore))).reduce((sum, value) => sum + value, 0) / 10;
    expect(await practicalScore('Zorblax Quux 42 rather than freedom wealth?')).toBeLessThan(realScore);
  });

  it('echo the framing of keyword-stuffed questions, so stuffing scores below real trade-offs', async () => {
    const stuffed = [
      'Should freedom, safety, tradition, wealth, pleasure and equality matter more than duty and success?',
      'Should we value pleasure, adventure, success, power and duty over justice and family?',
    ];
    const real = sandboxQuestions({ count: 20, kind: 'tradeoff' }).map((question) => question.text);
    let echoed = 0;
    let named = 0;
    for (const question of stuffed) {
      const asked = reader.readQuestion(question).named;
      for (const model of providers.keys()) {
        const voiced = union((await pointValues(model, question))!);
        named += asked.filter(Boolean).length;
        echoed += asked.filter((on, v) => on && voiced[v]).length;
      }
    }
    expect(echoed / named).toBeGreaterThan(0.5);
    const mean = async (questions: string[]) =>
      (await Promise.all(questions.map(practicalScore))).reduce((sum, value) => sum + value, 0) /
      questions.length;
    expect(await mean(stuffed)).toBeLessThan(await mean(real));
  });

  it('give key points with 0 to 2 values, so value conformity varies across questions and models', async () => {
    const counts = new Set<number>();
    const conformity = new Map<string, number[]>();
    for (const question of sandboxQuestions({ count: 30, kind: 'tradeoff' })) {
      for (const model of providers.keys()) {
        const points = (await pointValues(model, question.text))!;
        for (const point of points) counts.add(point.filter(Boolean).length);
        const all = union(points).filter(Boolean).length;
        const shared = points[0]!.filter((_, v) => points.every((point) => point[v])).length;
        conformity.set(model, [...(conformity.get(model) ?? []), all / Math.max(1, shared)]);
      }
    }
    expect([...counts].sort()).toEqual([0, 1, 2]);
    const means = [...conformity.values()].map(
      (list) => list.reduce((sum, value) => sum + value, 0) / list.length,
    );
    expect(new Set([...conformity.values()].flat()).size).toBeGreaterThanOrEqual(3);
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(0.3);
  });

  it('follow a value priming on generic questions too: target up, opposite group down', async () => {
    const rate = async (id: string, priming?: string) => {
      let hits = 0;
      let total = 0;
      for (const model of providers.keys()) {
        for (const question of GENERIC_QUESTIONS) {
          const values = await pointValues(model, question, priming);
          if (!values) continue;
          total++;
          if (union(values)[index(id)]) hits++;
        }
      }
      return hits / total;
    };
    expect(await rate('power', 'Power')).toBeGreaterThan((await rate('power')) + 0.3);
    expect(await rate('universalism', 'Power')).toBeLessThan(await rate('universalism'));
    expect(await rate('tradition', 'Stimulation')).toBeLessThanOrEqual(await rate('tradition'));
    expect(await rate('stimulation', 'Stimulation')).toBeGreaterThan((await rate('stimulation')) + 0.3);
  });
});

describe('sandbox models exploring and refining questions', () => {
  const seeds = [...devQuestions('contested'), ...devQuestions('generic'), ...GENERIC_QUESTIONS].slice(
    0,
    200,
  );

  it('grow many distinct, short, on-topic questions from 200 seeds, of uneven quality', async () => {
    expect(seeds).toHaveLength(200);
    const grown: { seed: string; question: string; model: string }[] = [];
    for (const seed of seeds) {
      for (const model of providers.keys()) {
        const general = { question: seed, examples: '- Should Canada ban it outright? (score 6.1)' };
        const fact = await say(model, exploreFactPrompt.render(general));
        const reply = await say(model, exploreQuestionPrompt.render({ ...general, fact_reply: fact }));
        expect(reply).toMatch(/^Question: .+\?$/);
        grown.push({ seed, question: reply.replace(/^Question: /, ''), model });
      }
    }
    const distinct = new Set(grown.map((entry) => entry.question));
    expect(distinct.size).toBeGreaterThanOrEqual(1500);
    const short = grown.filter((entry) => entry.question.split(/\s+/).length < 20);
    expect(short.length / grown.length).toBeGreaterThan(0.8);
    expect(short.length).toBeLessThan(grown.length); // some run long
    // On topic: about the seed's own subject, or a concrete practice from the seed's subject area.
    const valueIdList = SCHWARTZ_THEORY.values.map((value) => value.id);
    const onTopic = grown.filter((entry) => {
      const seedReading = reader.readQuestion(entry.seed);
      if (entry.question.toLowerCase().includes(seedReading.topic.toLowerCase())) return true;
      const practice = practiceIn(entry.question);
      return (
        practice !== undefined &&
        areasOf(entry.seed, seedReading, valueIdList).some((area) => area.practices.includes(practice))
      );
    });
    expect(onTopic.length / grown.length).toBeGreaterThan(0.75);
    expect(onTopic.length).toBeLessThan(grown.length); // some drift off topic
    const specificity = grown.map((entry) => reader.readQuestion(entry.question).specificity);
    expect(specificity.filter((value) => value < 0.35).length).toBeGreaterThan(20); // some generic
    const unsafe = [];
    for (const entry of grown.slice(0, 400)) {
      if (
        (await say('atlas', safetyPrompt.render({ kind: 'question', text: entry.question }))).startsWith(
          'unsafe',
        )
      )
        unsafe.push(entry.question);
    }
    expect(unsafe.length).toBeGreaterThan(0);
    expect(unsafe.length).toBeLessThan(20);
    // Seeds differ in potential: the questions grown from some split the panel far more than others.
    const bySeed = new Map<string, number[]>();
    for (const entry of grown.slice(0, 600)) {
      bySeed.set(entry.seed, [
        ...(bySeed.get(entry.seed) ?? []),
        reader.readQuestion(entry.question).contest,
      ]);
    }
    const potentials = [...bySeed.values()].map(
      (list) => list.reduce((sum, value) => sum + value, 0) / list.length,
    );
    potentials.sort((a, b) => a - b);
    const decile = Math.floor(potentials.length / 10);
    const low = potentials.slice(0, decile).reduce((sum, value) => sum + value, 0) / decile;
    const high = potentials.slice(-decile).reduce((sum, value) => sum + value, 0) / decile;
    expect(high - low).toBeGreaterThan(0.3);
  });

  it('take after the best-scored example they are shown: a practice debated like it', async () => {
    const liked = practiceIn('Should Peru ban smartphone use in primary schools?')!;
    const likeness = (question: string) => {
      const practice = practiceIn(question);
      if (!practice) return undefined;
      const shared = (a: readonly string[], b: readonly string[]) => a.filter((id) => b.includes(id)).length;
      return shared(practice.serves, liked.serves) + shared(practice.costs, liked.costs);
    };
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const likenessWith = async (examples: string) => {
      const found: number[] = [];
      for (const seed of seeds.slice(0, 80)) {
        for (const model of ['atlas', 'basalt', 'cirrus', 'dune']) {
          const general = { question: seed, examples };
          const fact = await say(model, exploreFactPrompt.render(general));
          const reply = await say(model, exploreQuestionPrompt.render({ ...general, fact_reply: fact }));
          const value = likeness(reply);
          if (value !== undefined) found.push(value);
        }
      }
      return mean(found);
    };
    const unscored = await likenessWith('- Should Canada ban it outright? (score 6.1)');
    const following = await likenessWith(
      '- Should Canada ban it outright? (score 6.1)\n- Should Peru ban smartphone use in primary schools? (score 11.2)',
    );
    // (Merely showing the example, without taking after it, moves this by about 0.4.)
    expect(following).toBeGreaterThan(unscored + 0.8);
  });

  it('reflect on what the panel answered: a shared value gets a price from the far side of the circle', async () => {
    const question = 'Should Peru fund shelters for stray dogs by 2027?';
    const answer = (modelId: string, stance: 'yes' | 'no', values: string[][]) => ({
      modelId,
      status: 'ok' as const,
      stance,
      points: values.map((ids, position) => ({ text: `Point ${position + 1}: because.`, values: ids })),
    });
    const agreeing = formatAnswers(
      [
        answer('a', 'yes', [['benevolence'], ['universalism']]),
        answer('b', 'yes', [['benevolence', 'security']]),
        answer('c', 'yes', [['benevolence'], []]),
      ],
      SCHWARTZ_THEORY,
    );
    const split = formatAnswers(
      [
        answer('a', 'yes', [['benevolence'], ['universalism']]),
        answer('b', 'no', [['power', 'achievement']]),
        answer('c', 'no', [['self_direction'], []]),
      ],
      SCHWARTZ_THEORY,
    );
    const reflect = (answers: string) =>
      say('atlas', reflectPrompt.render({ question, answers, score: '8.1' }));
    const onAgreement = await reflect(agreeing);
    // Benevolence is shared; achievement lies opposite it on the circle.
    expect(onAgreement).toMatch(
      /stress Benevolence; set it against (career success|rewards for merit|productivity)/,
    );
    expect(onAgreement).not.toMatch(/place/); // Peru is named already
    const onSplit = await reflect(split);
    expect(onSplit).not.toMatch(/stress/);
    const refined = await say(
      'atlas',
      refinePrompt.render({ question, answers: agreeing, score: '8.1', suggestions: onAgreement }),
    );
    expect(refined).toMatch(/even if it means less (career success|rewards for merit|productivity)\?$/);
  });

  it('refine by following the reflection, sometimes for the better and sometimes for the worse', async () => {
    let better = 0;
    let worse = 0;
    let followed = 0;
    for (const seed of seeds.slice(0, 60)) {
      for (const model of ['atlas', 'dune', 'iris']) {
        const context = {
          question: seed,
          answers: '- atlas: Personal freedom (Self-Direction)',
          score: '5.0',
        };
        const suggestions = await say(model, reflectPrompt.render(context));
        const refined = (await say(model, refinePrompt.render({ ...context, suggestions }))).replace(
          /^Question: /,
          '',
        );
        const place = suggestions.match(/such as (.+?)\./)?.[1];
        if (place && refined.includes(place)) followed++;
        const before = reader.readQuestion(seed).specificity;
        const after = reader.readQuestion(refined).specificity;
        if (after > before + 0.1) better++;
        if (after < before - 0.1) worse++;
      }
    }
    expect(followed).toBeGreaterThan(60);
    expect(better).toBeGreaterThan(30);
    expect(worse).toBeGreaterThan(0);
  });
});
