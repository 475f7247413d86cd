import type { LoadedConfig } from '../config/load-config.js';
import { ProtocolSchema } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import { applyProtocol, PAPER_PRESET, type SetAside } from '../core/protocol-preset.js';
import { formatTable } from './render/results.js';

/** The help text of `--protocol` on generate, evaluate and run. */
export const PROTOCOL_HELP =
  'adaem (our defaults) or paper (the authors’ settings, over the config’s; default: protocol in the config)';

/**
 * The config with the protocol of `--protocol` (else the config's `protocol`) applied. A resumed run
 * keeps the protocol it recorded, so the flag is refused with `--resume`.
 */
export function withProtocol(
  loaded: LoadedConfig,
  flags: { protocol?: string; resume?: string },
): { loaded: LoadedConfig; setAside: SetAside[] } {
  if (flags.protocol !== undefined && flags.resume !== undefined)
    throw new ConfigError(
      `--resume ${flags.resume} continues the run with its recorded protocol; drop --protocol`,
    );
  let protocol = loaded.config.protocol;
  if (flags.protocol !== undefined) {
    const parsed = ProtocolSchema.safeParse(flags.protocol);
    if (!parsed.success) throw new ConfigError(`--protocol must be adaem or paper, got "${flags.protocol}"`);
    protocol = parsed.data;
  }
  const applied = applyProtocol(loaded.config, protocol);
  return { loaded: { ...loaded, config: applied.config }, setAside: applied.setAside };
}

/** The paper protocol compares questions by sentence embeddings: a generation needs an embedder. */
export function requireEmbedder(loaded: LoadedConfig): void {
  if (loaded.config.protocol !== 'paper') return;
  if (loaded.config.models.some((model) => model.roles.includes('embedder'))) return;
  throw new ConfigError(
    'protocol paper compares questions by sentence embeddings, as the authors did: give a model the embedder role, e.g. { id: openai:text-embedding-3-small, roles: [embedder] }',
  );
}

/** A command-line setting that contradicts the paper preset is refused rather than silently replaced. */
export function refuseAgainstPreset(loaded: LoadedConfig, flag: string, key: string, value: unknown): void {
  if (loaded.config.protocol !== 'paper' || value === undefined) return;
  const preset = PAPER_PRESET.find((setting) => setting.key === key);
  if (preset && preset.value !== value)
    throw new ConfigError(
      `${flag} ${String(value)} contradicts protocol paper (${key}: ${preset.value}); drop ${flag}, or run with protocol adaem and set ${key} in the config`,
    );
}

function shown(value: unknown): string {
  if (value === undefined) return 'unset';
  return typeof value === 'number' ? String(Number(value.toFixed(6))) : String(value);
}

/**
 * The `--dry-run` listing of the paper preset for the settings under `prefixes` (`generate.`,
 * `evaluate.`): each value, the adaem default it replaces, where the paper says so, and what of the
 * config it set aside. Empty for the adaem protocol.
 */
export function describeProtocol(
  loaded: LoadedConfig,
  setAside: readonly SetAside[],
  prefixes: readonly string[],
): string {
  if (loaded.config.protocol !== 'paper') return '';
  const { record } = applyProtocol(loaded.config);
  const inScope = (key: string) => prefixes.some((prefix) => key.startsWith(prefix));
  const rows = record.settings
    .filter((setting) => inScope(setting.key))
    .map((setting) => [
      setting.key,
      shown(setting.value),
      shown(setting.adaemDefault ?? undefined),
      PAPER_PRESET.find((preset) => preset.key === setting.key)?.source ?? '',
    ]);
  const aside = setAside.filter((entry) => inScope(entry.key));
  const lines = [
    'protocol paper: the authors’ settings, put over the config’s (docs/method.md)',
    formatTable(['setting', 'paper', 'adaem default', 'source'], rows),
    aside.length === 0
      ? 'The config sets none of these otherwise.'
      : `Set aside from the config: ${aside.map((entry) => `${entry.key} ${shown(entry.config)}`).join(', ')}.`,
  ];
  return `${lines.join('\n')}\n\n`;
}

/** One stderr line when a run follows the paper protocol, naming what it set aside of the settings under `prefixes`. */
export function protocolNote(
  loaded: LoadedConfig,
  setAside: readonly SetAside[],
  prefixes: readonly string[],
): string {
  if (loaded.config.protocol !== 'paper') return '';
  const inScope = setAside.filter((entry) => prefixes.some((prefix) => entry.key.startsWith(prefix)));
  const aside =
    inScope.length === 0
      ? ''
      : `; set aside from the config: ${inScope.map((entry) => `${entry.key} ${shown(entry.config)}`).join(', ')}`;
  return `protocol paper: the authors’ settings (generate or evaluate --dry-run lists them)${aside}\n`;
}
