import { ConfigError } from '../core/errors.js';
import type { Provider } from '../core/provider.js';

/**
 * The provider of `recorded:<name>` examinees, whose answers come from a file (`evaluate
 * --responses`) and are stored before the run starts: there is no model to call, so a call is a
 * ConfigError (it would mean an answer the file does not hold was asked for).
 */
export function createRecordedProvider(options: { id: string }): Provider {
  return {
    id: options.id,
    capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: false },
    async chat() {
      throw new ConfigError(
        `${options.id} is a recorded model: its answers come from evaluate --responses, and it has no model to call`,
      );
    },
  };
}
