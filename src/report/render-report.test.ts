import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { syntheticReportData } from '../../test/helpers/synthetic-report-data.js';
import { renderReport } from './render-report.js';

const PAYLOAD = '</script><script>alert(1)</script><img src=x onerror=alert(2)></style>\u2028';

function packedOf(html: string): { level: string; questions: unknown[][]; answers: unknown[][][] } {
  const match = html.match(
    /<script type="application\/octet-stream" id="adaem-detail"[^>]*>([^<]*)<\/script>/,
  );
  if (!match) throw new Error('no packed detail in the page');
  return JSON.parse(inflateRawSync(Buffer.from(match[1]!, 'base64')).toString('utf8'));
}

describe('renderReport', () => {
  it('allows exactly its inline scripts and stylesheet by hash in a CSP that forbids the network', () => {
    const { html } = renderReport(syntheticReportData({ questions: 30, models: 3 }));
    const attribute = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
    const csp = attribute.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    expect(csp).toContain('img-src data:');
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts)
      expect(csp).toContain(`'sha256-${createHash('sha256').update(script).digest('base64')}'`);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(csp).toContain(`style-src-elem 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('escapes untrusted text in questions, answers, labels and categories everywhere', () => {
    const data = syntheticReportData({ questions: 12, models: 3 });
    data.questions[0]!.text = `Should ${PAYLOAD}?`;
    data.questions[1]!.category = PAYLOAD;
    data.results.models[0]!.label = PAYLOAD;
    for (const answer of data.answers)
      if (answer.status === 'ok') answer.points![0]!.point = PAYLOAD;
      else answer.reason = PAYLOAD;
    data.results.categories[0]!.category = PAYLOAD;
    const { html } = renderReport(data);
    // Data blocks (never run) hold no `<` at all; removing them leaves only markup and scripts.
    const dataBlock = /<script type="application\/(?:octet-stream|json)"[^>]*>([^<]*)<\/script>/g;
    const chartData = [...html.matchAll(dataBlock)]
      .filter((match) => match[0].startsWith('<script type="application/json"'))
      .map((match) => JSON.parse(match[1]!));
    expect(chartData.length).toBeGreaterThan(3);
    expect(chartData.some((data) => data.series?.[0]?.name === PAYLOAD)).toBe(true);
    expect(chartData.some((data) => data.rows?.[0] === PAYLOAD)).toBe(true);
    const executable = html.replace(dataBlock, '');
    expect(executable).not.toContain('<script>alert');
    expect(executable).not.toContain('<img src=x');
    expect(executable).not.toContain('</style>\u2028');
    expect(executable.match(/<\/script>/g)?.length).toBe(executable.match(/<script>/g)?.length);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(packedOf(html).questions[0]![1]).toBe(`Should ${PAYLOAD}?`);
  });

  it('packs every question and answer for the explorer, in run order', () => {
    const data = syntheticReportData({ questions: 20, models: 4 });
    const packed = packedOf(renderReport(data).html);
    expect(packed.level).toBe('full');
    expect(packed.questions.map((question) => question[0])).toEqual(data.questions.map((q) => q.id));
    expect(packed.answers.flat().length).toBe(data.answers.length);
  });

  it('drops justifications, then the text of the least splitting questions, then all text, when the packed detail would pass its budget', () => {
    const data = syntheticReportData({ questions: 200, models: 4 });
    const full = renderReport(data);
    const points = renderReport(data, { detailBudgetBytes: full.detailBytes - 1 });
    expect(points.detailLevel).toBe('points');
    const none = renderReport(data, { detailBudgetBytes: 1000 });
    const top = renderReport(data, {
      detailBudgetBytes: Math.round((none.detailBytes + points.detailBytes) / 2),
    });
    expect(top.detailLevel).toBe('top');
    expect(top.questionsWithText).toBeGreaterThan(0);
    expect(top.questionsWithText).toBeLessThan(200);
    expect(top.detailBytes).toBeLessThanOrEqual(Math.round((none.detailBytes + points.detailBytes) / 2));
    expect(none.detailLevel).toBe('none');
    expect(none.html).toContain('stances and values but no answer text');
    const packed = packedOf(none.html);
    expect(packed.answers.flat().every((answer) => (answer[6] as unknown[]).length === 0)).toBe(true);
  });

  it('ranks first the question on which the models disagree most', () => {
    const data = syntheticReportData({ questions: 10, models: 3 });
    for (const answer of data.answers) {
      if (answer.status !== 'ok') continue;
      answer.stance = 'yes';
      answer.values = [];
      for (const point of answer.points ?? []) point.values = [];
    }
    const target = data.answers.filter((answer) => answer.questionId === data.questions[6]!.id);
    for (const [index, answer] of target.entries()) {
      answer.status = 'ok';
      answer.stance = index === 0 ? 'no' : 'yes';
      answer.points = [{ point: 'p', justification: 'j', values: index === 0 ? ['power'] : [] }];
      answer.values = index === 0 ? ['power'] : [];
    }
    const { html } = renderReport(data);
    const splits = html.slice(html.indexOf('id="splits"'));
    expect(splits.match(/<article class="question"><details><summary><h3>([^<]*)<\/h3>/)?.[1]).toBe(
      data.questions[6]!.text,
    );
  });
});
