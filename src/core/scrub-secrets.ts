/** What replaces a secret in any text adaem stores or prints. */
export const REDACTED = '[redacted]';

/** Key-shaped strings: OpenAI (`sk-…`, `sk-proj-…`) and Anthropic (`sk-ant-…`) keys, bearer tokens, `api_key=…`. */
const SECRET_PATTERNS: { pattern: RegExp; keep: boolean }[] = [
  { pattern: /\bsk-[A-Za-z0-9_-]{8,}/g, keep: false },
  { pattern: /(\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, keep: true },
  // Only values that look like keys (long, with a digit), so "apiKey: environment variable …" stays.
  {
    pattern: /(\b(?:x-)?api[_-]?key["']?\s*[:=]\s*["']?)(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{16,}/gi,
    keep: true,
  },
];

/**
 * Removes known secrets (API keys, header values) and key-shaped strings from a text, e.g. a
 * provider's error body that echoes the key it refused.
 */
export function scrubSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let scrubbed = text;
  for (const secret of known) {
    if (secret && secret.length >= 6) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  for (const { pattern, keep } of SECRET_PATTERNS) {
    scrubbed = scrubbed.replace(pattern, (_match, prefix: string) =>
      keep ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return scrubbed;
}
