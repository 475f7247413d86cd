/** The id of an analysis (`analyze-20261124-121530-ab12`) and of the runs it makes (`…-baseline`, `…-power`). */
const ANALYSIS_RUN = /^analyze-\d{8}-\d{6}-[0-9a-f]{4}(-|$)/;

/**
 * Whether a stored run was made by an analysis for itself — the arms `adaem validate priming` evaluates
 * (ids `analyze-…-<arm>`) — rather than by the user: such runs are kept out of `adaem runs` and out of
 * "the newest run" of `adaem results` unless `--all` asks for them.
 */
export function isAnalysisRun(run: { id: string; kind: string }): boolean {
  return run.kind === 'analyze' || ANALYSIS_RUN.test(run.id);
}
