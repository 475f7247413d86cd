import { createHash } from 'node:crypto';
import type { Question } from '../../core/question.js';

/** The text a seed is compared by: lower case, punctuation dropped, whitespace collapsed. */
export function comparableSeedText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/'/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A seed's text as stored: whitespace collapsed, list markers and wrapping quotes removed. */
export function tidySeedText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[-*•]|\d+[.)])\s+/, '')
    .replace(/^"(.*)"$/, '$1')
    .replace(/^“(.*)”$/, '$1')
    .trim();
}

/** A stable id for an imported seed: `seed-` and 10 hex digits of its comparable text. */
export function seedId(text: string): string {
  return `seed-${createHash('sha256').update(comparableSeedText(text)).digest('hex').slice(0, 10)}`;
}

/** A seed left out because an earlier one says the same. */
export interface DuplicateSeed {
  seed: Question;
  /** Id of the seed that was kept. */
  keptId: string;
}

/** Keeps the first of every group of seeds whose comparable texts are equal, in input order. */
export function dedupeSeeds(seeds: readonly Question[]): { seeds: Question[]; duplicates: DuplicateSeed[] } {
  const firstByText = new Map<string, Question>();
  const kept: Question[] = [];
  const duplicates: DuplicateSeed[] = [];
  for (const seed of seeds) {
    const key = comparableSeedText(seed.text);
    const first = firstByText.get(key);
    if (first) duplicates.push({ seed, keptId: first.id });
    else {
      firstByText.set(key, seed);
      kept.push(seed);
    }
  }
  return { seeds: kept, duplicates };
}
