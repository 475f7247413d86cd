import type { ProviderConfig } from './config.js';
import { REDACTED } from './scrub-secrets.js';

/** Environment variables that hold provider API keys (read by the provider registry). */
export const API_KEY_VARIABLES = ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY'] as const;

/** The parts of a URL that carry credentials: user, password and query parameter values. */
export interface UrlCredentials {
  username: string;
  password: string;
  queryValues: string[];
}

/** The credentials a URL carries (decoded), or undefined when it is not a URL. */
export function credentialsOfUrl(url: string): UrlCredentials | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return {
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    queryValues: [...parsed.searchParams.values()],
  };
}

/** A URL with its user, password and query parameter values replaced by `[redacted]`, for manifests and tables. */
export function redactUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i.exec(url);
  if (!match) return url;
  const [, scheme, authority = '', path = '', query, fragment] = match;
  const at = authority.lastIndexOf('@');
  const host = at === -1 ? authority : `${REDACTED}@${authority.slice(at + 1)}`;
  const redactedQuery = query
    ? `?${query
        .slice(1)
        .split('&')
        .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=${REDACTED}` : pair))
        .join('&')}`
    : '';
  return `${scheme}${host}${path}${redactedQuery}${fragment ?? ''}`;
}

/**
 * Every secret value a config carries — API keys, header values, credentials and query parameter
 * values of base URLs (raw, decoded and as the Basic credentials sent) — and the API keys in `env`.
 */
export function secretsOfConfig(
  config: {
    providers: Record<string, Pick<ProviderConfig, 'apiKey' | 'headers' | 'baseURL'>>;
  },
  env: Record<string, string | undefined> = {},
): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined): void => {
    if (value) secrets.add(value);
  };
  for (const variable of API_KEY_VARIABLES) add(env[variable]);
  for (const provider of Object.values(config.providers)) {
    add(provider.apiKey);
    for (const value of Object.values(provider.headers ?? {})) {
      add(value);
      // "Bearer sk-…" is a secret, and so is the token after the scheme.
      add(/^\S+\s+(\S+)$/.exec(value)?.[1]);
    }
    if (!provider.baseURL) continue;
    const credentials = credentialsOfUrl(provider.baseURL);
    if (!credentials) continue;
    const { username, password, queryValues } = credentials;
    add(password);
    if (username && password) {
      add(`${username}:${password}`);
      add(basicCredentials(username, password));
    } else add(username);
    for (const value of [username, password, ...queryValues]) {
      add(value);
      add(encodeURIComponent(value));
    }
  }
  return [...secrets];
}

/** The base64 token of HTTP Basic authentication. */
export function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
}
