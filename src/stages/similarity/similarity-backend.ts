import type { Provider } from '../../core/provider.js';
import { lexicalVector } from './lexical.js';
import { cosine, denseVector, type TextVector } from './text-vector.js';

/** How texts are compared for dedup, opinion diversity and the analyses; recorded in manifests. */
export interface SimilarityBackend {
  /** `lexical:wink-lemma-cosine`, or `embedding:<model id>`. */
  readonly id: string;
  /** One vector per text, in order. */
  vectors(texts: readonly string[], signal?: AbortSignal): Promise<TextVector[]>;
  similarity(a: TextVector, b: TextVector): number;
}

/** Cosine of lemma bags from wink-nlp: no model calls, works offline. Vectors are memoised per text. */
export function lexicalSimilarity(): SimilarityBackend {
  const memo = new Map<string, TextVector>();
  return {
    id: 'lexical:wink-lemma-cosine',
    async vectors(texts) {
      return texts.map((text) => {
        let vector = memo.get(text);
        if (!vector) {
          vector = lexicalVector(text);
          if (memo.size > 50_000) memo.clear();
          memo.set(text, vector);
        }
        return vector;
      });
    },
    similarity: cosine,
  };
}

/** Cosine of embeddings from a model with the `embeddings` capability (calls go through the engine). */
export function embeddingSimilarity(provider: Provider): SimilarityBackend {
  if (!provider.embed || !provider.capabilities.embeddings)
    throw new Error(`${provider.id} cannot make embeddings`);
  const embed = provider.embed.bind(provider);
  return {
    id: `embedding:${provider.id}`,
    async vectors(texts, signal) {
      if (texts.length === 0) return [];
      const result = await embed({ texts: [...texts], signal });
      if (result.vectors.length !== texts.length)
        throw new Error(
          `${provider.id} returned ${result.vectors.length} embeddings for ${texts.length} texts`,
        );
      return result.vectors.map(denseVector);
    },
    similarity: cosine,
  };
}
