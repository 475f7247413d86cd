import {
  MFT_VALUE_IDS,
  type MftValueId,
  SCHWARTZ_VALUE_IDS,
  type SchwartzValueId,
} from '../core/theories.js';
import type { ValueTheory } from '../core/value-theory.js';
import { wordList } from './word-list.js';

/**
 * Lemmas (and a few lemma phrases) that signal each Schwartz value — our own lists. A text
 * reflects a value when one of its lemmas is listed here, whole-word, so "fund" is not "fun" and
 * "customer" is not "custom". Lists are disjoint across values so a text's values read back exactly.
 */
const schwartzWords: Record<SchwartzValueId, string[]> = {
  self_direction: wordList(
    'autonomy autonomous freedom free choice choose independence independent creativity creative curiosity curious privacy liberty self-determination self-expression individuality individual explore',
  ),
  stimulation: wordList(
    'adventure adventurous excitement exciting novelty novel daring thrill thrilling risk-taking experiment experimental variety bold innovation innovative innovate challenge',
  ),
  hedonism: wordList(
    'pleasure enjoy enjoyment fun leisure gratification indulgence indulge entertainment comfort comfortable delight recreation recreational alcohol luxury hobby',
  ),
  achievement: wordList(
    'success successful succeed ambition ambitious competence competent merit excellence excellent performance career productivity productive accomplish accomplishment talent talented competitive achievement achieve',
  ),
  power: wordList(
    'wealth wealthy profit profitable dominance dominant dominate prestige prestigious status authority control influence rich power powerful money market_share',
  ),
  security: wordList(
    'safety safe security secure stability stable order protect protection health healthy defence defense crime police surveillance border danger dangerous threat',
  ),
  conformity: wordList(
    'obey obedience obedient rule law compliance comply discipline polite politeness restraint regulation norm duty respectful',
  ),
  tradition: wordList(
    'tradition traditional custom heritage religion religious faith ancestor ritual sacred elder festival historic church temple mosque worship humility modesty',
  ),
  benevolence: wordList(
    'help care caring family friend friendship loyal loyalty honest honesty forgive forgiveness kindness kind neighbour neighbor volunteer community compassion',
  ),
  universalism: wordList(
    'equality equal justice fair fairness environment environmental nature climate tolerance tolerant human_rights minority refugee planet inclusion inclusive peace peaceful discrimination diversity',
  ),
};

const mftWords: Record<MftValueId, string[]> = {
  care: wordList('harm suffer suffering compassion care caring kindness vulnerable cruel welfare'),
  fairness: wordList('fair fairness justice equal equality right cheat exploit discrimination'),
  loyalty: wordList('loyal loyalty patriot patriotic nation betray solidarity team family community'),
  authority: wordList('authority obey law order hierarchy leader tradition respect duty police'),
  sanctity: wordList('sacred pure purity holy religion religious disgust degrade decency faith'),
};

const stopWords = new Set(['about', 'their', 'there', 'which', 'other', 'these', 'those', 'being', 'people']);

/** Signal words per value id of a theory: built in for Schwartz and MFT, from names and definitions otherwise. */
export function wordsFor(theory: ValueTheory): Map<string, string[]> {
  const builtIn: Record<string, string[]> | undefined =
    theory.id === 'schwartz' &&
    theory.values.every((value) => (SCHWARTZ_VALUE_IDS as readonly string[]).includes(value.id))
      ? schwartzWords
      : theory.id === 'mft' &&
          theory.values.every((value) => (MFT_VALUE_IDS as readonly string[]).includes(value.id))
        ? mftWords
        : undefined;
  const words = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const value of theory.values) {
    const own = (
      builtIn?.[value.id] ??
      `${value.name} ${value.definition}`
        .toLowerCase()
        .split(/[^a-z’'-]+/)
        .filter((word) => word.length >= 5 && !stopWords.has(word))
    ).filter((word) => !taken.has(word));
    for (const word of own) taken.add(word);
    words.set(value.id, [...new Set(own)]);
  }
  return words;
}
