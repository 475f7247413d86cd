import type { AdaemConfig } from '../../core/config.js';
import { redactUrl } from '../../core/config-secrets.js';
import { ConfigError } from '../../core/errors.js';
import { resolveModel } from '../../providers/registry.js';
import type { JudgementRecord, ResponseRecord } from '../../store/index.js';

/** The most frequent failure of a run's answers and judgements: which model, where, and why. */
export interface DominantFailure {
  modelId: string;
  role: 'examinee' | 'judge';
  /** Where the model is served (a redacted base URL, a model file), when it is not in-process. */
  endpoint: string | null;
  /** The error text, without the model id it starts with. */
  reason: string;
  /** Failed answers and judgements with this model, role and reason. */
  count: number;
  /** Failed answers and judgements of the run in all. */
  failed: number;
}

/** Where the APIs of a provider type are, when the config gives no base URL. */
const DEFAULT_ENDPOINTS: Partial<Record<string, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

/** Where a model is served (its provider's base URL, secrets redacted; a GGUF file); null in-process or unknown. */
export function endpointOf(config: AdaemConfig, modelId: string): string | null {
  try {
    const resolved = resolveModel(config, modelId);
    if (resolved.type === 'llama-cpp') return resolved.model;
    const url = resolved.providerConfig.baseURL ?? DEFAULT_ENDPOINTS[resolved.type];
    return url === undefined ? null : redactUrl(url);
  } catch (error) {
    // A provider the stored config no longer resolves has no endpoint to name.
    if (error instanceof ConfigError) return null;
    throw error;
  }
}

/** An error text without the `model: ` it starts with (the model is named apart). */
export function reasonWithoutModel(reason: string, modelId: string): string {
  return reason.startsWith(`${modelId}: `) ? reason.slice(modelId.length + 2) : reason;
}

type Tally = Pick<DominantFailure, 'modelId' | 'role' | 'reason' | 'count'>;

/** The failure that most of a run's failed answers and judgements share; undefined when none failed. */
export function dominantFailure(options: {
  config: AdaemConfig;
  responses: readonly ResponseRecord[];
  judgements: readonly JudgementRecord[];
}): DominantFailure | undefined {
  const tally = new Map<string, Tally>();
  let failed = 0;
  const count = (modelId: string, role: DominantFailure['role'], text: string): void => {
    failed++;
    const reason = reasonWithoutModel(text, modelId);
    const key = `${role}\u0000${modelId}\u0000${reason}`;
    const entry = tally.get(key) ?? { modelId, role, reason, count: 0 };
    entry.count++;
    tally.set(key, entry);
  };
  for (const row of options.responses)
    if (row.outcome.status === 'error') count(row.modelId, 'examinee', row.outcome.reason);
  for (const row of options.judgements)
    if (row.outcome.status === 'error') count(row.judgeModelId, 'judge', row.outcome.reason);
  let top: Tally | undefined;
  for (const entry of tally.values()) if (!top || entry.count > top.count) top = entry;
  if (!top) return undefined;
  return { ...top, endpoint: endpointOf(options.config, top.modelId), failed };
}
