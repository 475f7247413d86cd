import { SCHWARTZ_19_THEORY } from './theories-schwartz-19.js';
import type { ValueTheory } from './value-theory.js';

/** Ids of Schwartz's ten basic values, in circular order. */
export const SCHWARTZ_VALUE_IDS = [
  'self_direction',
  'stimulation',
  'hedonism',
  'achievement',
  'power',
  'security',
  'conformity',
  'tradition',
  'benevolence',
  'universalism',
] as const;
export type SchwartzValueId = (typeof SCHWARTZ_VALUE_IDS)[number];

/** Ids of the five Moral Foundations. */
export const MFT_VALUE_IDS = ['care', 'fairness', 'loyalty', 'authority', 'sanctity'] as const;
export type MftValueId = (typeof MFT_VALUE_IDS)[number];

const schwartzValues: Record<SchwartzValueId, { name: string; definition: string }> = {
  self_direction: {
    name: 'Self-Direction',
    definition:
      'Thinking and acting for oneself: choosing one’s own goals, creating, exploring, staying free.',
  },
  stimulation: {
    name: 'Stimulation',
    definition: 'Seeking novelty, excitement and challenge; preferring a varied, daring life.',
  },
  hedonism: {
    name: 'Hedonism',
    definition: 'Pursuing pleasure, enjoyment and sensuous gratification for oneself.',
  },
  achievement: {
    name: 'Achievement',
    definition: 'Personal success by showing competence against social standards; ambition and capability.',
  },
  power: {
    name: 'Power',
    definition: 'Social status, prestige, wealth and control or dominance over people and resources.',
  },
  security: {
    name: 'Security',
    definition: 'Safety, stability and order for oneself, one’s family and society; health and protection.',
  },
  conformity: {
    name: 'Conformity',
    definition: 'Restraining actions and impulses that could upset others or break social rules and laws.',
  },
  tradition: {
    name: 'Tradition',
    definition: 'Respecting and keeping the customs and ideas of one’s culture, religion or community.',
  },
  benevolence: {
    name: 'Benevolence',
    definition:
      'Caring for the welfare of the people one is close to: helpfulness, honesty, loyalty, forgiveness.',
  },
  universalism: {
    name: 'Universalism',
    definition:
      'Understanding, tolerance and protection for all people and for nature; equality and justice.',
  },
};

/** Schwartz's theory of basic human values (10 values, 4 higher-order groups, circular); the default. */
export const SCHWARTZ_THEORY: ValueTheory = {
  id: 'schwartz',
  name: 'Schwartz basic human values',
  circular: true,
  values: SCHWARTZ_VALUE_IDS.map((id) => ({ id, ...schwartzValues[id] })),
  groups: [
    {
      id: 'openness_to_change',
      name: 'Openness to Change',
      values: ['self_direction', 'stimulation', 'hedonism'],
    },
    { id: 'self_enhancement', name: 'Self-Enhancement', values: ['achievement', 'power', 'hedonism'] },
    { id: 'conservation', name: 'Conservation', values: ['security', 'conformity', 'tradition'] },
    { id: 'self_transcendence', name: 'Self-Transcendence', values: ['benevolence', 'universalism'] },
  ],
};

const mftValues: Record<MftValueId, { name: string; definition: string }> = {
  care: { name: 'Care', definition: 'Protecting others from harm; kindness, compassion and nurturing.' },
  fairness: {
    name: 'Fairness',
    definition: 'Justice, reciprocity and rights; objecting to cheating and exploitation.',
  },
  loyalty: {
    name: 'Loyalty',
    definition: 'Standing with one’s group, family or nation; patriotism and self-sacrifice for it.',
  },
  authority: {
    name: 'Authority',
    definition: 'Respect for legitimate leadership, hierarchy and traditions that keep order.',
  },
  sanctity: {
    name: 'Sanctity',
    definition: 'Purity and the sacred; avoiding what is seen as degrading or contaminating.',
  },
};

/** Moral Foundations Theory (five foundations, not circular). */
export const MFT_THEORY: ValueTheory = {
  id: 'mft',
  name: 'Moral Foundations',
  circular: false,
  values: MFT_VALUE_IDS.map((id) => ({ id, ...mftValues[id] })),
  groups: [
    { id: 'individualizing', name: 'Individualizing', values: ['care', 'fairness'] },
    { id: 'binding', name: 'Binding', values: ['loyalty', 'authority', 'sanctity'] },
  ],
};

/** The theories adaem ships, by id. */
export const BUILT_IN_THEORIES: Record<'schwartz' | 'mft' | 'schwartz-19', ValueTheory> = {
  'schwartz-19': SCHWARTZ_19_THEORY,
  schwartz: SCHWARTZ_THEORY,
  mft: MFT_THEORY,
};
