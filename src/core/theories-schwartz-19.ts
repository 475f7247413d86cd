import type { ValueTheory } from './value-theory.js';

/**
 * Schwartz's refined theory of 19 basic values (Schwartz et al. 2012), in circular order, with the
 * basic value of the ten-value theory that each refines. Face and humility straddle two basic
 * values; they map where the original value survey placed their items ("preserving my public image"
 * under Power, "humble" under Tradition). Definitions are our own words.
 */
export const SCHWARTZ_19_THEORY: ValueTheory = {
  id: 'schwartz-19',
  name: 'Schwartz refined values (19)',
  circular: true,
  values: [
    {
      id: 'self_direction_thought',
      name: 'Self-Direction: thought',
      definition: 'Freedom to form one’s own ideas, opinions and understanding.',
    },
    {
      id: 'self_direction_action',
      name: 'Self-Direction: action',
      definition: 'Freedom to choose one’s own actions, goals and way of life.',
    },
    {
      id: 'stimulation',
      name: 'Stimulation',
      definition: 'Excitement, novelty and change; a varied, challenging life.',
    },
    { id: 'hedonism', name: 'Hedonism', definition: 'Pleasure and enjoyment for oneself.' },
    {
      id: 'achievement',
      name: 'Achievement',
      definition: 'Success and competence judged by the standards of others.',
    },
    {
      id: 'power_dominance',
      name: 'Power: dominance',
      definition: 'Control over people; the ability to make others do what one wants.',
    },
    {
      id: 'power_resources',
      name: 'Power: resources',
      definition: 'Control of wealth and material and social resources.',
    },
    {
      id: 'face',
      name: 'Face',
      definition: 'Security and power through keeping one’s public image and avoiding humiliation.',
    },
    {
      id: 'security_personal',
      name: 'Security: personal',
      definition: 'Safety in one’s immediate surroundings: health, a stable home, protection from harm.',
    },
    {
      id: 'security_societal',
      name: 'Security: societal',
      definition: 'Safety and stability of the wider society, order and the rule of law.',
    },
    {
      id: 'tradition',
      name: 'Tradition',
      definition: 'Keeping up cultural, family and religious customs and heritage.',
    },
    {
      id: 'conformity_rules',
      name: 'Conformity: rules',
      definition: 'Following rules, laws and formal obligations.',
    },
    {
      id: 'conformity_interpersonal',
      name: 'Conformity: interpersonal',
      definition: 'Not upsetting or harming other people; politeness and restraint.',
    },
    {
      id: 'humility',
      name: 'Humility',
      definition: 'Recognising one’s insignificance in the larger scheme of things; modesty.',
    },
    {
      id: 'benevolence_dependability',
      name: 'Benevolence: dependability',
      definition: 'Being a reliable, trustworthy member of one’s own group.',
    },
    {
      id: 'benevolence_caring',
      name: 'Benevolence: caring',
      definition: 'Devotion to the welfare of the people close to one.',
    },
    {
      id: 'universalism_concern',
      name: 'Universalism: concern',
      definition: 'Equality, justice and protection for all people.',
    },
    {
      id: 'universalism_nature',
      name: 'Universalism: nature',
      definition: 'Preserving the natural environment.',
    },
    {
      id: 'universalism_tolerance',
      name: 'Universalism: tolerance',
      definition: 'Accepting and understanding people who differ from oneself.',
    },
  ],
  groups: [
    {
      id: 'openness_to_change',
      name: 'Openness to Change',
      values: ['self_direction_thought', 'self_direction_action', 'stimulation', 'hedonism'],
    },
    {
      id: 'self_enhancement',
      name: 'Self-Enhancement',
      values: ['hedonism', 'achievement', 'power_dominance', 'power_resources', 'face'],
    },
    {
      id: 'conservation',
      name: 'Conservation',
      values: [
        'face',
        'security_personal',
        'security_societal',
        'tradition',
        'conformity_rules',
        'conformity_interpersonal',
        'humility',
      ],
    },
    {
      id: 'self_transcendence',
      name: 'Self-Transcendence',
      values: [
        'humility',
        'benevolence_dependability',
        'benevolence_caring',
        'universalism_concern',
        'universalism_nature',
        'universalism_tolerance',
      ],
    },
  ],
  refines: {
    theory: 'schwartz',
    values: {
      self_direction_thought: 'self_direction',
      self_direction_action: 'self_direction',
      stimulation: 'stimulation',
      hedonism: 'hedonism',
      achievement: 'achievement',
      power_dominance: 'power',
      power_resources: 'power',
      face: 'power',
      security_personal: 'security',
      security_societal: 'security',
      tradition: 'tradition',
      conformity_rules: 'conformity',
      conformity_interpersonal: 'conformity',
      humility: 'tradition',
      benevolence_dependability: 'benevolence',
      benevolence_caring: 'benevolence',
      universalism_concern: 'universalism',
      universalism_nature: 'universalism',
      universalism_tolerance: 'universalism',
    },
  },
};

/**
 * The 20 value categories of Touché23-ValueEval (column names of its labels files) and the refined
 * value each one is; "Universalism: objectivity", Touché's own addition, has none (null).
 */
export const TOUCHE_CATEGORIES: Record<string, string | null> = {
  'Self-direction: thought': 'self_direction_thought',
  'Self-direction: action': 'self_direction_action',
  Stimulation: 'stimulation',
  Hedonism: 'hedonism',
  Achievement: 'achievement',
  'Power: dominance': 'power_dominance',
  'Power: resources': 'power_resources',
  Face: 'face',
  'Security: personal': 'security_personal',
  'Security: societal': 'security_societal',
  Tradition: 'tradition',
  'Conformity: rules': 'conformity_rules',
  'Conformity: interpersonal': 'conformity_interpersonal',
  Humility: 'humility',
  'Benevolence: caring': 'benevolence_caring',
  'Benevolence: dependability': 'benevolence_dependability',
  'Universalism: concern': 'universalism_concern',
  'Universalism: nature': 'universalism_nature',
  'Universalism: tolerance': 'universalism_tolerance',
  'Universalism: objectivity': null,
};

/** The basic Schwartz value a Touché category speaks to (through its refined value; objectivity: Universalism). */
export function toucheBasicValue(category: string): string | undefined {
  if (!(category in TOUCHE_CATEGORIES)) return undefined;
  const refined = TOUCHE_CATEGORIES[category];
  return refined ? SCHWARTZ_19_THEORY.refines!.values[refined] : 'universalism';
}
