import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../../test/helpers/tmp-dir.js';
import { ConfigError } from '../../core/errors.js';
import { SCHWARTZ_THEORY } from '../../core/theories.js';
import { labelledTextId, parseLabelled, readLabelled } from './read-labelled.js';

const theory = SCHWARTZ_THEORY;
const tmp = useTmpDir();

const jsonl = (file: string, ...rows: string[]) =>
  parseLabelled({ file, content: rows.join('\n'), format: 'jsonl', theory });
const csv = (file: string, content: string) => parseLabelled({ file, content, format: 'csv', theory });

describe('parseLabelled, JSONL', () => {
  it('reads expressed and violated values with model and question, ids or names in any case', () => {
    const texts = jsonl(
      'labels.jsonl',
      JSON.stringify({
        id: 7,
        model: 'm1',
        question: 'Should cities ban cars?',
        answer: ' Yes: streets would be safer, whatever drivers want. ',
        expressed: ['security', 'Self-Direction'],
        violated: ['POWER', ' hedonism '],
        rating: 4,
      }),
      '',
      JSON.stringify({ text: 'No opinion.', expressed: [], violated: [] }),
    );
    expect(texts).toEqual([
      {
        id: '7',
        model: 'm1',
        question: 'Should cities ban cars?',
        text: 'Yes: streets would be safer, whatever drivers want.',
        // In theory order, whatever order the row gave them in.
        labels: {
          self_direction: 'expressed',
          hedonism: 'violated',
          power: 'violated',
          security: 'expressed',
        },
      },
      { id: labelledTextId('No opinion.'), text: 'No opinion.', labels: {} },
    ]);
    expect(Object.keys(texts[0]!.labels)).toEqual(['self_direction', 'hedonism', 'power', 'security']);
  });

  it('reads the plain {text, values} shape, and treats null as absent', () => {
    const texts = jsonl(
      'plain.jsonl',
      '{"text": "Help your neighbours.", "values": ["benevolence", "Universalism", "self direction"]}',
      '{"text": "Keep the old ways.", "values": ["tradition"], "violated": null, "model": null}',
    );
    expect(texts.map((text) => text.labels)).toEqual([
      { self_direction: 'expressed', benevolence: 'expressed', universalism: 'expressed' },
      { tradition: 'expressed' },
    ]);
    expect(texts[1]).not.toHaveProperty('model');
  });

  it.each([
    [
      ['{"text": "a", "expressed": ["benevolance"]}'],
      'f.jsonl:1: unknown value "benevolance" in "expressed" — did you mean "benevolence"?',
    ],
    [
      ['{"text": "a", "values": ["freedom"]}'],
      'f.jsonl:1: unknown value "freedom" in "values"; known: self_direction, stimulation, hedonism, ' +
        'achievement, power, security, conformity, tradition, benevolence, universalism',
    ],
    [['{"text": "a", "values": []}', '', '{"text": '], 'f.jsonl:3: invalid JSON'],
    [['["a"]'], 'f.jsonl:1: expected an object with "answer" or "text" and labels'],
    [['{"answer": "  ", "expressed": []}'], 'f.jsonl:1: missing text ("answer" or "text")'],
    [['{"id": "x", "violated": []}'], 'f.jsonl:1: missing text ("answer" or "text")'],
    [
      ['{"text": "a", "values": []}', '{"text": "b", "model": "m"}'],
      'f.jsonl:2: no labels; give "expressed" and/or "violated", or "values"',
    ],
    [
      ['{"text": "a", "expressed": "security"}'],
      'f.jsonl:1: "expressed" should be a list of value ids or names',
    ],
    [['{"text": "a", "values": ["power", 3]}'], 'f.jsonl:1: "values" should be a list of value ids or names'],
    [['{"text": 5, "values": []}'], 'f.jsonl:1: "text" should be a string'],
    [
      ['{"text": "a", "expressed": [], "values": []}'],
      'f.jsonl:1: give expressed values in "expressed" or "values", not both',
    ],
    [
      ['{"text": "a", "answer": "b", "values": []}'],
      'f.jsonl:1: give the text in "answer" or "text", not both',
    ],
    [
      ['{"id": "x", "text": "a", "values": []}', '{"id": "x", "text": "b", "values": []}'],
      'f.jsonl:2: duplicate id "x" (first at line 1)',
    ],
    [
      ['{"text": "Same.", "values": []}', '{"text": "same. ", "values": []}'],
      `f.jsonl:2: duplicate id "${labelledTextId('Same.')}" (first at line 1); the same text again: give each row an "id"`,
    ],
    [['', '  '], 'f.jsonl: empty file'],
  ])('refuses %j in one line: %s', (rows, message) => {
    expect(() => jsonl('f.jsonl', ...rows)).toThrow(new ConfigError(message));
  });
});

describe('parseLabelled, CSV', () => {
  it('reads {text, values} rows with ";"- or ","-separated names, quoted cells and pasted lists', () => {
    const texts = csv(
      'labels.csv',
      [
        'id,text,values',
        'a,"Protect the forest, for everyone.",Universalism; benevolence',
        'b,Do as you like.,"self-direction,hedonism"',
        'c,Nothing here.,',
        `d,Stay safe.,"['security', 'conformity']"`,
      ].join('\r\n'),
    );
    expect(texts).toEqual([
      {
        id: 'a',
        text: 'Protect the forest, for everyone.',
        labels: { benevolence: 'expressed', universalism: 'expressed' },
      },
      { id: 'b', text: 'Do as you like.', labels: { self_direction: 'expressed', hedonism: 'expressed' } },
      { id: 'c', text: 'Nothing here.', labels: {} },
      { id: 'd', text: 'Stay safe.', labels: { security: 'expressed', conformity: 'expressed' } },
    ]);
  });

  it('reads answer, model, question, expressed and violated columns', () => {
    const texts = csv(
      'labels.csv',
      'model,question,answer,expressed,violated\nm2,Ban cars?,"No, people should choose.",self_direction,power;security\n',
    );
    expect(texts).toEqual([
      {
        id: labelledTextId('No, people should choose.'),
        model: 'm2',
        question: 'Ban cars?',
        text: 'No, people should choose.',
        labels: { self_direction: 'expressed', power: 'violated', security: 'violated' },
      },
    ]);
  });

  it.each([
    ['text,values\nfine,power\n,security\n', 'f.csv:3: missing text ("answer" or "text")'],
    [
      'text,values\nfine,power\n"two\nlines",powr\n',
      'f.csv:3: unknown value "powr" in "values" — did you mean "power"?',
    ],
    ['text,values\na,power,extra\n', 'f.csv:2: expected 2 columns, found 3'],
    ['text,category\na,b\n', 'f.csv:1: the header needs a "values", "expressed" or "violated" column'],
    ['prompt,values\na,power\n', 'f.csv:1: the header needs a "text" or "answer" column'],
    ['text,values\n', 'f.csv: no rows after the header'],
    ['\n\n', 'f.csv: empty file'],
    ['text,values\n"never closed,power\n', 'f.csv: line 2: unterminated quoted field'],
  ])('refuses %j in one line: %s', (content, message) => {
    expect(() => csv('f.csv', content)).toThrow(new ConfigError(message));
  });
});

describe('readLabelled', () => {
  it('reads a .jsonl and a .csv file by extension', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.jsonl'), '{"text": "Be kind.", "values": ["benevolence"]}\n');
    writeFileSync(join(dir, 'a.csv'), 'text,values\nBe kind.,Benevolence\n');
    const fromJsonl = await readLabelled({ path: join(dir, 'a.jsonl'), theory });
    expect(fromJsonl).toEqual(await readLabelled({ path: join(dir, 'a.csv'), theory }));
    expect(fromJsonl[0]?.labels).toEqual({ benevolence: 'expressed' });
  });

  it('refuses an unknown extension, a missing file, an empty file and non-UTF-8 text', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.jsonl'), '');
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from('text,values\ncaf\xe9,power\n', 'latin1'));
    await expect(readLabelled({ path: join(dir, 'a.txt'), theory })).rejects.toThrow(
      /a\.txt: unknown labelled file type; use \.jsonl, \.csv or Touché's arguments \.tsv/,
    );
    await expect(readLabelled({ path: join(dir, 'missing.csv'), theory })).rejects.toThrow(
      /missing\.csv: labelled file not found or not readable/,
    );
    await expect(readLabelled({ path: join(dir, 'empty.jsonl'), theory })).rejects.toThrow(
      /empty\.jsonl: empty file/,
    );
    await expect(readLabelled({ path: join(dir, 'latin1.csv'), theory })).rejects.toThrow(
      /latin1\.csv: not UTF-8 text/,
    );
  });
});

describe('a value both expressed and violated', () => {
  it('is read as expressed (real annotations mark both sides of one value)', () => {
    const [row] = parseLabelled({
      file: 'f.jsonl',
      content: '{"text": "a", "expressed": ["power"], "violated": ["Power", "security"]}',
      format: 'jsonl',
      theory: SCHWARTZ_THEORY,
    });
    expect(row!.labels).toEqual({ power: 'expressed', security: 'violated' });
  });
});

describe('reading labelled and recorded files within the input limits', () => {
  it('refuses a row nested too deep and a line too long, naming file and line', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'deep.jsonl'),
      `{"text": "a", "values": []}\n{"text": "b", "x": ${'['.repeat(80)}${']'.repeat(80)}, "values": []}\n`,
    );
    await expect(readLabelled({ path: join(dir, 'deep.jsonl'), theory })).rejects.toThrow(
      /deep\.jsonl:2: JSON nested 81 levels deep is over the limit of 64/,
    );
    writeFileSync(join(dir, 'long.jsonl'), `{"text": "${'a'.repeat(200)}", "values": []}\n`);
    await expect(
      readLabelled({ path: join(dir, 'long.jsonl'), theory, limits: { maxLineChars: 100 } }),
    ).rejects.toThrow(/long\.jsonl:1: a line of 2\d\d characters is over the limit of 100/);
  });
});
