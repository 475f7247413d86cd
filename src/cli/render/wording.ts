/** `1 model`, `2 models`: a count with its noun in the right number (`plural` for irregular nouns). */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}

/** A run named in a sentence: `run gen-…`, but `run-…` alone (never "run run-…"). */
export function runName(runId: string): string {
  return /^run\b/i.test(runId) ? runId : `run ${runId}`;
}
