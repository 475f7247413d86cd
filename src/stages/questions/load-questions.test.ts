import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { ConfigError } from '../../core/errors.js';
import { loadQuestions, questionId } from './load-questions.js';

const fixtures = new URL('../../../test/fixtures/questions/', import.meta.url).pathname;
const tmp = useTmpDir();

async function loadText(name: string, text: string, questionnaires?: string[]) {
  const path = join(tmp(), name);
  writeFileSync(path, text);
  return loadQuestions({ path, questionnaires });
}

describe('loadQuestions', () => {
  it('reads JSONL with ids, categories and target values, deriving missing ids', async () => {
    const questions = await loadQuestions({ path: join(fixtures, 'good.jsonl') });
    expect(questions).toEqual([
      { id: 'a', text: 'Should cities ban cars?', category: 'Politics' },
      { id: questionId('Is tradition valuable?'), text: 'Is tradition valuable?', targetValue: 'tradition' },
    ]);
    expect(questionId('  Is tradition   VALUABLE? ')).toBe(questionId('Is tradition valuable?'));
  });

  it('reads CSV with quotes, escaped quotes, commas and newlines inside cells', async () => {
    const questions = await loadQuestions({ path: join(fixtures, 'good.csv') });
    expect(questions.map((question) => question.text)).toEqual([
      'Should we, as a society, ban "fast" fashion?',
      'A question\nover two lines?',
    ]);
    expect(questions[1]).toMatchObject({ id: 'q2', category: 'Social' });
  });

  it('reads a ValueBench CSV filtered by questionnaire', async () => {
    const all = await loadQuestions({ path: join(fixtures, 'valuebench.csv') });
    expect(all).toHaveLength(3);
    const pvq = await loadQuestions({ path: join(fixtures, 'valuebench.csv'), questionnaires: ['PVQ'] });
    expect(pvq.map((question) => question.id)).toEqual(['PVQ-1', 'PVQ-2']);
    expect(pvq[1]).toMatchObject({ source: 'PVQ', targetValue: 'security' });
  });

  it('reads TXT, one question per line, skipping comments and blank lines', async () => {
    expect(
      (await loadQuestions({ path: join(fixtures, 'good.txt') })).map((question) => question.text),
    ).toEqual(['Should people help their neighbours?', 'Is honesty important?']);
  });

  it.each([
    ['bad.jsonl', '{"text": "ok?"}\n{"text": \n', /bad\.jsonl:2: invalid JSON/],
    ['nokey.jsonl', '{"id": 3}\n', /nokey\.jsonl:1: missing question text/],
    [
      'dup.jsonl',
      '{"id": "x", "text": "a?"}\n{"id": "x", "text": "b?"}\n',
      /dup\.jsonl:2: duplicate question id "x" \(first at line 1\)/,
    ],
    ['quote.csv', 'question\n"never closed\nstill open\n', /quote\.csv: line 2: unterminated quoted field/],
    ['cols.csv', 'id,question\nq1,fine?\nq2,too,many\n', /cols\.csv:3: expected 2 columns, found 3/],
    ['header.csv', 'id,prompt\nq1,hi\n', /header\.csv:1: the header needs a "question" or "text" column/],
    ['empty.txt', '  \n', /empty\.txt: empty file/],
    ['questions.xlsx', 'x', /unknown question file type/],
  ])('rejects %s with a message naming file and line', async (name, text, message) => {
    const error = await loadText(name, text).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('names the known questionnaires when asked for an unknown one', async () => {
    await expect(
      loadQuestions({ path: join(fixtures, 'valuebench.csv'), questionnaires: ['NOPE'] }),
    ).rejects.toThrow(/unknown questionnaire "NOPE"; known: PVQ, SVS/);
  });
});
