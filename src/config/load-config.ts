import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  type AdaemConfig,
  AdaemConfigSchema,
  EvaluateConfigSchema,
  ModelConfigSchema,
  PROVIDER_TYPES,
  ProviderConfigSchema,
  ROLES,
  SandboxConfigSchema,
  SandboxModelConfigSchema,
} from '../core/config.js';
import { credentialsOfUrl, secretsOfConfig } from '../core/config-secrets.js';
import { didYouMean } from '../core/did-you-mean.js';
import { ConfigError } from '../core/errors.js';
import { InputLimitsSchema } from '../core/input-limits.js';
import { rememberSecrets } from '../core/scrub-secrets.js';
import { BUILT_IN_THEORIES } from '../core/theories.js';
import { type ValueTheory, ValueTheorySchema } from '../core/value-theory.js';
import { readDotEnv } from './dotenv.js';
import { interpolateEnv } from './interpolate-env.js';
import { readConfigFile, yamlToData } from './read-config-file.js';

/** A loaded config: validated, with defaults, env interpolated and the theory resolved. */
export interface LoadedConfig {
  config: AdaemConfig;
  /** The file read, or undefined when running on defaults. */
  path: string | undefined;
  /** Directory relative paths in the config are resolved against. */
  dir: string;
  theory: ValueTheory;
  /** The store file: `store` relative to the config file when the file sets it, else in the working directory. */
  storePath: string;
}

type PathSegment = string | number;

function formatPath(path: readonly PathSegment[]): string {
  return path.reduce<string>(
    (text, segment) =>
      typeof segment === 'number' ? `${text}[${segment}]` : text ? `${text}.${segment}` : segment,
    '',
  );
}

/** The 1-based line of the YAML node at `path` (or its nearest existing parent). */
function lineOf(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly PathSegment[],
): number {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    const range =
      node && typeof node === 'object' && 'range' in node
        ? (node as { range?: [number, number, number] }).range
        : undefined;
    if (range) return counter.linePos(range[0]).line;
  }
  return 1;
}

/** Line of a map key (for unknown keys), falling back to the map's own line. */
function lineOfKey(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: readonly PathSegment[],
  key: string,
): number {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
    if (pair && isScalar(pair.key) && pair.key.range) return counter.linePos(pair.key.range[0]).line;
  }
  return lineOf(document, counter, path);
}

/** Keys a strict object at `path` accepts, for did-you-mean suggestions. */
function knownKeysAt(path: readonly PathSegment[]): readonly string[] {
  const [first, , third] = path;
  if (path.length === 0) return Object.keys(AdaemConfigSchema.shape);
  if (first === 'providers' && path.length === 2) return Object.keys(ProviderConfigSchema.shape);
  if (first === 'models' && path.length === 2) return Object.keys(ModelConfigSchema.shape);
  if (first === 'sandbox' && path.length === 1) return Object.keys(SandboxConfigSchema.shape);
  if (first === 'sandbox' && third !== undefined) return Object.keys(SandboxModelConfigSchema.shape);
  if (first === 'evaluate' && path.length === 1) return Object.keys(EvaluateConfigSchema.shape);
  if (first === 'input' && path.length === 1) return Object.keys(InputLimitsSchema.shape);
  return [];
}

function describeIssue(
  issue: z.core.$ZodIssue,
  config: unknown,
): { path: PathSegment[]; message: string; key?: string } {
  const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const candidates = knownKeysAt(path);
    return { path, key, message: `unknown key "${key}"${didYouMean(key, candidates)}` };
  }
  if (issue.code === 'invalid_value' && path.at(-2) === 'roles') {
    const value = String(
      path.reduce<unknown>(
        (node, segment) => (node as Record<PathSegment, unknown> | undefined)?.[segment],
        config,
      ),
    );
    return { path, message: `unknown role "${value}"${didYouMean(value, ROLES)}` };
  }
  return { path, message: issue.message };
}

/** Validates a parsed config; errors point at `file:line key.path`. */
function validate(
  raw: unknown,
  file: string,
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
): AdaemConfig {
  const parsed = AdaemConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = describeIssue(parsed.error.issues[0]!, raw);
    const line = issue.key
      ? lineOfKey(document, counter, issue.path, issue.key)
      : lineOf(document, counter, issue.path);
    const where = formatPath(issue.key ? [...issue.path, issue.key] : issue.path);
    throw new ConfigError(`${file}:${line} ${where || '(top level)'}: ${issue.message}`);
  }
  const config = parsed.data;
  const seen = new Map<string, number>();
  for (const [index, model] of config.models.entries()) {
    const where = (key: string): string =>
      `${file}:${lineOf(document, counter, ['models', index, key])} models[${index}].${key}`;
    const provider = model.id.slice(0, model.id.indexOf(':'));
    const known = [...new Set([...Object.keys(config.providers), ...PROVIDER_TYPES])];
    if (!known.includes(provider))
      throw new ConfigError(`${where('id')}: unknown provider "${provider}"${didYouMean(provider, known)}`);
    if (seen.has(model.id))
      throw new ConfigError(
        `${where('id')}: duplicate model id "${model.id}" (also models[${seen.get(model.id)}])`,
      );
    seen.set(model.id, index);
  }
  for (const [name, provider] of Object.entries(config.providers)) {
    const inUrl = provider.baseURL ? credentialsOfUrl(provider.baseURL) : undefined;
    if (inUrl && (inUrl.username || inUrl.password) && provider.apiKey)
      throw new ConfigError(
        `${file}:${lineOf(document, counter, ['providers', name, 'baseURL'])} providers.${name}.baseURL: carries credentials and apiKey is set too; keep one`,
      );
    if (!provider.type && !(PROVIDER_TYPES as readonly string[]).includes(name)) {
      const line = lineOf(document, counter, ['providers', name]);
      throw new ConfigError(
        `${file}:${line} providers.${name}: unknown provider type "${name}"${didYouMean(name, PROVIDER_TYPES)}; set type: openai, anthropic, llama-cpp or sandbox`,
      );
    }
  }
  return config;
}

/** Resolves `theory`: a built-in id, a path to a theory YAML file, or an inline theory. */
export function resolveTheory(theory: AdaemConfig['theory'], dir: string, where: string): ValueTheory {
  if (typeof theory !== 'string') return theory;
  if (Object.hasOwn(BUILT_IN_THEORIES, theory))
    return BUILT_IN_THEORIES[theory as keyof typeof BUILT_IN_THEORIES];
  const path = resolve(dir, theory);
  if (!existsSync(path)) {
    throw new ConfigError(
      `${where} theory: "${theory}" is neither a built-in theory (${Object.keys(BUILT_IN_THEORIES).join(', ')}) nor a file${didYouMean(theory, Object.keys(BUILT_IN_THEORIES))}`,
    );
  }
  const counter = new LineCounter();
  const document = parseDocument(readConfigFile(path, path), { lineCounter: counter });
  if (document.errors.length > 0)
    throw new ConfigError(
      `${path}:${document.errors[0]!.linePos?.[0]?.line ?? 1}: ${document.errors[0]!.message.split('\n')[0]}`,
    );
  const parsed = ValueTheorySchema.safeParse(yamlToData(document, path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path2 = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
    throw new ConfigError(
      `${path}:${lineOf(document, counter, path2)} ${formatPath(path2) || '(top level)'}: ${issue.message}`,
    );
  }
  return parsed.data;
}

/**
 * Reads `adaem.yaml` (or `path`): YAML with line numbers, `${VAR}` from the environment and a `.env`
 * beside the file, zod validation, semantic checks and the theory. Without a file, the defaults.
 */
export function loadConfig(
  options: { path?: string; cwd?: string; env?: Record<string, string | undefined> } = {},
): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const explicit = options.path !== undefined;
  const path = resolve(cwd, options.path ?? 'adaem.yaml');
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`config file not found: ${options.path}`);
    const config = AdaemConfigSchema.parse({});
    rememberSecrets(secretsOfConfig(config, options.env ?? process.env));
    const theory = resolveTheory(config.theory, cwd, 'defaults');
    return { config, path: undefined, dir: cwd, theory, storePath: resolve(cwd, config.store) };
  }
  const file = options.path ?? 'adaem.yaml';
  if (statSync(path).isDirectory())
    throw new ConfigError(
      `${file}: is a directory; -c takes a config file, e.g. ${join(file, 'adaem.yaml')}`,
    );
  const dir = dirname(path);
  const env = { ...readDotEnv(resolve(dir, '.env')), ...(options.env ?? process.env) };
  const counter = new LineCounter();
  const text = readConfigFile(path, file);
  const document = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new ConfigError(
      `${file}:${error.linePos?.[0]?.line ?? 1}: invalid YAML: ${error.message.split('\n')[0]}`,
    );
  }
  const raw = interpolateEnv(yamlToData(document, file), env, (keyPath, message) => {
    throw new ConfigError(`${file}:${lineOf(document, counter, keyPath)} ${formatPath(keyPath)}: ${message}`);
  });
  const config = validate(raw, file, document, counter);
  // From here on no message, table or stored text may show them.
  rememberSecrets(secretsOfConfig(config, env));
  const theory = resolveTheory(config.theory, dir, `${file}:${lineOf(document, counter, ['theory'])}`);
  // A config file elsewhere (e.g. an example inside node_modules) must not put the store beside itself.
  const storeSet = typeof raw === 'object' && raw !== null && 'store' in raw;
  return { config, path, dir, theory, storePath: resolve(storeSet ? dir : cwd, config.store) };
}
