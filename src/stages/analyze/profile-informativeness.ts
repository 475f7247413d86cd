import { mean, sampleStandardDeviation } from 'simple-statistics';
import { pearson } from './correlation.js';
import { InsufficientDataError } from './insufficient-data.js';

/** How distinguishable a set of value profiles is. */
export interface ProfileInformativeness {
  /** Mean Pearson correlation over pairs of profiles (lower = models more distinguishable); null when no pair has one. */
  meanPairwisePearson: number | null;
  /** Pairs that entered the mean, and pairs left out because a profile is flat. */
  pairs: number;
  flatPairs: number;
  /** Mean over profiles of the sample standard deviation across values (higher = more differentiated). */
  meanStdAcrossValues: number;
}

/** Mean pairwise Pearson between profiles and mean standard deviation across values (the paper's two figures). */
export function profileInformativeness(profiles: readonly (readonly number[])[]): ProfileInformativeness {
  if (profiles.length < 2)
    throw new InsufficientDataError(`comparing profiles needs at least 2 models (got ${profiles.length})`);
  const width = profiles[0]!.length;
  if (width < 3) throw new InsufficientDataError(`a profile needs at least 3 values (got ${width})`);
  if (profiles.some((profile) => profile.length !== width || profile.some((cell) => !Number.isFinite(cell))))
    throw new InsufficientDataError('every profile needs a finite number for every value');
  const flat = profiles.map((profile) => profile.every((cell) => cell === profile[0]));
  const correlations: number[] = [];
  let flatPairs = 0;
  for (let a = 0; a < profiles.length; a++) {
    for (let b = a + 1; b < profiles.length; b++) {
      if (flat[a] || flat[b]) flatPairs++;
      else correlations.push(pearson(profiles[a]!, profiles[b]!));
    }
  }
  return {
    meanPairwisePearson: correlations.length === 0 ? null : mean(correlations),
    pairs: correlations.length,
    flatPairs,
    meanStdAcrossValues: mean(profiles.map((profile) => sampleStandardDeviation([...profile]))),
  };
}
