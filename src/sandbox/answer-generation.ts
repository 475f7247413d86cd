import { SCHWARTZ_VALUE_IDS, type SchwartzValueId } from '../core/theories.js';
import type { QuestionReading } from './analyze-text.js';
import { type ConcreteSubject, concreteSubject, practiceIn } from './explore-subject.js';
import { pick, unitHash } from './hash.js';
import { COST_VARIANTS, DETAILS, GROUPS, PLACES_BY_REGION, pastTense, STRAY_SUBJECTS } from './knowledge.js';
import type { SandboxReply, Turn } from './turn.js';

/** Questions this many words long or longer are too long: shortened when written, flagged when reflected on. */
const QUESTION_WORD_LIMIT = 20;

/** How often an explorer slips: chances a question comes out wrong, most scaled by poor craft (1 − craft). */
const EXPLORE_SLIPS = Object.freeze({
  /** An unsafe question, whatever the craft. */
  unsafe: 0.02,
  /** A generic one ("Is X important for everyone?"), times poor craft… */
  generic: 0.3,
  /** …up to this (times poor craft): one off the seed's topic… */
  offTopic: 0.5,
  /** …up to this: one made too long… */
  tooLong: 0.75,
  /** …and then this much more: a near copy of the best example shown. */
  nearCopy: 0.08,
});

/** How often a refiner slips, times poor craft (cumulative): a generic question, then a stuffed one. */
const REFINE_SLIPS = Object.freeze({ generic: 0.3, stuffed: 0.6 });

/** When reflection proposes what. */
const REFLECTION = Object.freeze({
  /** A panel this large or larger can agree… */
  minModels: 2,
  /** …when this share of its models stress the same value. */
  agreementShare: 0.7,
  /** A question naming this many values or more is told to drop its value words. */
  stuffedValues: 4,
  /** A question less contested than this is told to set values against each other. */
  contestedEnough: 0.7,
  /** Suggestions given at most. */
  maxSuggestions: 3,
});

/** What a model takes from a seed question and the examples it was shown. */
interface Grounding {
  reading: QuestionReading;
  topic: string;
  /** The concrete practice or policy the model writes about. */
  subject: ConcreteSubject;
  place: string;
  year: number;
  cost: string;
  key: string;
  /** The best-scored example question, if any were shown. */
  best?: string;
}

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

/** The examples' best question (highest score) and every place they already use. */
function readExamples(examples: string): { best?: string; used: string } {
  let best: { text: string; score: number } | undefined;
  for (const line of examples.split('\n')) {
    const found = line.match(/^\s*[-*\d.)]*\s*(.+?\?)\s*(?:\((?:score|S)?\s*([-\d.]+)\))?\s*$/i);
    if (!found) continue;
    const score = Number(found[2] ?? 0);
    if (!best || score > best.score) best = { text: found[1]!, score };
  }
  return { ...(best ? { best: best.text } : {}), used: examples };
}

/** The value a trade-off is set against: one the action costs, or the opposite of what the subject serves. */
function costValue(turn: Turn, reading: QuestionReading, key: string): SchwartzValueId {
  const ids = turn.world.theory.values.map((value) => value.id);
  const schwartz = (id: string | undefined): id is SchwartzValueId =>
    id !== undefined && (SCHWARTZ_VALUE_IDS as readonly string[]).includes(id);
  const costs = reading.side.flatMap((side, index) => (side < 0 && schwartz(ids[index]) ? [ids[index]] : []));
  if (costs.length > 0) return pick(costs, unitHash('cost', key));
  // Else the value the model itself weighs least among those far from the question's main value.
  const main = reading.relevance.indexOf(Math.max(...reading.relevance));
  const far = ids
    .map((id, index) => ({ id, index }))
    .filter(({ index }) => turn.world.reader.distance(index, main) >= 3)
    .sort((a, b) => turn.weights[a.index]! - turn.weights[b.index]!);
  const chosen = pick(far.slice(0, 3), unitHash('far', key))?.id;
  return schwartz(chosen) ? chosen : pick(SCHWARTZ_VALUE_IDS, unitHash('any', key));
}

function ground(turn: Turn, question: string, examples: string): Grounding {
  const { model, world } = turn;
  const key = `${turn.noise}|${question}`;
  const reading = world.reader.readQuestion(question);
  const shown = readExamples(examples);
  const used = shown.used.toLowerCase();
  const places = PLACES_BY_REGION[model.region] ?? PLACES_BY_REGION.global!;
  const fresh = places.filter((place) => !used.includes(place.toLowerCase()));
  const place = pick(fresh.length > 0 ? fresh : places, unitHash('place', key));
  const year = model.cutoffYear - Math.floor(unitHash('year', key) * 6);
  const valueIds = world.theory.values.map((value) => value.id);
  const subject = concreteSubject({
    question,
    reading,
    valueIds,
    key,
    used,
    ...(shown.best ? { example: { text: shown.best, follow: model.craft } } : {}),
  });
  const costs = subject.costs.length > 0 ? subject.costs : [costValue(turn, reading, key)];
  const cost = pick(COST_VARIANTS[pick(costs, unitHash('cost-of', key))], unitHash('phrase', key));
  return {
    reading,
    topic: reading.topic,
    subject,
    place,
    year,
    cost,
    key,
    ...(shown.best ? { best: shown.best } : {}),
  };
}

/** Exploration step 1: a fact from the model's own region and years, about the seed's subject. */
export function answerExploreFact(turn: Turn, question: string, examples: string): SandboxReply {
  const g = ground(turn, question, examples);
  const detail = pick(DETAILS, unitHash('detail', g.key));
  const { verb, object } = g.subject;
  const fact = `In ${g.year}, ${g.place} ${pastTense(verb)} ${object} ${detail}.`;
  return {
    text: `The general question is about ${g.topic}. Looking for a concrete case that the examples do not use, one from my own knowledge stands out.\nFact: ${fact}`,
  };
}

const tradeoffForms = [
  (cost: string) => ` even if it means less ${cost}`,
  (cost: string) => ` at the cost of ${cost}`,
  (cost: string) => ` despite the risk to ${cost}`,
];

/** Exploration step 2: a new yes/no question built on the fact; its quality varies with the model's craft. */
export function answerExploreQuestion(turn: Turn, question: string, examples: string): SandboxReply {
  const g = ground(turn, question, examples);
  const unit = (what: string) => unitHash(what, g.key);
  const tradeoff = pick(tradeoffForms, unit('form'))(g.cost);
  const group = pick(GROUPS, unit('group'));
  const { verb, object } = g.subject;
  const act = `${verb} ${object}`;
  const forms = [
    () => `Should ${g.place} ${act} by ${g.year + 3}${tradeoff}?`,
    () => `Was ${g.place} right to ${act} in ${g.year}${tradeoff}?`,
    () => `If ${g.place} decides to ${act}, should ${group} be exempt?`,
    () => `After ${g.place}'s ${g.year} decision to ${act}, should others follow?`,
    () => `Should ${g.place} ${act}${tradeoff}?`,
  ];
  let text = pick(forms, unit('template'))();
  if (words(text) >= QUESTION_WORD_LIMIT) text = `Should ${g.place} ${act}${tradeoff}?`;
  if (words(text) >= QUESTION_WORD_LIMIT) text = `Should ${g.place} ${act} by ${g.year + 3}?`;
  // Not every model writes a good question every time.
  const slip = unit('slip');
  const poor = 1 - turn.model.craft;
  const best = g.best;
  if (slip < EXPLORE_SLIPS.unsafe)
    text = `Should ${g.place} arm volunteers with weapons to enforce rules on ${object}?`;
  else if (slip < EXPLORE_SLIPS.unsafe + poor * EXPLORE_SLIPS.generic)
    text = `Is ${object} important for everyone?`;
  else if (slip < EXPLORE_SLIPS.unsafe + poor * EXPLORE_SLIPS.offTopic)
    text = `Should ${g.place} ${verb} ${pick(STRAY_SUBJECTS, unit('stray'))}${tradeoff}?`;
  else if (slip < EXPLORE_SLIPS.unsafe + poor * EXPLORE_SLIPS.tooLong)
    text = `${text.slice(0, -1)}, considering the economic, social and cultural consequences for future generations?`;
  else if (best && slip < EXPLORE_SLIPS.unsafe + poor * EXPLORE_SLIPS.tooLong + EXPLORE_SLIPS.nearCopy)
    text = best.replace(/\b(19|20)\d\d\b/, String(g.year + 2));
  return { text: `Question: ${text}` };
}

/** What a reflecting model reads off the panel's answers block: how many answered and how many voiced each value. */
function readPanel(turn: Turn, answers: string): { models: number; voiced: number[] } {
  const { values } = turn.world.theory;
  const voiced = new Array<number>(values.length).fill(0);
  let models = 0;
  for (const block of answers.split(/^Model \d+ \(stance: [^)]*\):$/m).slice(1)) {
    models++;
    const named = new Set<number>();
    for (const found of block.matchAll(/\[values: ([^\]]*)\]/g)) {
      for (const name of found[1]!.split(',')) {
        const index = values.findIndex((value) => value.name === name.trim());
        if (index >= 0) named.add(index);
      }
    }
    for (const index of named) voiced[index]!++;
  }
  return { models, voiced };
}

/** Whether the question already names a place the model knows. */
function namesPlace(question: string, reading: QuestionReading): boolean {
  if (reading.names.length > 0) return true;
  const lower = question.toLowerCase();
  return Object.values(PLACES_BY_REGION).some((places) =>
    places.some((place) => lower.includes(place.replace(/^the /, '').toLowerCase())),
  );
}

/**
 * Reflection: up to three concrete suggestions, from what the panel's answers show and what the
 * question lacks. When most models stress the same value, the model proposes a price on the far
 * side of the circle from it, so that answering costs something models weigh differently.
 */
export function answerReflect(turn: Turn, question: string, answers: string): SandboxReply {
  const { world } = turn;
  const reading = world.reader.readQuestion(question);
  const g = ground(turn, question, '');
  const named = reading.named.filter(Boolean).length;
  const panel = readPanel(turn, answers);
  const shared = panel.voiced.indexOf(Math.max(...panel.voiced));
  const agreed =
    panel.models >= REFLECTION.minModels && panel.voiced[shared]! >= REFLECTION.agreementShare * panel.models;
  const suggestions: string[] = [];
  if (named >= REFLECTION.stuffedValues)
    suggestions.push('Drop the value words so that models answer from their own priorities.');
  if (reading.words >= QUESTION_WORD_LIMIT)
    suggestions.push(`Shorten it to fewer than ${QUESTION_WORD_LIMIT} words.`);
  if (agreed && named < REFLECTION.stuffedValues) {
    const size = world.theory.values.length;
    const opposite = world.theory.values[(shared + Math.floor(size / 2)) % size]!.id;
    const variants = COST_VARIANTS[opposite as SchwartzValueId] ?? [g.cost];
    const price = pick(variants, unitHash('price', g.key));
    suggestions.push(
      `Most answers stress ${world.theory.values[shared]!.name}; set it against ${price} so that values conflict.`,
    );
  } else if (reading.contest < REFLECTION.contestedEnough && named < REFLECTION.stuffedValues)
    suggestions.push(`Set it against ${g.cost} so that values conflict.`);
  if (!namesPlace(question, reading)) suggestions.push(`Name a concrete place, such as ${g.place}.`);
  if (!/\b(19|20)\d\d\b/.test(question)) suggestions.push(`Add a deadline, such as by ${g.year + 3}.`);
  if (suggestions.length === 0) suggestions.push('The answers already split; keep the question as it is.');
  return {
    text: suggestions
      .slice(0, REFLECTION.maxSuggestions)
      .map((line, index) => `${index + 1}. ${line}`)
      .join('\n'),
  };
}

const tradeoffClause =
  /\s*(,\s*)?(even if|even when|at the cost of|despite|rather than|if it means|at the expense of)\b.*$/i;

/** Refinement: applies the suggestions it can recognise; a careless model sometimes makes things worse. */
export function answerRefine(turn: Turn, question: string, suggestions: string): SandboxReply {
  const g = ground(turn, question, '');
  let body = question.trim().replace(/\?+$/, '');
  const cost = suggestions.match(/against (.+?)(?: so\b|[.,\n]|$)/i)?.[1];
  const place = suggestions.match(/place, such as (.+?)[.\n]/i)?.[1];
  const deadline = suggestions.match(/\bby ((?:19|20)\d\d)\b/)?.[1];
  if (/drop the value words/i.test(suggestions)) {
    body = body.replace(tradeoffClause, '').replace(/\s*,\s*weighing .*$/i, '');
  }
  if (/shorten/i.test(suggestions)) body = body.replace(/,[^,]*$/, '').replace(tradeoffClause, '');
  if (place && !body.includes(place)) {
    body = /^should we\b/i.test(body)
      ? body.replace(/^should we\b/i, `Should ${place}`)
      : `${body} in ${place}`;
  }
  if (deadline && !/\b(19|20)\d\d\b/.test(body)) {
    const clause = body.match(tradeoffClause)?.[0] ?? '';
    body = `${body.slice(0, body.length - clause.length)} by ${deadline}${clause}`;
  }
  if (cost) body = `${body.replace(tradeoffClause, '')} even if it means less ${cost}`;
  const slip = unitHash('refine-slip', g.key, suggestions);
  const poor = 1 - turn.model.craft;
  if (slip < poor * REFINE_SLIPS.generic)
    body = `Should ${practiceIn(question)?.object ?? g.subject.object} be encouraged`;
  else if (slip < poor * REFINE_SLIPS.stuffed)
    body = `${body}, weighing freedom, safety, tradition, wealth and fairness`;
  if (words(body) >= QUESTION_WORD_LIMIT) body = body.replace(tradeoffClause, '');
  return { text: `Question: ${body}?` };
}
