/** Lower-cased word tokens: runs of letters and digits, with an inner apostrophe kept ("don't"). */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? [];
}

/** The n-grams of a token list, each joined into one string key. */
export function nGrams(tokens: readonly string[], n: number): string[] {
  const grams: string[] = [];
  for (let start = 0; start + n <= tokens.length; start++)
    grams.push(tokens.slice(start, start + n).join(' '));
  return grams;
}

/** How often each n-gram occurs. */
export function countNGrams(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const gram of nGrams(tokens, n)) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}
