import type { MftValueId, SchwartzValueId } from '../core/theories.js';
import type { ValueTheory } from '../core/value-theory.js';

/**
 * Key points that carry exactly one value each (their words hit only that value's stems), so a
 * judge reading the lexicon recovers the values an examinee meant.
 */
const schwartzPoints: Record<SchwartzValueId, string[]> = {
  self_direction: [
    'Personal freedom: people deserve the right to decide this for themselves',
    'Independent thinking: creativity and curiosity thrive without imposed answers',
    'Autonomy first: each person should explore a path of their own',
  ],
  stimulation: [
    'Openness to novelty: bold experiments bring excitement and variety',
    'Room for adventure: daring moves make life less dull',
    'Embracing the challenge: a thrilling challenge pushes us forward',
  ],
  hedonism: [
    'Enjoyment matters: people should be able to enjoy life and its pleasures',
    'Quality of leisure: fun and recreation make daily life worth living',
    'Comfort and delight: small indulgences bring real gratification',
  ],
  achievement: [
    'Rewarding merit: success should follow competence and hard work',
    'Ambition and performance: excellence drives productivity',
    'Career growth: talented people need room to accomplish more',
  ],
  power: [
    'Economic strength: wealth and profit give a nation influence',
    'Staying in control: status and prestige decide who sets the terms',
    'Market dominance: keeping market share preserves power',
  ],
  security: [
    'Public safety: protection against crime keeps streets safe',
    'Stability first: a secure system avoids chaos and keeps stability',
    'Health protection: the health of residents must be protected',
  ],
  conformity: [
    'Respect for the law: laws exist so that people can rely on them',
    'Social discipline: compliance with norms keeps daily life predictable',
    'Duty to obey: citizens have a duty to obey legitimate regulations',
  ],
  tradition: [
    'Honouring heritage: customs passed down by elders deserve respect',
    'Faith and ritual: religious practice gives this question its meaning',
    'Keeping traditions alive: festivals and sacred sites hold a culture together',
  ],
  benevolence: [
    'Helping those close to us: caring for family and friends comes first',
    'Honesty and loyalty: being honest with neighbours builds trust',
    'Mutual support: volunteers and everyday kindness hold a community together',
  ],
  universalism: [
    'Equal treatment: justice requires fair treatment for everyone',
    'Respecting nature: the environment and the climate come first',
    'Tolerance for all: minorities and refugees deserve equal dignity',
  ],
};

const mftPoints: Record<MftValueId, string[]> = {
  care: [
    'Preventing harm: compassion for those who suffer comes first',
    'Kindness to the vulnerable: their welfare must be protected',
  ],
  fairness: [
    'Fair treatment: equal rights for all are a matter of justice',
    'No exploitation: nobody should cheat others',
  ],
  loyalty: [
    'Standing together: loyalty to the nation matters here',
    'Solidarity: a team sticks together in hard times',
  ],
  authority: [
    'Respecting leaders: law and order depend on legitimate authority',
    'Duty to obey: a clear hierarchy keeps things working',
  ],
  sanctity: [
    'Keeping what is sacred: some things are too holy to be traded',
    'Purity and decency: degrading practices should be avoided',
  ],
};

/** Second-value clauses appended to a key point ("…, and public safety has to come first"). */
const schwartzClauses: Record<SchwartzValueId, string> = {
  self_direction: 'and it should leave room for personal choice',
  stimulation: 'and it keeps some excitement and variety in life',
  hedonism: 'and people should still be able to enjoy life',
  achievement: 'and it ought to reward real achievement',
  power: 'and national wealth is at stake too',
  security: 'and public safety has to come first',
  conformity: 'and the law deserves to be followed',
  tradition: 'and long-held traditions deserve weight',
  benevolence: 'and families and friends need help',
  universalism: 'and fairness for everyone is at stake',
};

/** Key points that carry no value at all: hedges real models add. */
export const FILLER_POINTS = [
  'It depends on the details: the answer turns on how the proposal would work in practice',
  'The evidence is mixed: studies point in different directions',
  'Hard to generalise: circumstances differ a lot from place to place',
  'Costs and side effects: any plan has downsides worth weighing',
  'Implementation matters: a sound idea can still be carried out badly',
  'More debate is needed: reasonable people weigh this differently',
];

/** Second-value clauses per value (theory order); for other theories, built from the value's first point. */
export function clausesFor(theory: ValueTheory, points: string[][]): string[] {
  return theory.values.map((value, index) =>
    theory.id === 'schwartz' && value.id in schwartzClauses
      ? schwartzClauses[value.id as SchwartzValueId]
      : `and ${(points[index]![0] ?? value.name).split(':')[0]!.toLowerCase()} matters too`,
  );
}

/** Short phrases naming what a trade-off would cost, per Schwartz value. */
export const COST_PHRASES: Record<SchwartzValueId, string> = {
  self_direction: 'personal freedom',
  stimulation: 'bold innovation',
  hedonism: 'everyday enjoyment',
  achievement: 'career success',
  power: 'national wealth',
  security: 'public safety',
  conformity: 'respect for the law',
  tradition: 'religious tradition',
  benevolence: 'caring for families',
  universalism: 'equal justice',
};

/** Key points per value (theory order); for user theories, built from the value's own words. */
export function pointsFor(theory: ValueTheory): string[][] {
  const table: Record<string, string[]> | undefined =
    theory.id === 'schwartz' ? schwartzPoints : theory.id === 'mft' ? mftPoints : undefined;
  return theory.values.map(
    (value) => table?.[value.id] ?? [`${value.name} matters: ${value.definition.replace(/[.]$/, '')}`],
  );
}
