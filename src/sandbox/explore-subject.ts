import type { SchwartzValueId } from '../core/theories.js';
import type { QuestionReading } from './analyze-text.js';
import { pick, unitHash } from './hash.js';
import { baseVerb } from './knowledge.js';
import { readTokens } from './nlp.js';
import { type Practice, SUBJECT_AREAS, type SubjectArea } from './practices.js';

/** The concrete thing an explorer writes about: a policy verb and the noun phrase it acts on. */
export interface ConcreteSubject {
  verb: string;
  object: string;
  /** Values a "yes" would cost (a trade-off is set against one of them), empty when unknown. */
  costs: readonly SchwartzValueId[];
}

function lemmasOf(text: string): string[] {
  return readTokens(text).map((token) => token.lemma);
}

function contains(lemmas: string[], phrase: string): boolean {
  return ` ${lemmas.join(' ')} `.includes(` ${phrase} `);
}

/**
 * The subject areas a question may be about: those whose words (triggers and practice subjects)
 * it uses most; with none, the three whose practices most often engage the value the question
 * leans to most.
 */
export function areasOf(
  question: string,
  reading: QuestionReading,
  valueIds: readonly string[],
): SubjectArea[] {
  const lemmas = lemmasOf(question);
  const scored = SUBJECT_AREAS.map((area) => ({
    area,
    hits:
      lemmas.filter((lemma) => area.triggers.has(lemma)).length +
      2 * area.practices.filter((practice) => contains(lemmas, practice.key)).length,
  }));
  const best = Math.max(...scored.map((entry) => entry.hits));
  if (best > 0) return scored.filter((entry) => entry.hits === best).map((entry) => entry.area);
  const main = valueIds[reading.relevance.indexOf(Math.max(...reading.relevance))] ?? '';
  const engages = (practice: Practice) =>
    (practice.serves as readonly string[]).includes(main) ||
    (practice.costs as readonly string[]).includes(main);
  return SUBJECT_AREAS.map((area) => ({ area, count: area.practices.filter(engages).length }))
    .sort((a, b) => b.count - a.count)
    .slice(0, 3)
    .map((entry) => entry.area);
}

/** A practice named in a question, if any (its subject's lemmas occur in the question). */
export function practiceIn(question: string): Practice | undefined {
  const lemmas = lemmasOf(question);
  for (const area of SUBJECT_AREAS)
    for (const practice of area.practices) if (contains(lemmas, practice.key)) return practice;
  return undefined;
}

/** The seed's own subject as a policy object, when the seed already asks for an action on a known subject. */
function ownSubject(question: string, reading: QuestionReading): ConcreteSubject | undefined {
  if (!reading.action || !reading.subject || reading.topic.split(' ').length > 4) return undefined;
  // The subject the model knows must be the one the seed acts on ("online gaming", not "children … online").
  if (!reading.topic.toLowerCase().includes(reading.subject.split(' ')[0]!.slice(0, 4))) return undefined;
  const article = new RegExp(`\\bthe ${reading.topic}`, 'i').test(question) ? 'the ' : '';
  return { verb: baseVerb(reading.action), object: `${article}${reading.topic}`, costs: [] };
}

/**
 * What a model writes about, given a seed: a concrete practice from the seed's subject area that
 * the shown examples do not already use, or (for a seed that is already concrete) sometimes the
 * seed's own subject.
 */
export function concreteSubject(options: {
  question: string;
  reading: QuestionReading;
  valueIds: readonly string[];
  key: string;
  used: string;
  /** The best-scored question among the shown examples, and how readily the model follows it (0..1). */
  example?: { text: string; follow: number };
}): ConcreteSubject {
  const { question, reading, key } = options;
  const own = ownSubject(question, reading);
  if (own && unitHash('own', key) < 0.7) return own;
  const areas = areasOf(question, reading, options.valueIds);
  const isFresh = (practice: Practice) => !options.used.includes(practice.object.toLowerCase());
  // Shown a well-scored example, a model often writes about a practice debated like it (the same
  // values on the same sides), from any of the seed's areas.
  const liked = options.example && practiceIn(options.example.text);
  if (liked && unitHash('follow', key) < options.example!.follow) {
    const candidates = areas.flatMap((area) => area.practices).filter(isFresh);
    if (candidates.length > 0) {
      const likeness = (practice: Practice) => debateLikeness(practice, liked);
      const closest = Math.max(...candidates.map(likeness));
      const chosen = pick(
        candidates.filter((practice) => likeness(practice) === closest),
        unitHash('like', key),
      );
      return { verb: chosen.verb, object: chosen.object, costs: chosen.costs };
    }
  }
  const area = pick(areas, unitHash('area', question, key));
  const fresh = area.practices.filter(isFresh);
  const practice = pick(fresh.length > 0 ? fresh : area.practices, unitHash('practice', key));
  return { verb: practice.verb, object: practice.object, costs: practice.costs };
}

/** How alike two practices' debates are: values on the same side count, values on opposite sides count against. */
function debateLikeness(a: Practice, b: Practice): number {
  const count = (values: readonly SchwartzValueId[], of: readonly SchwartzValueId[]) =>
    values.filter((value) => of.includes(value)).length;
  return (
    count(a.serves, b.serves) + count(a.costs, b.costs) - count(a.serves, b.costs) - count(a.costs, b.serves)
  );
}
