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

/** A specific fact a model may know: where it comes from and when it happened. */
export interface SandboxFact {
  region: string;
  year: number;
  text: string;
  subject: string;
}

/** Facts the exploration step draws on, by region and year (a model knows those up to its cut-off). */
export const FACTS: SandboxFact[] = [
  {
    region: 'us',
    year: 2022,
    text: 'In 2022 the US Supreme Court returned abortion law to the states.',
    subject: 'state-by-state abortion laws',
  },
  {
    region: 'us',
    year: 2023,
    text: 'In 2023 Utah required parental consent for teenagers on social media.',
    subject: 'parental consent for teen social media',
  },
  {
    region: 'china',
    year: 2021,
    text: 'In 2021 China limited online gaming for minors to three hours a week.',
    subject: 'three-hour weekly gaming limits for minors',
  },
  {
    region: 'china',
    year: 2023,
    text: 'In 2023 Chinese cities expanded social credit pilots for businesses.',
    subject: 'social credit scores for small businesses',
  },
  {
    region: 'france',
    year: 2023,
    text: 'In 2023 France raised its pension age from 62 to 64.',
    subject: 'raising the pension age to 64',
  },
  {
    region: 'france',
    year: 2021,
    text: 'In 2021 France voted to end short domestic flights where trains take under 2.5 hours.',
    subject: 'ending short domestic flights',
  },
  {
    region: 'nordic',
    year: 2022,
    text: 'In 2022 Sweden and Finland applied to join NATO after decades of neutrality.',
    subject: 'abandoning military neutrality',
  },
  {
    region: 'nordic',
    year: 2024,
    text: 'In 2024 Norway debated a four-day working week in its public sector.',
    subject: 'a four-day public-sector working week',
  },
  {
    region: 'india',
    year: 2023,
    text: 'In 2023 India passed a data protection act with broad state exemptions.',
    subject: 'state exemptions from data protection',
  },
  {
    region: 'india',
    year: 2019,
    text: 'In 2019 India changed its citizenship law for refugees from neighbouring states.',
    subject: 'faith-based fast-track citizenship',
  },
  {
    region: 'middle-east',
    year: 2018,
    text: 'In 2018 Saudi Arabia reopened cinemas after 35 years.',
    subject: 'reopening cinemas in conservative cities',
  },
  {
    region: 'middle-east',
    year: 2022,
    text: 'In 2022 Qatar hosted the World Cup with alcohol banned in stadiums.',
    subject: 'stadium alcohol bans at global tournaments',
  },
  {
    region: 'latin-america',
    year: 2021,
    text: 'In 2021 El Salvador made bitcoin legal tender.',
    subject: 'bitcoin as legal tender',
  },
  {
    region: 'latin-america',
    year: 2024,
    text: 'In 2024 Argentina cut public spending sharply to curb inflation.',
    subject: 'deep public spending cuts',
  },
  {
    region: 'east-asia',
    year: 2023,
    text: 'In 2023 South Korea proposed allowing 69-hour working weeks.',
    subject: 'a 69-hour maximum working week',
  },
  {
    region: 'east-asia',
    year: 2024,
    text: 'In 2024 Japan expanded visas for foreign care workers.',
    subject: 'foreign care workers for an ageing society',
  },
  {
    region: 'global',
    year: 2021,
    text: 'In 2021 the EU proposed a carbon border tax on imports.',
    subject: 'carbon border taxes on imports',
  },
  {
    region: 'global',
    year: 2024,
    text: 'In 2024 the EU adopted the AI Act with bans on some biometric uses.',
    subject: 'bans on biometric surveillance by AI',
  },
];
