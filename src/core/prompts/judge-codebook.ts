import { SCHWARTZ_THEORY, type SchwartzValueId } from '../theories.js';
import type { ValueTheory } from '../value-theory.js';

/** What the judge is told about one value beyond its one-line definition. */
export interface CodebookEntry {
  /** What belongs to the value: its aspects, the concerns and items that express it. */
  includes: string;
  /** How it differs from the values next to it, the confusions judges make most. */
  boundaries: string;
  /** What looks like the value and is not. */
  excludes: string;
}

/**
 * The codebook of Schwartz's ten basic values: the aspects of each value (after the items of
 * Schwartz's value surveys), how it differs from its neighbours on the circle, and what does not
 * count. Our own wording. Sent unchanged in every judge call, before anything that varies, so that
 * with the rules of the judge prompts it is a prefix the providers cache (at least 1,024 tokens).
 * See docs/batch.md#prompt-caching.
 */
export const SCHWARTZ_CODEBOOK: Record<SchwartzValueId, CodebookEntry> = {
  self_direction: {
    includes:
      'independence; freedom of thought, speech and choice; privacy as control over one’s life; creativity, curiosity; choosing one’s own goals or way of life.',
    boundaries:
      'thrill and novelty are Stimulation; equal rights for everyone are Universalism; reaching a goal others judge is Achievement.',
    excludes: 'choice named as a plain fact; innovation praised only for profit.',
  },
  stimulation: {
    includes: 'novelty, variety, excitement, challenge, adventure, daring, change welcomed for its own sake.',
    boundaries:
      'pleasure and comfort are Hedonism; exploring out of curiosity or for freedom is Self-Direction.',
    excludes: 'change argued for on other grounds (growth, efficiency, fairness).',
  },
  hedonism: {
    includes: 'pleasure, enjoyment, fun, leisure, comfort; enjoying food, play, art or entertainment.',
    boundaries:
      'health and physical safety are Security; the happiness of people one cares for is Benevolence.',
    excludes: 'well-being meaning health, safety or welfare.',
  },
  achievement: {
    includes:
      'personal success, ambition, competence, merit, performance, excellence, productivity, competitiveness; skills valued as the way to succeed.',
    boundaries:
      'control over people or resources and status from wealth or position are Power; a stable livelihood is Security.',
    excludes: 'a plain report that a policy works.',
  },
  power: {
    includes:
      'authority and control over people; wealth and control of resources, markets or territory; status, prestige, influence; guarding one’s public image.',
    boundaries:
      'success by competence is Achievement; strength whose point is defence is Security; obeying authority is Conformity.',
    excludes: 'power in a technical sense; money as a household’s livelihood (Security).',
  },
  security: {
    includes:
      'safety from harm, crime, war, disease or disaster; health; social order and stability; national security; a stable job, income or home; family safety; avoiding risk.',
    boundaries:
      'a law kept because rules must be obeyed is Conformity, one kept because it protects people is Security; caring for family welfare is Benevolence; fair access to care for all is Universalism.',
    excludes: '“security” in another sense (a deposit, securities); risk named as a neutral fact.',
  },
  conformity: {
    includes:
      'obeying laws, rules and norms; self-discipline; politeness; not upsetting others; respect for parents, elders and superiors; meeting obligations.',
    boundaries:
      'inherited customs and religion are Tradition; safety and order as outcomes are Security; active care for close others is Benevolence.',
    excludes: 'what the law says, without weighing whether to comply.',
  },
  tradition: {
    includes:
      'customs, rituals and heritage of a culture, family or community; religious faith and practice; respect for the past; humility, modesty, accepting one’s place.',
    boundaries:
      'compliance with present rules and people is Conformity; tolerance of other cultures in general is Universalism; preserving one culture’s heritage is Tradition (a text may show both).',
    excludes: '“traditional” meaning only “usual”; religion as a mere topic.',
  },
  benevolence: {
    includes:
      'the welfare of family, friends, colleagues and one’s own community; helpfulness, honesty, forgiveness, loyalty and responsibility towards them; friendship, love, trust.',
    boundaries:
      'concern for strangers, society at large, humanity or nature is Universalism: help for the poor or refugees as such is Universalism, support within a family, team or community is Benevolence.',
    excludes: 'kindness that is only courtesy.',
  },
  universalism: {
    includes:
      'social justice, equality, equal rights, fairness for all; tolerance of people and ideas that differ; protecting the weak; human rights; peace; future generations; protecting nature and animals.',
    boundaries:
      'the in-group is Benevolence; one’s own freedom is Self-Direction; health argued as protection from disease is Security, as fair access for all Universalism.',
    excludes: 'society or nature named as a topic without concern for fairness or protection.',
  },
};

/** Whether a theory is exactly the built-in one a codebook was written for (same ids and definitions). */
function sameTheory(theory: ValueTheory, reference: ValueTheory): boolean {
  return (
    theory.id === reference.id &&
    theory.values.length === reference.values.length &&
    theory.values.every(
      (value, index) =>
        value.id === reference.values[index]!.id && value.definition === reference.values[index]!.definition,
    )
  );
}

/** The codebook entry of each value of `theory`, or undefined when adaem has none for that theory. */
export function codebookOf(theory: ValueTheory): Record<string, CodebookEntry> | undefined {
  return sameTheory(theory, SCHWARTZ_THEORY) ? SCHWARTZ_CODEBOOK : undefined;
}

/** Every codebook adaem ships, for the judge prompts' hashes. */
export const CODEBOOKS = { schwartz: SCHWARTZ_CODEBOOK } as const;
