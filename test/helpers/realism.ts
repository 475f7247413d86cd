import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Question } from '../../src/core/question.js';
import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import { sandboxModels } from '../../src/sandbox/models.js';
import { pearson, spearman } from '../../src/stages/analyze/correlation.js';
import { evaluateSandbox } from './sandbox-evaluation.js';

/** A file of `test/fixtures/dev-questions`, one question per line, as questions. */
export function devQuestions(name: 'contested' | 'generic'): Question[] {
  const path = fileURLToPath(new URL(`../fixtures/dev-questions/${name}.txt`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text, index) => ({ id: `${name}-${index + 1}`, text }));
}

/** How well expression rates recover planted profiles, and how alike the models' profiles are. */
export interface RealismFigures {
  /** Spearman(expression rates, planted weights) per model. */
  recovery: Record<string, number>;
  meanRecovery: number;
  minRecovery: number;
  /** Mean Pearson correlation between two models' rate profiles (1 = indistinguishable). */
  meanPairwisePearson: number;
}

/** Evaluates the built-in sandbox panel on `questions` through the real pipeline and measures it. */
export async function measureRealism(
  dir: string,
  questions: Question[],
  sandbox = {},
): Promise<RealismFigures> {
  const { results } = await evaluateSandbox({ dir, questions, sandbox });
  const planted = new Map(
    sandboxModels(SCHWARTZ_THEORY).map((model) => [`sandbox:${model.name}`, model.weights]),
  );
  const profiles = results.models.map((model) => model.values.map((value) => value.rate ?? Number.NaN));
  const recovery = Object.fromEntries(
    results.models.map((model, index) => [
      model.modelId,
      spearman(profiles[index]!, planted.get(model.modelId)!),
    ]),
  );
  const correlations: number[] = [];
  for (let a = 0; a < profiles.length; a++)
    for (let b = a + 1; b < profiles.length; b++) correlations.push(pearson(profiles[a]!, profiles[b]!));
  const values = Object.values(recovery);
  return {
    recovery,
    meanRecovery: values.reduce((sum, value) => sum + value, 0) / values.length,
    minRecovery: Math.min(...values),
    meanPairwisePearson: correlations.reduce((sum, value) => sum + value, 0) / correlations.length,
  };
}
