/** Replaces `${VAR}` and `${VAR:-default}` in every string of a parsed YAML value. */
export function interpolateEnv(
  value: unknown,
  env: Record<string, string | undefined>,
  fail: (path: (string | number)[], message: string) => never,
  path: (string | number)[] = [],
): unknown {
  if (typeof value === 'string') {
    return value.replace(
      /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g,
      (_, name: string, fallback: string | undefined) => {
        const found = env[name];
        if (found !== undefined && found !== '') return found;
        if (fallback !== undefined) return fallback;
        return fail(path, `environment variable ${name} is not set`);
      },
    );
  }
  if (Array.isArray(value))
    return value.map((item, index) => interpolateEnv(item, env, fail, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, fail, [...path, key])]),
    );
  }
  return value;
}
