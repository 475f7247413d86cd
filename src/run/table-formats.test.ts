import { describe, expect, it } from 'vitest';
import { parseCsv } from '../stages/questions/parse-csv.js';
import { toCsv } from './table-formats.js';

describe('toCsv', () => {
  it('guards text a spreadsheet would run as a formula, leaves numbers alone, and reads back unchanged', () => {
    const rows = [
      { id: 'q1', text: '=HYPERLINK("http://x.invalid","click")', score: -0.5 },
      { id: 'q2', text: '+1 for freedom, -1 for order?', score: 1.25 },
      { id: 'q3', text: '@SUM(A1:A9)', score: null },
      { id: 'q4', text: '-2 degrees: should cities ban cars?', score: 0 },
      { id: 'q5', text: "Isn't '= a fine start?", score: 3 },
    ];
    const csv = toCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[1]).toBe(`q1,"'=HYPERLINK(""http://x.invalid"",""click"")",-0.5`);
    expect(lines[2]).toBe(`q2,"'+1 for freedom, -1 for order?",1.25`);
    expect(lines[3]).toBe(`q3,'@SUM(A1:A9),`);
    expect(lines[4]).toBe(`q4,'-2 degrees: should cities ban cars?,0`);
    expect(lines[5]).toBe(`q5,Isn't '= a fine start?,3`);
    const back = parseCsv(csv).slice(1);
    expect(back.map((record) => record.cells[1])).toEqual(rows.map((row) => row.text));
    expect(back.map((record) => record.cells[2])).toEqual(['-0.5', '1.25', '', '0', '3']);
  });
});
