import type { SchwartzValueId } from '../core/theories.js';
import { wordList } from './word-list.js';

/** Two-letter codes of the Schwartz values, as the knowledge lists below and in topics.ts write them. */
export const VALUE_CODES: Record<string, SchwartzValueId> = {
  SD: 'self_direction',
  ST: 'stimulation',
  HE: 'hedonism',
  AC: 'achievement',
  PO: 'power',
  SE: 'security',
  CO: 'conformity',
  TR: 'tradition',
  BE: 'benevolence',
  UN: 'universalism',
};

/** A concrete policy or practice a model knows, on one subject area. */
export interface Practice {
  /** The policy verb, as written after "should X …" ("ban", "require", "fund"). */
  verb: string;
  /** Its object: a noun phrase that reads after the verb ("smartphones in primary schools"). */
  object: string;
  /** The lemma run that names the practice's subject (`_` joins words), found in the object. */
  key: string;
  /** Values served by doing it, and values it costs. */
  serves: readonly SchwartzValueId[];
  costs: readonly SchwartzValueId[];
}

/** A subject area: the words that point to it, and the practices debated under it. */
export interface SubjectArea {
  name: string;
  triggers: ReadonlySet<string>;
  practices: readonly Practice[];
}

/**
 * What a simulated model knows of concrete practices, by subject area: our own general-knowledge
 * list (not drawn from any question set). `@ area: trigger lemmas`, then one practice a line:
 * `verb | object | key lemmas | served values / costed values`.
 */
const PRACTICES = `
@ arts: art artist music musician film movie television story storyteller concert theatre show entertainment song audience painting fame famous prestige craft style etiquette creative creativity talent
require | cinemas to show a quota of local films | local_film | TR CO / SD HE
ban | violent video games for children under 16 | video_game | SE CO / SD HE
fund | free entry to national museums | national_museum | UN BE / AC PO
cap | ticket resale prices for concerts | ticket_resale | UN CO / PO AC
@ folk: folk tradition traditional heritage ancestor elder classic ritual custom festival holiday generation keep
fund | classes in regional dialects at primary schools | regional_dialect | TR BE / AC ST
require | shops to close on religious holidays | religious_holiday | TR CO / HE PO
ban | fireworks at traditional festivals | traditional_festival | SE UN / TR HE
preserve | historic town centres against new high-rise building | historic_town | TR SE / AC PO
@ belief: religion religious faith god belief meaning ritual spiritual soul sacred moral concern forgiveness ancestor worship prayer
ban | religious symbols in public offices | religious_symbol | CO UN / TR SD
require | prayer at the start of the school day | prayer | TR CO / SD UN
allow | people to leave their religion without penalty | religion | SD UN / TR CO
allow | assisted dying for terminally ill adults | assist_die | SD HE / TR SE
allow | same-sex couples to adopt children | sex_couple | UN SD / TR CO
fund | faith schools from public money | faith_school | TR BE / UN SD
@ animal: animal pet meat zoo wildlife nature hunting farm farming food cruelty
require | vets to check farm animals every month | farm_animal | UN BE / TR
fund | shelters for stray dogs | stray_dog | BE UN / SD
ban | the sale of puppies in pet shops | pet_shop | UN BE / SD
fund | farmers who keep traditional breeds | traditional_breed | TR UN / BE
@ technology: technology device machine computer screen data digital online internet app virtual world repair modify build innovation robot
require | phone makers to sell spare parts for seven years | spare_part | SD UN / PO AC
ban | smartphone use in primary schools | smartphone | SE CO AC / SD HE
ban | facial recognition cameras in public streets | facial_recognition | SD UN / SE CO
restrict | social media accounts for children under 15 | social_medium | SE CO BE / SD HE
@ privacy: privacy private personal data secret surveillance control information
allow | police to read encrypted messages with a court order | encrypt_message | SE CO / SD UN
ban | targeted advertising based on health data | target_advertising | SD SE / PO AC
require | employers to delete staff emails after a year | staff_email | SD BE / PO SE
@ space: space universe exploration explore planet mars rocket discovery scientist science research curious curiosity
fund | a crewed mission to Mars over new hospitals | crew_mission | ST AC / BE SE
allow | private companies to extract minerals from the Moon | private_company | AC PO ST / UN
fund | basic research with no commercial goal | basic_research | ST SD / AC PO
@ health: health healthy medicine doctor hospital patient ill illness sick disease blood donate heal healing safe safety care
require | food labels to show the sugar content | food_label | SE BE / CO
fund | free blood tests for people over 50 | blood_test | SE BE / TR
require | hospitals to publish waiting times | waiting_time | UN BE / TR
fund | traditional healers in public clinics | traditional_healer | TR BE / UN
@ pleasure: pleasure enjoy enjoyment fun leisure hobby alcohol party game play relax comfort harm adult indulgence good_food
legalise | the sale of cannabis to adults | cannabis | SD HE / SE CO TR
cap | the opening hours of bars at midnight | opening_hour | SE CO / HE ST
ban | gambling adverts during sports broadcasts | gambling_advert | SE BE / HE PO
@ law: law legal court judge lawyer justice rule procedure official crime police punishment prison order equal equality public_safety authority respect
abolish | the death penalty for murder | death_penalty | UN BE / SE CO TR
require | judges to be elected by voters | judge | SD UN / CO AC
fund | free lawyers for anyone facing a criminal trial | criminal_trial | UN BE / PO AC
allow | citizens to carry guns for self-defence | gun | SD PO / SE UN
@ speech: speech speak free expression opinion mind press censorship journalist media newspaper public_opinion audience news broadcaster influence
ban | hate speech online | hate_speech | UN SE / SD ST
fund | public broadcasters from a household licence fee | public_broadcaster | UN CO / PO SD
require | news sites to label government-funded content | fund_content | SD UN / PO CO
@ school: school student pupil learn learning education teacher study exam homework university college class cultures think knowledge
require | school uniforms in state schools | school_uniform | CO TR / SD ST
ban | homework in primary schools | homework | HE SD / AC CO
allow | parents to teach their children at home | child_at_home | SD TR / CO AC
fund | free university tuition for all students | university_tuition | UN BE / AC PO
require | students to learn a second language until age 16 | second_language | UN AC / SD HE
@ politics: politics political politician leader citizen vote voting election loyal loyalty competence competent bold democracy
allow | 16-year-olds to vote in general elections | general_election | SD ST / CO TR
require | every citizen to vote in national elections | national_election | CO UN / SD HE
ban | lobbying by firms that hold public contracts | lobby_by_firm | UN CO / PO AC
@ defence: strength strong military army defence defense war weapon power powerful influence security secure threat border
require | a year of military service for every 18-year-old | military_service | SE CO TR / SD HE
fund | a national missile shield | missile_shield | SE PO / UN BE
ban | military sales to countries at war | military_sale | UN BE / PO AC
@ migration: migrant immigrant immigration refugee newcomer danger flee fleeing asylum foreigner border language minority culture diversity
require | newcomers to pass a language test for citizenship | language_test | CO TR / UN SD
fund | housing for refugees in rural towns | housing_for_refugee | UN BE / SE TR
cap | the number of work visas each year | work_visa | SE TR / UN AC
@ family: family parent child children relative elderly adult care support look_after wedding marriage home neighbour neighbourhood friend
require | adult children to support parents in old age | old_age | BE TR / CO
fund | paid leave for people caring for sick relatives | pay_leave | BE UN / TR
fund | free childcare for working parents | free_childcare | BE UN / TR
@ career: career success successful ambition ambitious achievement accomplishment excel excellence competition compete status prestige merit hard_work performance
cap | the pay of company executives at 20 times the lowest wage | company_executive | UN BE / AC PO
ban | unpaid internships | unpaid_internship | UN BE / AC PO
allow | schools to sort pupils by ability from age 11 | sort_pupil | AC PO / UN BE
@ work: work worker job employer employee staff wellbeing holiday business office workplace trade profession professional norm
require | a four-day working week in the public sector | work_week | HE BE / AC PO
ban | work emails after 7 pm | work_email | HE BE / AC PO
require | firms to keep jobs for staff on long sick leave | sick_leave | SE BE / AC PO
@ economy: economy economic business money wealth rich poor poverty market tax profit risk company firm family_business inheritance
abolish | inheritance tax on family businesses | inheritance_tax | TR PO BE / UN
privatise | the national railways | national_railway | AC PO / UN SE
fund | a basic income for every adult | basic_income | UN SD / AC CO
cap | rent rises in large cities | rent_rise | UN BE / PO AC
@ environment: environment environmental climate pollution planet nature energy car flight waste green
ban | new petrol cars by 2035 | petrol_car | UN SE / SD PO
cap | the number of cheap flights per person | cheap_flight | UN SE / HE ST
fund | nuclear power plants to cut emissions | nuclear_power_plant | UN AC / SE TR
`;

/** Every subject area the models know, with its practices. */
export const SUBJECT_AREAS: readonly SubjectArea[] = PRACTICES.trim()
  .split(/^@ /m)
  .filter(Boolean)
  .map((block) => {
    const [head = '', ...lines] = block.trim().split('\n');
    const [name = '', triggers = ''] = head.split(':');
    return {
      name: name.trim(),
      triggers: new Set(wordList(triggers)),
      practices: lines.map((line) => {
        const [verb = '', object = '', key = '', values = ''] = line.split('|').map((part) => part.trim());
        const [serves = '', costs = ''] = values.split('/');
        return {
          verb,
          object,
          key: key.replaceAll('_', ' '),
          serves: wordList(serves).map((code) => VALUE_CODES[code]!),
          costs: wordList(costs).map((code) => VALUE_CODES[code]!),
        };
      }),
    };
  });

/** Each practice by the lemmas of its subject. */
export const PRACTICE_BY_KEY: ReadonlyMap<string, Practice> = new Map(
  SUBJECT_AREAS.flatMap((area) => area.practices.map((practice) => [practice.key, practice] as const)),
);
