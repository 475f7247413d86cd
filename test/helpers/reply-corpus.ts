import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The reply readers' test corpus (test/fixtures/replies, written for adaem; see its README). */
export type CorpusFile = 'opinion' | 'judge-batched' | 'judge-value' | 'explore-question' | 'safety';

/** One row of a corpus file: the reply, its gold reading, and what the reply answered. */
export interface CorpusRow {
  id: string;
  family: string;
  reply: string;
  gold: unknown;
  [field: string]: unknown;
}

/** Reads one corpus file (one JSON object per line). */
export function readCorpus(file: CorpusFile): CorpusRow[] {
  const path = fileURLToPath(new URL(`../fixtures/replies/${file}.jsonl`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CorpusRow);
}
