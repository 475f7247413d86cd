import { describe, expect, it } from 'vitest';
import { ConfigError, ProviderError } from '../../core/errors.js';
import { statementToQuestionPrompt } from '../../core/prompts/templates.js';
import type { ChatRequest, Provider } from '../../core/provider.js';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { conclusionsToSeeds } from './conclusions-to-seeds.js';
import { parsePlainSeeds } from './parse-plain-seeds.js';
import { parseQuestionReply } from './parse-question-reply.js';
import { parseToucheArguments } from './parse-touche.js';
import { parseValueBench } from './parse-valuebench.js';
import { comparableSeedText, dedupeSeeds, seedId, tidySeedText } from './seed-text.js';

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as Error;
  }
  throw new Error('expected a ConfigError');
}

/** A provider answering from a script keyed on the statement it is asked to rewrite. */
function scripted(id: string, reply: (statement: string) => string | Error): Provider & { asked: string[] } {
  const asked: string[] = [];
  return {
    id,
    asked,
    capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: false },
    async chat(request: ChatRequest) {
      const variables = statementToQuestionPrompt.match(request.messages);
      if (!variables) throw new Error('not the statement-to-question prompt');
      asked.push(variables.statement);
      const text = reply(variables.statement);
      if (text instanceof Error) throw text;
      return { text, usage: { inputTokens: 10, outputTokens: 5 }, model: id };
    },
  };
}

describe('seed text', () => {
  it('compares without case, punctuation, curly quotes or extra spaces, and keeps the first', () => {
    expect(comparableSeedText('  Should  people’s  PETS vote?! ')).toBe(
      comparableSeedText('should peoples pets vote'),
    );
    expect(comparableSeedText('Should pets vote?')).not.toBe(comparableSeedText('Should pets not vote?'));
    expect(tidySeedText('  1. "Should   pets vote?" ')).toBe('Should pets vote?');
    expect(seedId('Should pets vote?')).toBe(seedId('should PETS vote'));
    const a = { id: 'a', text: 'Should pets vote?' };
    const b = { id: 'b', text: 'SHOULD pets vote' };
    const c = { id: 'c', text: 'Should cats vote?' };
    expect(dedupeSeeds([a, b, c])).toEqual({ seeds: [a, c], duplicates: [{ seed: b, keptId: 'a' }] });
  });
});

describe('ValueBench import', () => {
  it('finds columns by name in any order and maps value names to the theory ids', () => {
    const text =
      'value,question,questionnaire\nBenevolence,Should I help my friends?,PVQ40\n"Power Distance","Should bosses, always, decide?",VSM13\n,Should I rest?,\n';
    expect(parseValueBench({ path: 'vb.csv', text, theory: SCHWARTZ_THEORY })).toEqual([
      {
        id: seedId('Should I help my friends?'),
        text: 'Should I help my friends?',
        source: 'valuebench:PVQ40',
        targetValue: 'benevolence',
      },
      {
        id: seedId('Should bosses, always, decide?'),
        text: 'Should bosses, always, decide?',
        source: 'valuebench:VSM13',
        targetValue: 'Power Distance',
      },
      { id: seedId('Should I rest?'), text: 'Should I rest?', source: 'valuebench' },
    ]);
  });

  it('names the missing column, the short row, the empty cell and the broken quote', () => {
    const theory = SCHWARTZ_THEORY;
    expect(
      errorOf(() =>
        parseValueBench({ path: 'items.csv', text: 'questionnaire,item,value,agreement\nA,b,c,1\n', theory }),
      ).message,
    ).toBe(
      'items.csv:1: missing column "question" (found: questionnaire, item, value, agreement); ValueBench\'s value_orientation.csv has it',
    );
    expect(
      errorOf(() => parseValueBench({ path: 'v.csv', text: 'value,question\nPower,Is it?\nPower\n', theory }))
        .message,
    ).toMatch(/^v\.csv:3: expected 2 columns, found 1$/);
    expect(
      errorOf(() => parseValueBench({ path: 'v.csv', text: 'value,question\nPower, \n', theory })).message,
    ).toMatch(/^v\.csv:2: empty "question" cell$/);
    expect(
      errorOf(() => parseValueBench({ path: 'v.csv', text: 'value,question\n', theory })).message,
    ).toMatch(/no rows/);
    expect(
      errorOf(() => parseValueBench({ path: 'v.csv', text: 'value,question\nPower,"Is it?\n', theory }))
        .message,
    ).toMatch(/^v\.csv: line 2: unterminated/);
  });
});

describe('Touché import', () => {
  const header = 'Argument ID\tConclusion\tStance\tPremise';

  it('keeps each conclusion once, with its first argument and line', () => {
    const text = `${header}\nA1\tWe should ban zoos\tin favor of\tcages\nA2\twe should BAN zoos.\tagainst\tcare\n\nA3\tIs art useful?\tin favor of\tyes\n`;
    expect(parseToucheArguments({ path: 'a.tsv', text })).toEqual({
      conclusions: [
        { argumentId: 'A1', conclusion: 'We should ban zoos', line: 2 },
        { argumentId: 'A3', conclusion: 'Is art useful?', line: 5 },
      ],
      duplicates: 1,
    });
  });

  it('names a missing column and a short row', () => {
    expect(
      errorOf(() =>
        parseToucheArguments({ path: 'a.tsv', text: 'Argument ID,Conclusion,Stance,Premise\nA1,x,y,z\n' }),
      ).message,
    ).toMatch(/^a\.tsv:1: missing column "Argument ID" \(found: Argument ID,Conclusion,Stance,Premise\)/);
    expect(
      errorOf(() => parseToucheArguments({ path: 'a.tsv', text: `${header}\nA1\tWe should ban zoos\n` }))
        .message,
    ).toMatch(/^a\.tsv:2: expected 4 tab-separated cells/);
    expect(errorOf(() => parseToucheArguments({ path: 'a.tsv', text: `${header}\n` })).message).toMatch(
      /no arguments/,
    );
  });

  it('reads only a usable question from a reply', () => {
    expect(parseQuestionReply('Sure.\n**Question:** "Should zoos be banned?"')).toEqual({
      status: 'ok',
      question: 'Should zoos be banned?',
    });
    expect(parseQuestionReply('Should zoos be banned?')).toEqual({
      status: 'ok',
      question: 'Should zoos be banned?',
    });
    expect(parseQuestionReply('Zoos keep animals for show.')).toEqual({
      status: 'unusable',
      reason: 'no line starting with "Question:" and no yes/no question in the reply',
    });
    expect(parseQuestionReply('Question: Zoos should be banned.')).toMatchObject({
      status: 'unusable',
      reason: expect.stringMatching(/not a question/),
    });
    expect(parseQuestionReply('Question: Zoos?')).toMatchObject({
      status: 'unusable',
      reason: 'a question of 1 word(s)',
    });
    expect(parseQuestionReply(`Question: ${'very '.repeat(45)}long?`)).toMatchObject({
      status: 'unusable',
      reason: expect.stringMatching(/over 40/),
    });
  });

  it('turns conclusions into seeds round-robin over the generators, reporting every skipped one', async () => {
    const good = scripted(
      'test:good',
      (statement) => `Question: Should we really ${statement.toLowerCase().replace(/^we should /, '')}?`,
    );
    const chatty = scripted('test:chatty', (statement) =>
      statement.includes('fail')
        ? new ProviderError('HTTP 500', { providerId: 'test', status: 500, isRetryable: true })
        : 'I would rather not.',
    );
    const conclusions = [
      'We should ban zoos',
      'We should tax meat',
      'Is art useful?',
      'We should fail loudly',
    ].map((conclusion, index) => ({
      argumentId: `A${index + 1}`,
      conclusion,
      line: index + 2,
    }));
    const progress: number[] = [];
    const result = await conclusionsToSeeds({
      conclusions,
      generators: [good, chatty].map((provider) => ({ id: provider.id, provider })),
      onProgress: (done) => progress.push(done),
    });
    expect(result.seeds).toEqual([
      { id: 'touche-A1', text: 'Should we really ban zoos?', source: 'touche23' },
      { id: 'touche-A3', text: 'Is art useful?', source: 'touche23' },
    ]);
    expect(result.keptAsIs).toBe(1);
    expect(result.failures).toEqual([
      {
        argumentId: 'A2',
        conclusion: 'We should tax meat',
        model: 'test:chatty',
        reason: 'no line starting with "Question:" and no yes/no question in the reply',
      },
      { argumentId: 'A4', conclusion: 'We should fail loudly', model: 'test:chatty', reason: 'HTTP 500' },
    ]);
    expect(good.asked).toEqual(['We should ban zoos']);
    expect(chatty.asked).toEqual(['We should tax meat', 'We should fail loudly']);
    expect(progress.sort()).toEqual([1, 2, 3, 4]);
  });

  it('stops on an error the user must fix instead of skipping', async () => {
    const refused = scripted('test:refused', () => new ConfigError('key refused'));
    await expect(
      conclusionsToSeeds({
        conclusions: [{ argumentId: 'A1', conclusion: 'We should x', line: 2 }],
        generators: [{ id: refused.id, provider: refused }],
      }),
    ).rejects.toThrow('key refused');
  });
});

describe('plain JSONL and TXT import', () => {
  it('tidies texts, keeps given ids and fields, derives the rest', () => {
    const jsonl =
      '{"id": 7, "text": "  Should  we rest? ", "targetValue": "hedonism"}\n{"question": "Is it fair?", "source": "survey", "category": "Law"}\n';
    expect(parsePlainSeeds({ path: 's.jsonl', text: jsonl, format: 'jsonl', source: 's.jsonl' })).toEqual([
      { id: '7', text: 'Should we rest?', source: 's.jsonl', targetValue: 'hedonism' },
      { id: seedId('Is it fair?'), text: 'Is it fair?', category: 'Law', source: 'survey' },
    ]);
    expect(
      parsePlainSeeds({ path: 's.txt', text: '# c\n* Is it fair?\n', format: 'txt', source: 's.txt' }),
    ).toEqual([{ id: seedId('Is it fair?'), text: 'Is it fair?', source: 's.txt' }]);
  });

  it('names the bad line', () => {
    expect(
      errorOf(() =>
        parsePlainSeeds({ path: 's.jsonl', text: '{"text":"ok?"}\n[1]\n', format: 'jsonl', source: 's' }),
      ).message,
    ).toMatch(/^s\.jsonl:2: expected an object/);
    expect(
      errorOf(() =>
        parsePlainSeeds({ path: 's.jsonl', text: '{"text":"  "}\n', format: 'jsonl', source: 's' }),
      ).message,
    ).toMatch(/^s\.jsonl:1: missing seed text/);
    expect(
      errorOf(() =>
        parsePlainSeeds({ path: 's.txt', text: '# only a comment\n', format: 'txt', source: 's' }),
      ).message,
    ).toMatch(/no seeds found/);
  });
});
