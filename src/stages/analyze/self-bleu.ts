import { countNGrams } from './tokenize-words.js';

/** BLEU-4 weights are uniform over orders 1–4; a zero match count becomes ε/total (NLTK's smoothing method 1). */
const ORDERS = [1, 2, 3, 4];
const EPSILON = 0.1;

function brevityPenalty(length: number, referenceLength: number): number {
  if (length === 0) return 0;
  return length > referenceLength ? 1 : Math.exp(1 - referenceLength / length);
}

/** The reference length closest to `length` (the shorter on a tie), from lengths with multiplicities. */
function closestLength(lengths: Map<number, number>, length: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const [candidate, count] of lengths) {
    if (count <= 0) continue;
    const gap = Math.abs(candidate - length);
    const bestGap = Math.abs(best - length);
    if (gap < bestGap || (gap === bestGap && candidate < best)) best = candidate;
  }
  return best;
}

function combine(matches: number[], totals: number[], length: number, referenceLength: number): number {
  let logSum = 0;
  for (const [index, total] of totals.entries()) {
    const denominator = Math.max(1, total);
    const precision = matches[index]! === 0 ? EPSILON / denominator : matches[index]! / denominator;
    logSum += Math.log(precision) / ORDERS.length;
  }
  return brevityPenalty(length, referenceLength) * Math.exp(logSum);
}

/** Sentence BLEU-4 of tokenised `hypothesis` against `references` (clipped counts, closest reference length, smoothing method 1), in [0, 1]. */
export function sentenceBleu(
  hypothesis: readonly string[],
  references: readonly (readonly string[])[],
): number {
  if (references.length === 0) throw new Error('BLEU needs at least one reference');
  const matches: number[] = [];
  const totals: number[] = [];
  for (const n of ORDERS) {
    const counts = countNGrams(hypothesis, n);
    const referenceCounts = references.map((reference) => countNGrams(reference, n));
    let matched = 0;
    let total = 0;
    for (const [gram, count] of counts) {
      total += count;
      matched += Math.min(count, Math.max(0, ...referenceCounts.map((ref) => ref.get(gram) ?? 0)));
    }
    matches.push(matched);
    totals.push(total);
  }
  const lengths = new Map<number, number>();
  for (const reference of references) lengths.set(reference.length, (lengths.get(reference.length) ?? 0) + 1);
  return combine(matches, totals, hypothesis.length, closestLength(lengths, hypothesis.length));
}

/** Per n-gram, the two largest counts over the set and which text holds the largest. */
interface TopCounts {
  first: number;
  owner: number;
  second: number;
}

/**
 * Self-BLEU (Zhu et al. 2018): the mean sentence BLEU-4 of each text against all the others, × 100
 * (lower = more diverse). Linear in the set's size: for each n-gram it keeps the two largest counts,
 * so the largest count among the *other* texts is known without comparing every pair.
 */
export function selfBleu(texts: readonly (readonly string[])[]): number | null {
  if (texts.length < 2) return null;
  const counts = ORDERS.map((n) => texts.map((tokens) => countNGrams(tokens, n)));
  const tops = counts.map((perText) => {
    const top = new Map<string, TopCounts>();
    for (const [owner, gramCounts] of perText.entries()) {
      for (const [gram, count] of gramCounts) {
        const entry = top.get(gram);
        if (!entry) top.set(gram, { first: count, owner, second: 0 });
        else if (count > entry.first) top.set(gram, { first: count, owner, second: entry.first });
        else if (count > entry.second) entry.second = count;
      }
    }
    return top;
  });
  const lengths = new Map<number, number>();
  for (const tokens of texts) lengths.set(tokens.length, (lengths.get(tokens.length) ?? 0) + 1);
  let sum = 0;
  for (const [index, tokens] of texts.entries()) {
    const matches: number[] = [];
    const totals: number[] = [];
    for (const [order, perText] of counts.entries()) {
      let matched = 0;
      let total = 0;
      for (const [gram, count] of perText[index]!) {
        const top = tops[order]!.get(gram)!;
        total += count;
        matched += Math.min(count, top.owner === index ? top.second : top.first);
      }
      matches.push(matched);
      totals.push(total);
    }
    lengths.set(tokens.length, lengths.get(tokens.length)! - 1);
    sum += combine(matches, totals, tokens.length, closestLength(lengths, tokens.length));
    lengths.set(tokens.length, lengths.get(tokens.length)! + 1);
  }
  return (100 * sum) / texts.length;
}
