import type { SchwartzValueId } from '../core/theories.js';
import { SUBJECT_AREAS, VALUE_CODES } from './practices.js';
import { wordList } from './word-list.js';

/**
 * What a simulated model "knows" about common subjects of public debate: the values each subject
 * brings into play, on both sides of the argument. Our own general-knowledge list, written by
 * subject area rather than from any question set; lemmas, `_` joins phrase words.
 */
const KNOWLEDGE = `
abortion euthanasia assisted_suicide contraception: SD TR BE SE
cloning genetic_engineering gene embryo stem_cell gmo designer_baby: ST TR SE UN
death_penalty capital_punishment execution: SE CO UN BE
prison jail sentence punishment criminal offender parole: SE CO BE UN
torture interrogation detention: SE UN CO
gun firearm weapon rifle: SD SE PO
drug cannabis marijuana heroin cocaine narcotic: HE SD SE CO
tobacco smoking cigarette vaping tanning gambling casino: HE SD SE
immigration immigrant migrant asylum citizenship: UN SE TR BE
vaccine vaccination vaccinate quarantine lockdown mask: SE SD BE
homeschooling homeschool: SD TR CO AC
uniform dress_code: CO SD
marriage divorce polygamy: TR BE SD
same-sex gay lgbt transgender gender: UN TR SD
feminism woman women sexism: UN TR AC
nuclear bomb missile arms: SE PO UN
military army soldier combat war drone: SE PO UN
space exploration mars nasa: ST AC UN
affirmative_action quota: UN AC
olympics sport athlete doping football: AC HE ST
flag anthem monarchy royal patriotism: TR CO SD PO
zoo animal hunting circus fur bullfighting: UN HE TR
meat vegetarian vegan: UN TR HE
censorship speech press journalist blasphemy: SD SE CO TR
social_medium internet online facebook smartphone: SD SE HE
video_game gaming television: HE ST SE
surveillance privacy camera facial_recognition: SE SD
tax taxation subsidy welfare basic_income pension: UN BE AC PO
minimum_wage wage worker union labour labor strike: UN AC PO
corporation company bank market capitalism privatization: PO AC UN
patent copyright intellectual_property piracy: AC PO UN
healthcare hospital medicine doctor: SE BE UN
poverty homelessness inequality: UN BE AC
urbanization city suburb: AC TR UN ST
climate pollution emission coal oil fossil_fuel fracking: UN PO SE
renewable solar wind_power recycling: UN ST
school university education homework exam: AC CO SD
religion prayer church mosque religious_education: TR UN SD
prostitution pornography sex_work: SD TR SE HE
cosmetic_surgery beauty pageant: HE AC UN
ai artificial_intelligence robot automation algorithm: ST AC SE
tourism travel: HE ST UN
sea island territory sovereignty independence referendum: PO SE UN SD
terrorism terrorist extremism: SE UN
democracy election vote voting: SD CO UN
voting_age teenager curfew: SD BE SE
organ donation transplant: BE SD TR
fast_food junk_food sugar obesity: HE SE
alcohol drinking: HE SE
art museum culture: TR ST HE
killing assassination violence: SE UN BE
bribery corruption lobbying: CO PO UN
god belief atheism faith_school: TR SD
homosexual homosexuality adoption adopt orphan: UN TR BE
species wildlife conservation deforestation: UN PO
christmas holiday celebration: TR HE
make-up cosmetics fashion: HE TR
job employment unemployment benefit: AC BE UN
file-sharing download streaming: AC PO SD
broadcaster media news newspaper: SD CO UN
reconciliation amnesty: UN BE SE
curriculum subject teacher: AC CO SD
trial jury court judge: CO SE UN
veto sanction embargo treaty: PO UN SE
universe science research: ST AC
`;

/**
 * Subject lemma (or lemma phrase) → the Schwartz values it brings into play: the list above, then
 * the subjects of the concrete practices models know (`practices.ts`), with the values each pits
 * against each other.
 */
export const TOPIC_VALUES: ReadonlyMap<string, readonly SchwartzValueId[]> = (() => {
  const map = new Map<string, readonly SchwartzValueId[]>(
    KNOWLEDGE.trim()
      .split('\n')
      .flatMap((line) => {
        const [subjects = '', values = ''] = line.split(':');
        const ids = wordList(values).map((code) => VALUE_CODES[code]!);
        return wordList(subjects).map((subject) => [subject, ids] as const);
      }),
  );
  for (const area of SUBJECT_AREAS)
    for (const practice of area.practices)
      if (!map.has(practice.key))
        map.set(practice.key, [...new Set([...practice.serves, ...practice.costs])]);
  return map;
})();

/**
 * The same knowledge indexed by a subject's first lemma: the subjects starting with it as lemma
 * lists, shortest first (subjects of more than three words are left out, as a reader of one- to
 * three-word runs never meets them).
 */
export const TOPICS_BY_FIRST: ReadonlyMap<
  string,
  readonly { words: string[]; ids: readonly SchwartzValueId[] }[]
> = (() => {
  const index = new Map<string, { words: string[]; ids: readonly SchwartzValueId[] }[]>();
  for (const [subject, ids] of TOPIC_VALUES) {
    const words = subject.split(' ');
    if (words.length > 3) continue;
    const list = index.get(words[0]!) ?? [];
    list.push({ words, ids });
    index.set(words[0]!, list);
  }
  for (const list of index.values()) list.sort((a, b) => a.words.length - b.words.length);
  return index;
})();
