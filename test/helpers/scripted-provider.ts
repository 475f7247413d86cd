import { PROMPTS, type PromptId } from '../../src/core/prompts/templates.js';
import type { ChatRequest, ChatResult, Provider } from '../../src/core/provider.js';

/** Replies of a scripted model, by prompt id: a text, or a function of the prompt's variables. */
export type Script = Partial<Record<PromptId, string | ((variables: Record<string, string>) => string)>>;

/** The ids of the prompts the scripted model was asked, in order (to count calls per step). */
export interface ScriptedProvider extends Provider {
  asked: PromptId[];
}

/**
 * A model that answers adaem's prompts from a script (recognising each template), for tests of the
 * stages: a prompt the script does not cover fails loudly.
 */
export function scriptedProvider(id: string, script: Script): ScriptedProvider {
  const asked: PromptId[] = [];
  return {
    id,
    asked,
    capabilities: { chat: true, embeddings: false, logprobs: false, jsonSchema: true },
    async chat(request: ChatRequest): Promise<ChatResult> {
      for (const promptId of Object.keys(PROMPTS) as PromptId[]) {
        const variables = PROMPTS[promptId].match(request.messages) as Record<string, string> | undefined;
        if (!variables) continue;
        const reply = script[promptId];
        if (reply === undefined) throw new Error(`${id} has no script for the ${promptId} prompt`);
        asked.push(promptId);
        const text = typeof reply === 'function' ? reply(variables) : reply;
        return { text, usage: { inputTokens: 10, outputTokens: 10 }, model: id };
      }
      throw new Error(`${id} got a prompt adaem does not send`);
    },
  };
}

/** A batched judge that reads values from keywords: each keyword found marks its value expressed. */
export function keywordJudge(
  keywords: Record<string, string>,
  valueIds: readonly string[],
): ScriptedProvider {
  return scriptedProvider('script:judge', {
    'judge-batched': (variables) => {
      const text = variables.opinion!.toLowerCase();
      const values = Object.fromEntries(valueIds.map((id) => [id, false]));
      for (const [word, id] of Object.entries(keywords)) if (text.includes(word)) values[id] = true;
      return JSON.stringify({ values });
    },
  });
}
