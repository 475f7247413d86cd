import { ConfigError } from '../../core/errors.js';
import { comparableSeedText } from './seed-text.js';

/** One distinct conclusion of a Touché23-ValueEval arguments file. */
export interface ToucheConclusion {
  /** The first argument that draws this conclusion. */
  argumentId: string;
  conclusion: string;
  /** 1-based line of that argument. */
  line: number;
}

const REQUIRED_COLUMNS = ['Argument ID', 'Conclusion'] as const;

/**
 * Reads a Touché23-ValueEval arguments TSV (header `Argument ID, Conclusion, Stance, Premise`,
 * tab-separated, no quoting) and returns its conclusions, each once (compared without case,
 * punctuation or extra spaces), in file order. Missing columns and short rows are ConfigErrors.
 */
export function parseToucheArguments(options: { path: string; text: string }): {
  conclusions: ToucheConclusion[];
  duplicates: number;
} {
  const { path } = options;
  const lines = options.text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t').map((cell) => cell.trim());
  const lowered = header.map((cell) => cell.toLowerCase());
  for (const name of REQUIRED_COLUMNS) {
    if (!lowered.includes(name.toLowerCase()))
      throw new ConfigError(
        `${path}:1: missing column "${name}" (found: ${header.join(', ')}); expected a tab-separated header Argument ID, Conclusion, Stance, Premise`,
      );
  }
  const idColumn = lowered.indexOf('argument id');
  const conclusionColumn = lowered.indexOf('conclusion');
  const seen = new Set<string>();
  const conclusions: ToucheConclusion[] = [];
  let duplicates = 0;
  for (const [index, line] of lines.entries()) {
    if (index === 0 || line.trim() === '') continue;
    const cells = line.split('\t');
    const argumentId = cells[idColumn]?.trim();
    const conclusion = cells[conclusionColumn]?.replace(/\s+/g, ' ').trim();
    if (cells.length < header.length || !argumentId || !conclusion)
      throw new ConfigError(
        `${path}:${index + 1}: expected ${header.length} tab-separated cells with an argument id and a conclusion, found ${cells.length}`,
      );
    const key = comparableSeedText(conclusion);
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    conclusions.push({ argumentId, conclusion, line: index + 1 });
  }
  if (conclusions.length === 0) throw new ConfigError(`${path}: no arguments after the header`);
  return { conclusions, duplicates };
}
