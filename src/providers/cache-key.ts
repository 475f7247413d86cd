import { createHash } from 'node:crypto';
import type { ChatRequest } from '../core/provider.js';

/**
 * Content address of a chat request: provider id, the provider's scope (type, endpoint, settings
 * that change answers), messages, params, output format, logprobs and sample index.
 */
export function cacheKey(providerId: string, request: ChatRequest, scope = ''): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        providerId,
        scope,
        request.messages,
        request.params ?? {},
        request.jsonSchema ?? null,
        request.topLogprobs ?? 0,
        request.sampleIndex ?? 0,
      ]),
    )
    .digest('base64url');
}
