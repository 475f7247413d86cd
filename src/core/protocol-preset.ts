import { z } from 'zod';
import { type AdaemConfig, AdaemConfigSchema, type Protocol, ProtocolSchema } from './config.js';

/** One setting of the paper preset: where it lives in the config, its value, and where the paper says so. */
export interface PresetSetting {
  /** Dotted config path, e.g. `evaluate.trueskill.tau`. */
  key: string;
  value: number | string;
  /** Where the authors' setting is documented. */
  source: string;
}

/**
 * The authors' implementation, setting by setting (method §7b): what `protocol: paper` puts over the
 * config. Generation temperature and top_p are the adaem defaults already; they are listed so a config
 * that changed them is set aside too.
 */
export const PAPER_PRESET: readonly PresetSetting[] = [
  { key: 'generate.weights.dis', value: -0.5, source: 'S = R_VC + R_VD + R_OD − ½·R_Dis (App. C.3)' },
  { key: 'generate.judgeMode', value: 'per-value', source: 'one Yes/No call per (text, value) (Listing 4)' },
  {
    key: 'generate.judgePrompt',
    value: 'definitions',
    source: 'the ten definitions in the system message (§6)',
  },
  { key: 'generate.similarity', value: 'embedding', source: 'sentence embeddings for dedup and R_OD' },
  { key: 'generate.dedupThreshold', value: 0.85, source: 'ε on the mean of the top-3 similarities' },
  { key: 'generate.dedupTopK', value: 3, source: 'k of that mean' },
  { key: 'generate.scale', value: 'raw', source: 'UCB bonus sqrt(2 ln B / C) and τ as printed (Alg. 1)' },
  { key: 'generate.calibrationSeeds', value: 0, source: 'P2 rewards used as they are (Alg. 1)' },
  { key: 'generate.temperature', value: 1, source: 'Table 6' },
  { key: 'generate.topP', value: 0.95, source: 'Table 6' },
  { key: 'evaluate.judgeMode', value: 'per-value', source: 'Listing 4' },
  {
    key: 'evaluate.judgePrompt',
    value: 'definitions',
    source: 'the ten definitions in the system message (§6)',
  },
  { key: 'evaluate.temperature', value: 1, source: 'Table 6' },
  { key: 'evaluate.topP', value: 0.95, source: 'Table 6' },
  { key: 'evaluate.matches.format', value: 'teams', source: 'one team game per question and value (C.8)' },
  { key: 'evaluate.matches.order', value: 'given', source: 'one pass in question order (C.8)' },
  { key: 'evaluate.trueskill.tau', value: 25 / 300, source: 'Python trueskill defaults (C.8)' },
];

/** What a run's protocol set (in its manifest): each preset setting, its value and the adaem default it replaced. */
export const ProtocolRecordSchema = z.object({
  name: ProtocolSchema,
  settings: z.array(
    z.object({
      key: z.string(),
      value: z.union([z.number(), z.string()]),
      adaemDefault: z.union([z.number(), z.string()]).nullable(),
    }),
  ),
});
export type ProtocolRecord = z.infer<typeof ProtocolRecordSchema>;

/** A config setting the preset replaced: its key, the config's value and the preset's. */
export interface SetAside {
  key: string;
  config: unknown;
  preset: number | string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path of a plain object, or undefined. */
export function valueAt(object: unknown, key: string): unknown {
  let node = object;
  for (const part of key.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[part];
  }
  return node;
}

function setAt(object: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = object;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (!isRecord(next)) {
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    } else node = next;
  }
  node[parts.at(-1)!] = value;
}

const ADAEM_DEFAULTS = AdaemConfigSchema.parse({});

/**
 * Applies a protocol to a config: `paper` puts every preset setting over the config's value (the
 * preset wins, so `protocol: paper` always means the authors' settings) and returns what it set
 * aside; `adaem` returns the config as it is. Idempotent.
 */
export function applyProtocol(
  config: AdaemConfig,
  protocol: Protocol = config.protocol,
): { config: AdaemConfig; record: ProtocolRecord; setAside: SetAside[] } {
  if (protocol === 'adaem')
    return {
      config: config.protocol === 'adaem' ? config : { ...config, protocol },
      record: { name: 'adaem', settings: [] },
      setAside: [],
    };
  const copy: unknown = structuredClone(config);
  if (!isRecord(copy)) throw new Error('a config is an object');
  const setAside: SetAside[] = [];
  const settings: ProtocolRecord['settings'] = [];
  for (const setting of PAPER_PRESET) {
    const before = valueAt(config, setting.key);
    const adaemDefault = valueAt(ADAEM_DEFAULTS, setting.key);
    if (before !== setting.value && before !== adaemDefault)
      setAside.push({ key: setting.key, config: before, preset: setting.value });
    setAt(copy, setting.key, setting.value);
    settings.push({
      key: setting.key,
      value: setting.value,
      adaemDefault:
        typeof adaemDefault === 'number' || typeof adaemDefault === 'string' ? adaemDefault : null,
    });
  }
  copy.protocol = 'paper';
  return { config: AdaemConfigSchema.parse(copy), record: { name: 'paper', settings }, setAside };
}

/** The protocol record of a config that already went through `applyProtocol`. */
export function protocolRecordOf(config: AdaemConfig): ProtocolRecord {
  return applyProtocol(config).record;
}
