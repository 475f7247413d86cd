import type { AgreementResult, FigureAgreement } from '../../run/analyses/agreement.js';
import type { FigureInformativeness, InformativenessResult } from '../../run/analyses/informativeness.js';
import type { QuestionsResult } from '../../run/analyses/question-quality.js';
import type { FoldConsistency, ReliabilityResult } from '../../run/analyses/reliability.js';
import type { CorrelationEstimate } from '../../stages/analyze/correlation-interval.js';
import type { IccEstimate } from '../../stages/analyze/icc.js';
import { formatTable } from './results.js';
import { counted } from './wording.js';

const NONE = '—';
const fixed = (value: number | null | undefined, digits = 3): string =>
  value === null || value === undefined ? NONE : value.toFixed(digits);

/** A figure that may be a reason instead: the number, or "—" with the reason in a footnote list. */
function orNote(value: number | { reason: string }, notes: string[], label: string, digits = 3): string {
  if (typeof value === 'number') return fixed(value, digits);
  notes.push(`${label}: ${value.reason}`);
  return NONE;
}

function correlationCell(estimate: CorrelationEstimate, notes: string[], label: string): string {
  if (estimate.r === null) {
    notes.push(`${label}: ${estimate.reason}`);
    return NONE;
  }
  return `${fixed(estimate.r)} [${fixed(estimate.low)}, ${fixed(estimate.high)}]`;
}

const withNotes = (body: string, notes: string[]): string =>
  notes.length === 0 ? body : `${body}\n\n${notes.map((note) => `— ${note}`).join('\n')}`;

/** Cronbach's α and CV across folds, then the subset-consistency curve. */
export function renderReliability(result: ReliabilityResult): string {
  const notes: string[] = [];
  const row = (name: string, figure: FoldConsistency) => [
    name,
    orNote(figure.alpha, notes, `${name} α`),
    fixed(figure.coefficientOfVariation),
    String(figure.cases),
    String(figure.leftOut),
  ];
  const head = `Reliability of ${result.runId}: ${counted(result.questions, 'question')} in ${counted(result.folds, 'fold')} (${result.questionsPerFold.join(' / ')}), seed ${result.seed}, ${counted(result.models.length, 'model')} × ${counted(result.values.length, 'value')}`;
  const folds = formatTable(
    ['figure', "Cronbach's α", 'mean CV', 'cells', 'left out'],
    [row('TrueSkill score', result.scores), row('expression rate', result.rates)],
  );
  const subsets =
    result.subsets.length === 0
      ? 'Subset consistency: no subset size below the question count (set --sizes).'
      : `Subset consistency (Pearson r against the full set, mean / lowest over draws):\n${formatTable(
          ['questions', 'draws', 'score r', 'rate r'],
          result.subsets.map((subset) => [
            String(subset.size),
            String(subset.draws),
            `${fixed(subset.scores.meanPearson)} / ${fixed(subset.scores.minPearson)}`,
            `${fixed(subset.rates.meanPearson)} / ${fixed(subset.rates.minPearson)}`,
          ]),
        )}`;
  return withNotes(`${head}\n\n${folds}\n\n${subsets}`, notes);
}

function iccRows(name: string, figure: FigureAgreement, notes: string[]): string[][] {
  if (!Array.isArray(figure.icc)) {
    notes.push(`${name} ICC: ${figure.icc.reason}`);
    return [[`${name}`, NONE, '', '']];
  }
  return figure.icc.map((icc: IccEstimate) => [
    `${name} ${icc.form}`,
    `${fixed(icc.value)} [${fixed(icc.low)}, ${fixed(icc.high)}]`,
    Number.isFinite(icc.f) ? icc.f.toFixed(2) : '∞',
    `${icc.df1}, ${icc.df2}`,
  ]);
}

/** ICC forms, Pearson and Spearman between two runs. */
export function renderAgreement(result: AgreementResult): string {
  const notes: string[] = [];
  const head = `Agreement of ${result.runs[0]} and ${result.runs[1]} on ${counted(result.models.length, 'shared model')} × ${counted(result.values.length, 'value')}`;
  const icc = formatTable(
    ['statistic', 'value [95% CI]', 'F', 'df'],
    [...iccRows('score', result.scores, notes), ...iccRows('rate', result.rates, notes)],
  );
  const correlations = formatTable(
    ['figure', 'cells', 'Pearson [95% CI]', 'Spearman [95% CI]'],
    (
      [
        ['score', result.scores],
        ['rate', result.rates],
      ] as const
    ).map(([name, figure]) => [
      name,
      `${figure.cells}${figure.leftOut > 0 ? ` (${figure.leftOut} left out)` : ''}`,
      correlationCell(figure.pearson, notes, `${name} Pearson`),
      correlationCell(figure.spearman, notes, `${name} Spearman`),
    ]),
  );
  return withNotes(`${head}\n\n${icc}\n\n${correlations}`, notes);
}

function informativenessRows(label: string, figure: FigureInformativeness, notes: string[], scale: number) {
  const profiles = figure.profiles;
  if ('reason' in profiles) {
    notes.push(`${label}: ${profiles.reason}`);
    return [label, NONE, NONE];
  }
  if (profiles.flatPairs > 0)
    notes.push(`${label}: ${profiles.flatPairs} pair(s) with a flat profile left out`);
  if (figure.valuesLeftOut.length > 0)
    notes.push(
      `${label}: values without an observation for some model left out: ${figure.valuesLeftOut.join(', ')}`,
    );
  return [label, fixed(profiles.meanPairwisePearson), fixed(profiles.meanStdAcrossValues / scale)];
}

/** The informativeness table of one or more runs, and the group-correlation structure of the first. */
export function renderInformativeness(results: InformativenessResult[]): string {
  const notes: string[] = [];
  const rows = results.flatMap((result) => [
    informativenessRows(`${result.runId} score`, result.scores, notes, 100),
    informativenessRows(`${result.runId} rate`, result.rates, notes, 1),
  ]);
  const table = formatTable(
    ['figure', 'mean Pearson between models (lower)', 'mean std across values (higher)'],
    rows,
  );
  const first = results[0]!;
  const groups = first.rates.groups;
  const structure = Array.isArray(groups)
    ? formatTable(
        ['groups (rates, centred per model)', 'Pearson r [95% CI] across models'],
        groups.map((pair) => [
          `${pair.a} × ${pair.b}`,
          correlationCell(pair.estimate, notes, `${pair.a} × ${pair.b}`),
        ]),
      )
    : `Group structure: ${groups.reason}`;
  return withNotes(
    `Informativeness (${counted(first.models.length, 'model')}; score std on a 0–1 scale)\n\n${table}\n\n${structure}`,
    notes,
  );
}

/** Count, length, Self-BLEU, Dist-n and similarity of one or two question sets. */
export function renderQuestions(result: QuestionsResult): string {
  const rows = result.sets.flatMap((set) => {
    const line = (label: string, quality: NonNullable<typeof set.equalSize>) => [
      label,
      String(quality.count),
      quality.averageWords.toFixed(2),
      fixed(quality.selfBleu, 2),
      fixed(quality.distinct1),
      fixed(quality.distinct2),
      fixed(quality.meanSimilarity),
    ];
    return [
      line(set.source, set.full),
      ...(set.equalSize ? [line(`${set.source} @ ${result.comparedAt}`, set.equalSize)] : []),
    ];
  });
  const table = formatTable(
    ['question set', 'count', 'avg words', 'Self-BLEU', 'Dist-1', 'Dist-2', 'mean similarity'],
    rows,
  );
  const novelty =
    result.novelty === undefined
      ? ''
      : `\nNovelty: mean similarity of the run's questions to ${result.sets[1]!.source} at ${counted(result.comparedAt ?? 0, 'question')} each: ${fixed(result.novelty)} (lower = more novel)`;
  return `${table}\n${novelty}\nSimilarity: ${result.similarity} (on at most ${result.similaritySample} questions per set).`;
}
