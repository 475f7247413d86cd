import type { GenerationResults } from '../../run/generate/collect-generation.js';
import { formatTable } from './results.js';
import { counted, runName } from './wording.js';

function fixed(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : value.toFixed(2);
}

/** What the generation summary's abbreviations mean (docs/method.md, "S(x)"). */
const GENERATION_LEGEND =
  "S = a question's informativeness, scored by P2 (the scorers) or P1 (the explorers): the weighted sum (generate.weights) of R_VC, the variety of values within a model's answer; R_VD, the difference of values between models; R_OD, the difference of their opinions; R_Dis, the distance of the answers' values from the question's own";

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
    `${runName(results.runId)} (${results.status}): ${results.pullsDone}/${counted(results.manifest.budget, 'pull')} over ${counted(results.seeds.length, 'seed topic')}`,
    `P1 ${results.manifest.explorers.join(', ')} | P2 ${results.manifest.scorers.join(', ')} | judge ${results.manifest.judge} | similarity ${results.manifest.similarity}`,
    `accepted ${results.accepted}; rejected ${rejected || 'none'}`,
    ...(failedPulls > 0
      ? [
          `${counted(failedPulls, 'pull was', 'pulls were')} no reward: every candidate failed for an infrastructure reason (the arms kept their Q)`,
        ]
      : []),
    ...(results.excludedSeeds > 0
      ? [
          `${counted(results.excludedSeeds, 'seed topic')} could not be scored and were left out (resume to try again)`,
        ]
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
  if (results.questions.length > 0) lines.push(GENERATION_LEGEND);
  if (results.questions.length > top)
    lines.push(`… ${results.questions.length - top} more: adaem questions ${results.runId} --top N`);
  return lines.join('\n');
}
