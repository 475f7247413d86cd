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

/** Shorter values would scrub ordinary words; key-shaped ones are still caught by the patterns. */
const MIN_SECRET_LENGTH = 6;

/** Secrets of the configs loaded in this process: every scrub removes them, wherever it runs. */
const remembered = new Set<string>();

/**
 * Makes every later `scrubSecrets` call in this process remove these values (the configured API
 * keys, header values, base URL credentials), so no error line, table or stored text can carry them.
 */
export function rememberSecrets(secrets: readonly (string | undefined)[]): void {
  for (const secret of secrets) if (secret && secret.length >= MIN_SECRET_LENGTH) remembered.add(secret);
}

/**
 * Removes known secrets (API keys, header values, base URL credentials — those passed and those
 * remembered) and key-shaped strings from a text, e.g. a provider's error body that echoes the key
 * it refused. Scrub before cutting a text short: a cut can split a secret so it no longer matches.
 */
export function scrubSecrets(text: string, known: readonly (string | undefined)[] = []): string {
  let scrubbed = text;
  const secrets = [...new Set([...remembered, ...known])]
    .filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    // Longest first, so "user:key" goes whole before "key" alone.
    .sort((a, b) => b.length - a.length);
  for (const secret of secrets) {
    if (scrubbed.includes(secret)) scrubbed = scrubbed.split(secret).join(REDACTED);
  }
  for (const { pattern, keep } of SECRET_PATTERNS) {
    scrubbed = scrubbed.replace(pattern, (_match, prefix: string) =>
      keep ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return scrubbed;
}
