import type { GenerationResults } from '../../run/generate/collect-generation.js';
import { formatTable } from './results.js';

function fixed(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** The terminal summary of a generation run: counts, rejection reasons and the top questions with S under both panels. */
export function renderGeneration(results: GenerationResults, top = 10): string {
  const rejected = Object.entries(results.rejected)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, count]) => `${reason} ${count}`)
    .join(', ');
  const seedScores = results.seeds.map((seed) => seed.sP1).filter((score): score is number => score !== null);
  const meanSeed = seedScores.length === 0 ? null : seedScores.reduce((a, b) => a + b, 0) / seedScores.length;
  const failedPulls = results.pulls.filter((pull) => pull.failed !== null).length;
  const lines = [
    `run ${results.runId} (${results.status}): ${results.pullsDone}/${results.manifest.budget} pulls over ${results.seeds.length} seed topics`,
    `P1 ${results.manifest.explorers.join(', ')} | P2 ${results.manifest.scorers.join(', ')} | judge ${results.manifest.judge} | similarity ${results.manifest.similarity}`,
    `accepted ${results.accepted}; rejected ${rejected || 'none'}`,
    ...(failedPulls > 0
      ? [
          `${failedPulls} pulls were no reward: every candidate failed for an infrastructure reason (the arms kept their Q)`,
        ]
      : []),
    ...(results.excludedSeeds > 0
      ? [`${results.excludedSeeds} seed topics could not be scored and were left out (resume to try again)`]
      : []),
    `mean S of the seeds under P1 ${fixed(meanSeed)}`,
    '',
    formatTable(
      ['#', 'S (P2)', 'S (P1)', 'R_VC', 'R_VD', 'R_OD', 'R_Dis', 'question'],
      results.questions
        .slice(0, top)
        .map((question, index) => [
          String(index + 1),
          fixed(question.sP2),
          fixed(question.sP1),
          fixed(question.termsP2?.vc),
          fixed(question.termsP2?.vd),
          fixed(question.termsP2?.od),
          fixed(question.termsP2?.dis),
          question.text,
        ]),
    ),
  ];
  if (results.questions.length > top)
    lines.push(`… ${results.questions.length - top} more: adaem questions ${results.runId} --top N`);
  return lines.join('\n');
}
