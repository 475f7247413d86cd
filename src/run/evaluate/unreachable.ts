import type { AdaemConfig } from '../../core/config.js';
import { AdaemError, isProviderError } from '../../core/errors.js';
import type { Provider } from '../../core/provider.js';
import { networkErrorCode } from '../../providers/retry.js';
import { endpointOf, reasonWithoutModel } from './failures.js';

/** Network error codes worth naming in words. */
const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found (DNS)',
};

/**
 * Why a failed call says its model cannot be reached at all — no connection (refused, unknown
 * host) or an endpoint that does not know the model (HTTP 404) — or undefined for other failures.
 */
export function unreachableCause(error: unknown): string | undefined {
  if (!isProviderError(error)) return undefined;
  const reason = reasonWithoutModel(error.message, error.providerId);
  if (error.status === 404) return reason;
  if (error.code !== 'connection') return undefined;
  const cause = NETWORK_CAUSES[networkErrorCode(error) ?? ''];
  const detail = /^connection failed \((.*)\)$/.exec(reason)?.[1];
  return cause ? `${cause} (${detail ?? reason})` : reason;
}

interface Reach {
  role: string;
  answered: boolean;
  failures: number;
  cause?: string;
}

/**
 * Watches the calls of a run's models: which ones have answered, and which have only failed in ways
 * that say they cannot be reached. A model that never answered is "dead" once enough calls failed so.
 */
export function createReachWatch(config: AdaemConfig) {
  const models = new Map<string, Reach>();
  const reachOf = (modelId: string, role: string): Reach => {
    const found = models.get(modelId) ?? { role, answered: false, failures: 0 };
    models.set(modelId, found);
    return found;
  };
  return {
    /** The provider with its calls watched. */
    watch(provider: Provider, role: string): Provider {
      return {
        ...provider,
        chat: async (request) => {
          const reach = reachOf(provider.id, role);
          try {
            const result = await provider.chat(request);
            reach.answered = true;
            return result;
          } catch (error) {
            const cause = unreachableCause(error);
            if (cause !== undefined) {
              reach.failures++;
              reach.cause = cause;
            }
            throw error;
          }
        },
      };
    },
    /** The error that stops the run when a model never answered and `minFailures` calls found it unreachable. */
    deadModel(minFailures: number, runId: string): AdaemError | undefined {
      for (const [modelId, reach] of models) {
        if (reach.answered || reach.failures < minFailures || reach.cause === undefined) continue;
        const endpoint = endpointOf(config, modelId);
        return new AdaemError(
          `${modelId} (${reach.role}) cannot be reached${endpoint ? ` at ${endpoint}` : ''}: ${reach.cause}; every call to it failed, so the run stopped — fix it (adaem models check) and resume with --resume ${runId}`,
          { code: 'unreachable' },
        );
      }
      return undefined;
    },
  };
}
