import {
  MFT_VALUE_IDS,
  type MftValueId,
  SCHWARTZ_VALUE_IDS,
  type SchwartzValueId,
} from '../core/theories.js';
import type { ValueTheory } from '../core/value-theory.js';

/**
 * Word stems that signal each Schwartz value (our own lists). A text token matches a stem when it
 * starts with it. Stems are disjoint across values so a text's values can be read back exactly.
 */
const schwartzStems: Record<SchwartzValueId, string[]> = {
  self_direction: [
    'autonom',
    'freedom',
    'free',
    'choice',
    'choos',
    'independen',
    'creativ',
    'curios',
    'self-determin',
    'privacy',
    'expression',
    'explor',
    'individual',
  ],
  stimulation: [
    'adventur',
    'excit',
    'novel',
    'daring',
    'thrill',
    'risk-taking',
    'experiment',
    'variety',
    'bold',
    'innovat',
    'challeng',
  ],
  hedonism: [
    'pleasur',
    'enjoy',
    'fun',
    'leisure',
    'gratif',
    'indulg',
    'entertain',
    'comfort',
    'delight',
    'recreation',
    'alcohol',
  ],
  achievement: [
    'success',
    'ambiti',
    'competen',
    'merit',
    'excellen',
    'perform',
    'career',
    'productiv',
    'accomplish',
    'talent',
    'competiti',
  ],
  power: [
    'wealth',
    'profit',
    'dominan',
    'prestig',
    'status',
    'authority',
    'control',
    'influence',
    'market share',
    'rich',
    'power',
  ],
  security: [
    'safety',
    'safe',
    'secur',
    'stabil',
    'order',
    'protect',
    'health',
    'defen',
    'crime',
    'police',
    'surveillance',
    'border',
  ],
  conformity: [
    'obey',
    'obedien',
    'rule',
    'law',
    'complian',
    'disciplin',
    'polite',
    'restrain',
    'regulat',
    'norm',
    'duty',
  ],
  tradition: [
    'tradition',
    'custom',
    'heritage',
    'religio',
    'faith',
    'ancestr',
    'ritual',
    'sacred',
    'elders',
    'festival',
    'historic',
    'church',
    'temple',
  ],
  benevolence: [
    'help',
    'care',
    'caring',
    'famil',
    'friend',
    'loyal',
    'honest',
    'forgiv',
    'kindness',
    'neighbo',
    'volunteer',
    'community',
  ],
  universalism: [
    'equal',
    'justice',
    'fair',
    'environment',
    'nature',
    'climate',
    'toleran',
    'human rights',
    'minorit',
    'refugee',
    'planet',
    'inclusi',
    'peace',
  ],
};

const mftStems: Record<MftValueId, string[]> = {
  care: [
    'harm',
    'suffer',
    'compassion',
    'care',
    'caring',
    'kindness',
    'protect',
    'vulnerab',
    'cruel',
    'welfare',
  ],
  fairness: ['fair', 'justice', 'equal', 'rights', 'cheat', 'exploit', 'reciproc', 'discriminat', 'merit'],
  loyalty: ['loyal', 'patriot', 'nation', 'betray', 'solidarity', 'team', 'famil', 'communit', 'allegian'],
  authority: [
    'authorit',
    'obey',
    'law',
    'order',
    'hierarch',
    'leader',
    'tradition',
    'respect',
    'duty',
    'police',
  ],
  sanctity: [
    'sacred',
    'pure',
    'purity',
    'holy',
    'religio',
    'disgust',
    'degrad',
    'decen',
    'faith',
    'contamin',
  ],
};

const stopWords = new Set([
  'about',
  'their',
  'there',
  'which',
  'other',
  'these',
  'those',
  'being',
  'people',
  'things',
  'oneself',
  'others',
  'one’s',
]);

/** Stems per value id of a theory: built in for Schwartz and MFT, from names and definitions otherwise. */
export function stemsFor(theory: ValueTheory): Map<string, string[]> {
  const builtIn: Record<string, string[]> | undefined =
    theory.id === 'schwartz' &&
    theory.values.every((value) => (SCHWARTZ_VALUE_IDS as readonly string[]).includes(value.id))
      ? schwartzStems
      : theory.id === 'mft' &&
          theory.values.every((value) => (MFT_VALUE_IDS as readonly string[]).includes(value.id))
        ? mftStems
        : undefined;
  const stems = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const value of theory.values) {
    const words =
      builtIn?.[value.id] ??
      `${value.name} ${value.definition}`
        .toLowerCase()
        .split(/[^a-z’'-]+/)
        .filter((word) => word.length >= 5 && !stopWords.has(word))
        .map((word) => word.slice(0, 6));
    const own = [...new Set(words)].filter((word) => !taken.has(word));
    for (const word of own) taken.add(word);
    stems.set(value.id, own);
  }
  return stems;
}

/** Words that reverse a question's direction ("ban", "restrict"…): the asked action limits what follows. */
export const POLARITY_FLIPPERS = [
  'ban',
  'banned',
  'restrict',
  'prohibit',
  'forbid',
  'limit',
  'abolish',
  'outlaw',
  'stop',
  'cap',
  'curb',
  'end',
];

/** Markers of a specific trade-off question rather than a generic one. */
export const TRADEOFF_MARKERS = [
  'even if',
  'even when',
  'at the cost of',
  'rather than',
  'instead of',
  'despite',
  'over ',
  'if it means',
  'although',
  'at the expense of',
];
