import { type CorrelationEstimate, correlate } from './correlation-interval.js';
import { InsufficientDataError } from './insufficient-data.js';

/** A higher-order group of values, by position in the profile. */
export interface ValueGroup {
  id: string;
  /** Positions of the group's values in each profile. */
  members: number[];
}

/** The correlation across models between two groups' scores. */
export interface GroupCorrelation {
  a: string;
  b: string;
  estimate: CorrelationEstimate;
}

/**
 * Correlations across models between higher-order groups. Each profile is centred on its own mean
 * first (ipsatised, as Schwartz recommends, so a model that expresses every value more does not look
 * like agreement); a group's score is the mean of its members. On a value circle, opposed groups
 * should correlate negatively.
 */
export function groupCorrelations(
  profiles: readonly (readonly number[])[],
  groups: readonly ValueGroup[],
): GroupCorrelation[] {
  if (groups.length < 2)
    throw new InsufficientDataError(
      `group correlations need a theory with at least 2 groups (got ${groups.length})`,
    );
  const centred = profiles.map((profile) => {
    const average = profile.reduce((sum, cell) => sum + cell, 0) / profile.length;
    return profile.map((cell) => cell - average);
  });
  const scores = groups.map((group) =>
    centred.map(
      (profile) =>
        group.members.reduce((sum, position) => sum + profile[position]!, 0) / group.members.length,
    ),
  );
  const result: GroupCorrelation[] = [];
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b < groups.length; b++) {
      result.push({
        a: groups[a]!.id,
        b: groups[b]!.id,
        estimate: correlate(scores[a]!, scores[b]!, { method: 'pearson' }),
      });
    }
  }
  return result;
}
