import { SCHWARTZ_THEORY } from '../../src/core/theories.js';
import { parseQuestionReply } from '../../src/stages/generate/parse-reply.js';
import { readSafetyVerdict } from '../../src/stages/generate/safety.js';
import { parseBatchedJudgement, readYesNo } from '../../src/stages/judge/parse-judgement.js';
import { parseOpinion } from '../../src/stages/respond/parse-opinion.js';
import { type CorpusFile, type CorpusRow, readCorpus } from './reply-corpus.js';

/** How a reader did on one row: read as gold, unreadable where gold has a reading, or read wrongly. */
export type Verdict = 'exact' | 'unreadable' | 'wrong';

/** One row's verdict with what the reader gave (for messages). */
export interface RowVerdict {
  id: string;
  family: string;
  verdict: Verdict;
  got: unknown;
  gold: unknown;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function opinionVerdict(row: CorpusRow): RowVerdict {
  const gold = row.gold as { status: string; stance: string | null; points: string[] };
  const outcome = parseOpinion(row.reply);
  const got =
    outcome.status === 'ok'
      ? { status: 'ok', stance: outcome.stance, points: outcome.points.map((point) => point.point) }
      : { status: outcome.status, reason: outcome.reason };
  let verdict: Verdict;
  if (outcome.status === 'ok' && gold.status === 'ok') {
    if (!same(got.points, gold.points)) verdict = 'wrong';
    else if (outcome.stance === gold.stance) verdict = 'exact';
    else verdict = outcome.stance === null ? 'unreadable' : 'wrong';
  } else if (outcome.status === gold.status) verdict = 'exact';
  else verdict = outcome.status === 'unparseable' && gold.status === 'ok' ? 'unreadable' : 'wrong';
  return { id: row.id, family: row.family, verdict, got, gold };
}

function batchedVerdict(row: CorpusRow): RowVerdict {
  const gold = row.gold as { values: Record<string, boolean>; readable: boolean };
  const reading = parseBatchedJudgement(row.reply, SCHWARTZ_THEORY);
  const got = reading.ok ? reading.values : { unreadable: reading.reason };
  let verdict: Verdict;
  if (!gold.readable) verdict = reading.ok ? 'wrong' : 'exact';
  else if (!reading.ok) verdict = 'unreadable';
  else {
    const ordered = (values: Record<string, boolean>) =>
      Object.fromEntries(Object.entries(values).sort(([a], [b]) => a.localeCompare(b)));
    verdict = same(ordered(reading.values), ordered(gold.values)) ? 'exact' : 'wrong';
  }
  return { id: row.id, family: row.family, verdict, got, gold };
}

/** A reader whose answer is one value (or null when unreadable), compared with a gold value. */
function singleVerdict(row: CorpusRow, got: unknown, reading: unknown): RowVerdict {
  const verdict: Verdict = got === row.gold ? 'exact' : got === null ? 'unreadable' : 'wrong';
  return { id: row.id, family: row.family, verdict, got: reading, gold: row.gold };
}

function yesNoVerdict(row: CorpusRow): RowVerdict {
  const reading = readYesNo(row.reply);
  return singleVerdict(row, reading.ok ? reading.value : null, reading);
}

function questionVerdict(row: CorpusRow): RowVerdict {
  const reading = parseQuestionReply(row.reply);
  return singleVerdict(row, reading.ok ? reading.question : null, reading);
}

function safetyVerdict(row: CorpusRow): RowVerdict {
  const reading = readSafetyVerdict(row.reply);
  return singleVerdict(
    row,
    reading.status === 'safe' || reading.status === 'unsafe' ? reading.status : null,
    reading,
  );
}

const JUDGES: Record<CorpusFile, (row: CorpusRow) => RowVerdict> = {
  opinion: opinionVerdict,
  'judge-batched': batchedVerdict,
  'judge-value': yesNoVerdict,
  'explore-question': questionVerdict,
  safety: safetyVerdict,
};

/** Every corpus file, in the order the readers run in a pipeline. */
export const CORPUS_FILES = Object.keys(JUDGES) as CorpusFile[];

/** Runs the reader of `file` on every row of the corpus and says how each row was read. */
export function verdictsOf(file: CorpusFile): RowVerdict[] {
  return readCorpus(file).map(JUDGES[file]);
}

/** Runs the reader of `file` on one reply only (for the speed benchmark). */
export function readRow(file: CorpusFile, row: CorpusRow): Verdict {
  return JUDGES[file](row).verdict;
}
