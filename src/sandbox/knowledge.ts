import type { SchwartzValueId } from '../core/theories.js';

/** Places a model from each region knows to name in a question. */
export const PLACES_BY_REGION: Record<string, readonly string[]> = {
  us: ['California', 'Texas', 'New York', 'the United States', 'Florida', 'Ohio'],
  china: ['China', 'Shanghai', 'Beijing', 'Hong Kong', 'Guangdong', 'Shenzhen'],
  france: ['France', 'Paris', 'the European Union', 'Belgium', 'Germany', 'Lyon'],
  'middle-east': ['Saudi Arabia', 'the UAE', 'Egypt', 'Jordan', 'Qatar', 'Morocco'],
  nordic: ['Sweden', 'Norway', 'Denmark', 'Finland', 'Iceland', 'Oslo'],
  india: ['India', 'Kerala', 'Mumbai', 'Bangladesh', 'Delhi', 'Tamil Nadu'],
  'latin-america': ['Brazil', 'Mexico', 'Argentina', 'Chile', 'Colombia', 'Peru'],
  'east-asia': ['Japan', 'South Korea', 'Taiwan', 'Singapore', 'Tokyo', 'Vietnam'],
  global: ['Canada', 'Australia', 'the United Kingdom', 'Kenya', 'Nigeria', 'Indonesia'],
};

/** Who a specific question may be about. */
export const GROUPS = [
  'teenagers',
  'public employees',
  'religious schools',
  'foreign visitors',
  'people over 70',
  'small businesses',
  'state universities',
  'rural towns',
  'first-time offenders',
  'new parents',
];

/** How a past decision was qualified, for facts. */
export const DETAILS = [
  'after a public vote',
  'for people under 18',
  'in public schools',
  'for a two-year trial',
  'despite large protests',
  'under a court order',
  'in its largest cities',
  'with broad exemptions',
];

/** Phrases naming what a trade-off would cost, several per Schwartz value. */
export const COST_VARIANTS: Record<SchwartzValueId, readonly string[]> = {
  self_direction: ['personal freedom', 'individual choice', 'privacy'],
  stimulation: ['bold innovation', 'daring experiments', 'variety in daily life'],
  hedonism: ['everyday enjoyment', 'leisure time', 'simple pleasures'],
  achievement: ['career success', 'rewards for merit', 'productivity'],
  power: ['national wealth', 'business profits', 'global influence'],
  security: ['public safety', 'social stability', 'public health'],
  conformity: ['respect for the law', 'social discipline', 'clear rules'],
  tradition: ['religious tradition', 'cultural heritage', 'old customs'],
  benevolence: ['caring for families', 'help for neighbours', 'community ties'],
  universalism: ['equal justice', 'the environment', 'fair treatment of minorities'],
};

/** Subjects a model may wander off to when its question drifts off topic. */
export const STRAY_SUBJECTS = [
  'four-day working weeks',
  'carbon border taxes',
  'bitcoin as legal tender',
  'foreign care workers',
  'limits on online gaming',
  'a higher pension age',
  'short domestic flights',
  'social credit scores',
];

const irregularPast: Record<string, string> = {
  sell: 'sold',
  keep: 'kept',
  pay: 'paid',
  forbid: 'banned',
  end: 'ended',
  fund: 'funded',
  permit: 'permitted',
  cap: 'capped',
  ban: 'banned',
  scrap: 'scrapped',
  able: 'allowed',
  legal: 'legalised',
  illegal: 'banned',
  mandatory: 'mandated',
  compulsory: 'mandated',
  subsidy: 'subsidised',
  funding: 'funded',
  restriction: 'restricted',
  prohibition: 'prohibited',
};

/** The past tense of a policy action lemma ("ban" → "banned", "legalize" → "legalized"). */
export function pastTense(action: string): string {
  if (irregularPast[action]) return irregularPast[action];
  if (action.endsWith('e')) return `${action}d`;
  if (/[^aeiou]y$/.test(action)) return `${action.slice(0, -1)}ied`;
  return `${action}ed`;
}

/** A verb usable after "should X …" for an action lemma that may be an adjective or noun. */
export function baseVerb(action: string): string {
  const verbs: Record<string, string> = {
    able: 'allow',
    legal: 'legalise',
    illegal: 'ban',
    mandatory: 'mandate',
    compulsory: 'mandate',
    subsidy: 'subsidise',
    funding: 'fund',
    restriction: 'restrict',
    prohibition: 'prohibit',
    free_of_charge: 'fund',
  };
  return verbs[action] ?? action;
}
