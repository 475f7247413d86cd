import { describe, expect, it } from 'vitest';
import { groupCorrelations } from './group-correlations.js';

describe('groupCorrelations', () => {
  const groups = [
    { id: 'open', members: [0, 1] },
    { id: 'keep', members: [2, 3] },
  ];

  it('finds opposed groups negatively correlated across models', () => {
    // Each model trades "open" against "keep": after centring, the two group scores are exact negatives.
    const profiles = [
      [0.9, 0.8, 0.1, 0.2],
      [0.2, 0.3, 0.7, 0.8],
      [0.5, 0.6, 0.5, 0.4],
      [0.7, 0.6, 0.3, 0.2],
      [0.1, 0.2, 0.9, 0.8],
    ];
    const [pair] = groupCorrelations(profiles, groups);
    expect(pair).toMatchObject({ a: 'open', b: 'keep' });
    expect(pair!.estimate.r).toBeCloseTo(-1, 12);
  });

  it('gives a reason with too few models', () => {
    const [pair] = groupCorrelations(
      [
        [1, 2, 3, 4],
        [4, 3, 2, 1],
      ],
      groups,
    );
    expect(pair!.estimate).toMatchObject({ r: null, reason: 'needs at least 4 pairs (got 2)' });
  });

  it('refuses a theory with one group', () => {
    expect(() => groupCorrelations([[1, 2, 3]], [groups[0]!])).toThrow(/at least 2 groups/);
  });
});
