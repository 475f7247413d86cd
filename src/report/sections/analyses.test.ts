import { describe, expect, it } from 'vitest';
import { analysesSection, figuresOf } from './analyses.js';
import type { ReportContext } from './section.js';

describe('the analyses section', () => {
  it('lists the numbers of a stored result by path, naming items and skipping name lists', () => {
    const figures = figuresOf({
      models: ['a', 'b'],
      alpha: 0.91234,
      folds: 5,
      groups: [{ a: 'openness', b: 'conservation', r: -0.9 }],
      icc: { value: null, reason: 'zero variance' },
    });
    expect(figures).toEqual([
      ['alpha', '0.9123'],
      ['folds', '5'],
      ['groups[openness×conservation].r', '-0.9000'],
      ['icc.reason', 'zero variance'],
    ]);
  });

  it('escapes what it shows and is left out when the run has no analyses', () => {
    const context = (analyses: unknown[]) => ({ data: { analyses } }) as unknown as ReportContext;
    expect(analysesSection.render(context([]))).toBeUndefined();
    const html = analysesSection.render(
      context([
        {
          id: 'x',
          kind: '<script>alert(1)</script>',
          createdAt: 0,
          manifest: {},
          result: { '<img src=x onerror=y>': 1 },
        },
      ]),
    )!.html;
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});
