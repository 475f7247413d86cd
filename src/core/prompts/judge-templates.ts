import type { ChatMessage } from '../provider.js';
import type { ValueTheory } from '../value-theory.js';
import { definePrompt, definePromptFamily, type PromptTemplate } from './define-prompt.js';
import { CODEBOOKS, codebookOf } from './judge-codebook.js';
import { type JudgePrompt, JudgePromptSchema, judgePromptFor } from './judge-prompt.js';

/** The judge's optional context line: empty by default (the paper's judge sees the text alone). */
export function formatJudgeContext(question: string | undefined): string {
  return question === undefined ? '' : `Question under discussion: ${question}\n`;
}

/**
 * The judge's `codebook` system message, the same in every judge call of a run: the codebook of the
 * theory's values, then the rules for deciding. Everything that varies — the key point, the question
 * when shown, the value asked about — comes after it, in the user message, so the whole system
 * message is a prefix the providers can cache (docs/batch.md#prompt-caching).
 */
const codebookSystem = [
  'You label which human values a short opinion reflects, using the {{theory_name}} theory.',
  '',
  'The values:',
  '{{definitions}}',
  '',
  'How to decide:',
  '- Judge the reasons the text gives. A value is reflected when the text appeals to its goal as something that matters — as a concern, a reason, a benefit at stake or a harm to avoid — whether or not it names the value.',
  '- Read the key point and its justification together; the justification often carries the value.',
  '- A word is not a value: a term that happens to match a value’s name, or the topic of the discussion, reflects nothing by itself.',
  '- A text may reflect several values, or none. Do not force a value onto a factual or procedural text, and do not add values that only the topic suggests.',
  '- When neighbouring values both seem to fit, use the definitions to find the goal the text actually invokes; mark both only when it invokes both.',
  '- A yes, no or neutral position is not a value; judge the reasons behind it.',
  '- Judge what the text says, not what its author might also believe.',
].join('\n');

/**
 * The judge's `definitions` system message: one line per value, word for word the prompt adaem
 * sent before the codebook existed (so its hash is the one those runs recorded).
 */
const definitionsSystem = [
  'You label which human values a short opinion reflects, using the {{theory_name}} theory.',
  'Its values:',
  '{{definitions}}',
].join('\n');

const judgeValueUser = [
  '{{context}}Opinion: {{opinion}}',
  '',
  'Does this opinion reflect the value {{value_name}}? Answer Yes or No.',
].join('\n');
const judgeBatchedUser = ['{{context}}Opinion: {{opinion}}', '', 'Value ids: {{value_ids}}'].join('\n');
const batchedInstruction =
  'For each value decide whether the opinion reflects it. Reply with JSON only: {"values": {"<value id>": true or false, ...}} covering every value id.';

type JudgeValueVariables = 'theory_name' | 'definitions' | 'context' | 'opinion' | 'value_name';
type JudgeBatchedVariables = 'theory_name' | 'definitions' | 'context' | 'opinion' | 'value_ids';

/** The judge's templates under each `judgePrompt` setting; the codebook's text is part of its hashes. */
const JUDGE_TEMPLATES = {
  definitions: {
    value: definePrompt<JudgeValueVariables, 'context'>({
      id: 'judge-value',
      defaults: { context: '' },
      messages: [
        { role: 'system', text: `${definitionsSystem}\nReply with one word: Yes or No.` },
        { role: 'user', text: judgeValueUser },
      ],
    }),
    batched: definePrompt<JudgeBatchedVariables, 'context'>({
      id: 'judge-batched',
      defaults: { context: '' },
      messages: [
        { role: 'system', text: `${definitionsSystem}\n${batchedInstruction}` },
        { role: 'user', text: judgeBatchedUser },
      ],
    }),
  },
  codebook: {
    value: definePrompt<JudgeValueVariables, 'context'>({
      id: 'judge-value',
      defaults: { context: '' },
      hashAlso: CODEBOOKS,
      messages: [
        { role: 'system', text: `${codebookSystem}\n\nReply with one word: Yes or No.` },
        { role: 'user', text: judgeValueUser },
      ],
    }),
    batched: definePrompt<JudgeBatchedVariables, 'context'>({
      id: 'judge-batched',
      defaults: { context: '' },
      hashAlso: CODEBOOKS,
      messages: [
        { role: 'system', text: `${codebookSystem}\n\n${batchedInstruction}` },
        { role: 'user', text: judgeBatchedUser },
      ],
    }),
  },
} as const satisfies Record<JudgePrompt, { value: PromptTemplate; batched: PromptTemplate }>;

/**
 * Per-value judging: one Yes/No call per (opinion, value) (the paper's protocol); also used for
 * `logprob`. `context` is empty unless the judge is configured to see the question. Renders the
 * `definitions` wording and recognises both (`renderJudgePrompt` sends the configured one).
 */
export const judgeValuePrompt = definePromptFamily({
  id: 'judge-value',
  variants: { definitions: JUDGE_TEMPLATES.definitions.value, codebook: JUDGE_TEMPLATES.codebook.value },
  render: 'definitions',
});

/** Batched judging: one structured-output call per opinion returning every value (both wordings, as above). */
export const judgeBatchedPrompt = definePromptFamily({
  id: 'judge-batched',
  variants: {
    definitions: JUDGE_TEMPLATES.definitions.batched,
    codebook: JUDGE_TEMPLATES.codebook.batched,
  },
  render: 'definitions',
});

/** What one judge call reads: the key point, the context line, and (per value) the value asked about. */
interface JudgeCall {
  theory: ValueTheory;
  /** The configured `judgePrompt`; `codebook` falls back to `definitions` for theories without one. */
  prompt: JudgePrompt;
  opinion: string;
  /** `formatJudgeContext(…)`; empty unless the judge sees the question. @default "" */
  context?: string;
}

/** The messages of one batched judge call, in the wording `prompt` chooses for the theory. */
export function renderJudgeBatched(call: JudgeCall): ChatMessage[] {
  const used = judgePromptFor(call.prompt, call.theory).used;
  return JUDGE_TEMPLATES[used].batched.render({
    theory_name: call.theory.name,
    definitions: formatDefinitions(call.theory, used),
    context: call.context ?? '',
    opinion: call.opinion,
    value_ids: call.theory.values.map((value) => value.id).join(', '),
  });
}

/** The messages of one per-value judge call (the value named `valueName`). */
export function renderJudgeValue(call: JudgeCall & { valueName: string }): ChatMessage[] {
  const used = judgePromptFor(call.prompt, call.theory).used;
  return JUDGE_TEMPLATES[used].value.render({
    theory_name: call.theory.name,
    definitions: formatDefinitions(call.theory, used),
    context: call.context ?? '',
    opinion: call.opinion,
    value_name: call.valueName,
  });
}

/** The hashes of the judge's two templates under one prompt, as run manifests record them. */
export function judgeHashes(prompt: JudgePrompt): { 'judge-value': string; 'judge-batched': string } {
  return {
    'judge-value': JUDGE_TEMPLATES[prompt].value.hash,
    'judge-batched': JUDGE_TEMPLATES[prompt].batched.hash,
  };
}

/**
 * The judge prompt a stored run sent, read from the prompt hashes its manifest recorded; undefined
 * when they are neither wording's (another version of the codebook, a template changed since). For
 * runs stored before `judgePrompt` was a setting: those judged since the codebook recorded its hashes
 * and no setting, and their config would otherwise read as the default.
 */
export function judgePromptOfHashes(hashes: Readonly<Record<string, string>>): JudgePrompt | undefined {
  return JudgePromptSchema.options.find(
    (prompt) =>
      hashes['judge-batched'] === JUDGE_TEMPLATES[prompt].batched.hash &&
      hashes['judge-value'] === JUDGE_TEMPLATES[prompt].value.hash,
  );
}

/**
 * The values block of judge prompts. `definitions`: one "- Name (id): definition" line per value.
 * `codebook` (the built-in Schwartz theory only; other theories get the one-line form): per value its
 * definition, what belongs to it, how it differs from its neighbours and what does not count.
 * @default prompt "definitions"
 */
export function formatDefinitions(theory: ValueTheory, prompt: JudgePrompt = 'definitions'): string {
  const codebook = prompt === 'codebook' ? codebookOf(theory) : undefined;
  if (!codebook)
    return theory.values.map((value) => `- ${value.name} (${value.id}): ${value.definition}`).join('\n');
  return theory.values
    .map((value) => {
      const entry = codebook[value.id]!;
      return [
        `${value.name} (${value.id}): ${value.definition}`,
        `  Includes: ${entry.includes}`,
        `  Not to confuse: ${entry.boundaries}`,
        `  Does not count: ${entry.excludes}`,
      ].join('\n');
    })
    .join('\n\n');
}
