/** The exit codes of the CLI: done, failed (a run over its limits, a stopped run), bad input, interrupted. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
