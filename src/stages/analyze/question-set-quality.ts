import { distinctN } from './distinct-n.js';
import { selfBleu } from './self-bleu.js';
import { tokenizeWords } from './tokenize-words.js';

/** Lexical quality of a question set; no embeddings needed. */
export interface QuestionSetQuality {
  count: number;
  /** Mean words per question. */
  averageWords: number;
  /** Self-BLEU-4 × 100 (lower = more diverse); null under 2 questions. */
  selfBleu: number | null;
  /** Dist-1 and Dist-2 over the whole set (higher = more diverse). */
  distinct1: number | null;
  distinct2: number | null;
}

/** Count, average length, Self-BLEU and Dist-n of a set of question texts. */
export function questionSetQuality(texts: readonly string[]): QuestionSetQuality {
  const tokens = texts.map(tokenizeWords);
  const words = tokens.reduce((sum, list) => sum + list.length, 0);
  return {
    count: texts.length,
    averageWords: texts.length === 0 ? 0 : words / texts.length,
    selfBleu: selfBleu(tokens),
    distinct1: distinctN(tokens, 1),
    distinct2: distinctN(tokens, 2),
  };
}
