import { z } from 'zod';

/** What a chat request to a model may carry: its token limit field, sampling controls and budget. */
export const ModelProtocolSchema = z.strictObject({
  /** Name of the output-token limit field. */
  tokenParameter: z.enum(['max_tokens', 'max_completion_tokens']),
  /** Whether temperature and top_p are accepted (reasoning models reject them). */
  sampling: z.boolean(),
  /** Whether token log-probabilities are available. */
  logprobs: z.boolean(),
  /** Lower bound on the output-token limit: room for hidden reasoning before the answer. */
  minOutputTokens: z.number().int().min(0),
});
export type ModelProtocol = z.infer<typeof ModelProtocolSchema>;

const STANDARD: ModelProtocol = {
  tokenParameter: 'max_tokens',
  sampling: true,
  logprobs: true,
  minOutputTokens: 0,
};

const REASONING: ModelProtocol = {
  tokenParameter: 'max_completion_tokens',
  sampling: false,
  logprobs: false,
  minOutputTokens: 4000,
};

/**
 * Model families by name, first match wins: OpenAI's o-series and GPT-5 family reason before they
 * answer, take `max_completion_tokens`, reject temperature/top_p and give no log-probabilities.
 */
export const MODEL_FAMILIES: readonly { family: string; pattern: RegExp; protocol: ModelProtocol }[] = [
  { family: 'o-series reasoning', pattern: /^(?:.*\/)?o\d+(?:-|$)/i, protocol: REASONING },
  { family: 'gpt-5 reasoning', pattern: /^(?:.*\/)?gpt-5(?!-chat)/i, protocol: REASONING },
  { family: 'chat', pattern: /.*/, protocol: STANDARD },
];

/** The protocol of an OpenAI-compatible model: its family's from the table, with a config override on top. */
export function modelProtocol(
  model: string,
  override: Partial<ModelProtocol> = {},
): ModelProtocol & { family: string } {
  const entry = MODEL_FAMILIES.find((candidate) => candidate.pattern.test(model))!;
  return { family: entry.family, ...entry.protocol, ...override };
}

/** The request fields a protocol sends for the given sampling settings (undefined fields are left out). */
export function protocolFields(
  protocol: ModelProtocol,
  params: { temperature?: number; topP?: number; maxTokens?: number },
): Record<string, number | undefined> {
  const limit =
    params.maxTokens === undefined && protocol.minOutputTokens === 0
      ? undefined
      : Math.max(params.maxTokens ?? 0, protocol.minOutputTokens);
  return {
    [protocol.tokenParameter]: limit,
    ...(protocol.sampling ? { temperature: params.temperature, top_p: params.topP } : {}),
  };
}

/** One line saying what a protocol sends, for `adaem models check`. */
export function describeProtocol(protocol: ModelProtocol & { family: string }, maxTokens: number): string {
  const fields = protocolFields(protocol, { maxTokens, temperature: 0 });
  return [
    protocol.family,
    `${protocol.tokenParameter}=${fields[protocol.tokenParameter]}`,
    protocol.sampling ? 'temperature/top_p' : 'no temperature/top_p',
  ].join(', ');
}
