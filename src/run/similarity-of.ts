import type { AdaemConfig } from '../core/config.js';
import { ConfigError } from '../core/errors.js';
import type { Engine } from '../providers/engine.js';
import {
  embeddingSimilarity,
  lexicalSimilarity,
  type SimilarityBackend,
} from '../stages/similarity/similarity-backend.js';

/** The similarity backend a config asks for: embeddings from the `embedder` model, else lexical. */
export function similarityBackendOf(config: AdaemConfig, engine: Engine): SimilarityBackend {
  const choice = config.generate.similarity;
  const embedder = config.models.find((model) => model.roles.includes('embedder'))?.id;
  if (choice === 'lexical' || (choice === 'auto' && !embedder)) return lexicalSimilarity();
  if (!embedder)
    throw new ConfigError('generate.similarity is "embedding" but no model has the embedder role');
  const provider = engine.provider(embedder, 'embedder');
  if (!provider.capabilities.embeddings || !provider.embed)
    throw new ConfigError(`${embedder} has the embedder role but its provider cannot make embeddings`);
  return embeddingSimilarity(provider);
}
