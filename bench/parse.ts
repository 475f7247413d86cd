// bench:parse — how fast adaem reads model replies: every reader on the replies corpus
// (test/fixtures/replies), single-threaded. Must stay >= 20,000 replies/s so reading never matters
// next to model calls.

import { readCorpus } from '../test/helpers/reply-corpus.js';
import { CORPUS_FILES, readRow } from '../test/helpers/reply-verdicts.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const rows = CORPUS_FILES.flatMap((file) => readCorpus(file).map((row) => ({ file, row })));
for (const { file, row } of rows) readRow(file, row); // warm-up
const lines: string[] = [];
let totalReplies = 0;
let totalMs = 0;
for (const file of CORPUS_FILES) {
  const mine = rows.filter((entry) => entry.file === file);
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) for (const { row } of mine) readRow(file, row);
  const ms = performance.now() - started;
  totalReplies += mine.length * ROUNDS;
  totalMs += ms;
  const bytes = mine.reduce((sum, { row }) => sum + row.reply.length, 0) / mine.length;
  lines.push(
    `${file.padEnd(17)} ${String(mine.length).padStart(4)} replies (mean ${bytes.toFixed(0)} chars): ${Math.round((mine.length * ROUNDS) / (ms / 1000)).toLocaleString('en-US')} replies/s`,
  );
}
console.log(
  `bench:parse — ${rows.length} corpus replies × ${ROUNDS} rounds, one core (the reading and its comparison with gold)`,
);
for (const line of lines) console.log(`  ${line}`);
console.log(
  `  all readers: ${Math.round(totalReplies / (totalMs / 1000)).toLocaleString('en-US')} replies/s (target >= 20,000)`,
);
