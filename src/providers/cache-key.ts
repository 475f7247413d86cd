import { createHash } from 'node:crypto';
import type { ChatRequest } from '../core/provider.js';

/** Content address of a chat request: provider id, messages, params, output format, logprobs and sample index. */
export function cacheKey(providerId: string, request: ChatRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        providerId,
        request.messages,
        request.params ?? {},
        request.jsonSchema ?? null,
        request.topLogprobs ?? 0,
        request.sampleIndex ?? 0,
      ]),
    )
    .digest('base64url');
}
