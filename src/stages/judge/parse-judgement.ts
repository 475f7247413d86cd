import type { z } from 'zod';
import type { TokenAlternative } from '../../core/provider.js';

/** Reads a Yes/No judge answer ("Yes", "no.", "**No**"); undefined for anything else. */
export function parseYesNo(text: string): boolean | undefined {
  const word = text
    .trim()
    .replace(/^[*_"'`\s]+/, '')
    .match(/^(yes|no)\b/i);
  if (!word) return undefined;
  return word[1]!.toLowerCase() === 'yes';
}

/** P(yes) from first-token alternatives: Yes-like mass over Yes-like plus No-like mass. */
export function probabilityOfYes(alternatives: readonly TokenAlternative[]): number | undefined {
  let yes = 0;
  let no = 0;
  for (const alternative of alternatives) {
    const token = alternative.token.trim().toLowerCase();
    if (token === 'yes') yes += Math.exp(alternative.logprob);
    else if (token === 'no') no += Math.exp(alternative.logprob);
  }
  return yes + no === 0 ? undefined : yes / (yes + no);
}

/** Extracts and validates the JSON object of a batched judgement (code fences and prose around it allowed). */
export function parseBatchedJudgement(
  text: string,
  schema: z.ZodType<{ values: Record<string, boolean> }>,
): { ok: true; values: Record<string, boolean> } | { ok: false; reason: string } {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return { ok: false, reason: 'no JSON object in the judge answer' };
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, end + 1));
  } catch {
    return { ok: false, reason: 'judge answer is not valid JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `judge JSON does not match the schema: ${issue?.path.join('.')} ${issue?.message}`,
    };
  }
  return { ok: true, values: parsed.data.values };
}
