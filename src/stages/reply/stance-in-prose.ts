import type { Stance } from '../../core/question.js';
import { stanceOfWord } from './words.js';

// A stance word that ends its phrase: not "no longer", "no one", "no matter"…
const END = String.raw`(?=$|[\s.,;:!?—–\-)"'”’]|\s)(?!\s+(?:longer|one|more|matter|doubt|need|way|single|easy|simple|clear|less|other|further)\b)`;
const QUOTE = `["'“‘]?`;
/** "a cautious", "a qualified"… before a stance word in prose. */
const HEDGED = `(?:(?:a |an )?(?:clear |firm |qualified |cautious |tentative |reluctant |conditional |nuanced |soft |strong )?)`;

/** Ways a stance is said in prose ("I lean towards yes", "my answer is no", "Me inclino por el sí"…). */
const PROSE_STANCES: RegExp[] = [
  new RegExp(
    String.raw`\b(?:lean(?:s|ing)?|tend(?:s|ing)?|come down|comes down|coming down) (?:slightly |firmly |strongly |more )?(?:towards?|to|on the side of) (?:the )?${HEDGED}${QUOTE}(yes|no|neutral)${QUOTE}${END}`,
    'iu',
  ),
  new RegExp(
    String.raw`\bI(?:'m| am) inclined to (?:say |answer )?${HEDGED}${QUOTE}(yes|no)${QUOTE}${END}`,
    'iu',
  ),
  new RegExp(
    String.raw`^(?:on balance|overall|all things considered|in short|ultimately|in the end|in sum|so)[,:]?\s+${QUOTE}(yes|no)${QUOTE}(?=\s*[.,;:!—–\-]|$)`,
    'iu',
  ),
  new RegExp(
    String.raw`\bmy (?:overall |short |final )?(?:answer|stance|position|view|verdict)(?: here| on this| to this question)? (?:is|would be|remains|has to be)[:]? (?:a |an )?(?:clear |firm |qualified |cautious |tentative |reluctant |conditional |nuanced )?${QUOTE}(yes|no|neutral)${QUOTE}${END}`,
    'iu',
  ),
  new RegExp(
    String.raw`\b(?:stance|position|answer|verdict)(?: is)?\s*[:：—–-]\s*${QUOTE}(yes|no|neutral)${QUOTE}${END}`,
    'iu',
  ),
  new RegExp(String.raw`\bI(?:'d| would)? (?:say|answer|vote) ${HEDGED}${QUOTE}(yes|no)${QUOTE}${END}`, 'iu'),
  /\bI(?:'m| am| remain| stay) (neutral|undecided)\b/iu,
  /\b(?:me inclino (?:por|hacia) (?:el )?|mi respuesta es )(sí|si|no)(?![\p{L}])/iu,
  /\b(?:meine antwort (?:ist|lautet) |ich (?:tendiere|neige) (?:eher )?zu(?:m)? )(ja|nein)(?![\p{L}])/iu,
  /\b(?:ma réponse est |je penche (?:pour|vers) (?:le )?)(oui|non)(?![\p{L}])/iu,
  /我(?:的立场是|倾向于|的回答是)(支持|反对|中立|是|否)/u,
  /私の(?:立場|答え|回答)は(賛成|反対|中立|はい|いいえ)/u,
];

/** A stance word somewhere in a line: only such lines are tried against the patterns above (speed). */
const ANY_STANCE_WORD =
  /(?:^|[^\p{L}])(?:yes|no|neutral|undecided|sí|si|ja|nein|oui|non)(?![\p{L}])|支持|反对|中立|是|否|賛成|反対|はい|いいえ/iu;

/** What prose says of the stance: one stance, conflicting ones, or nothing. */
export type ProseStance = { stance: Stance } | { conflict: Stance[] } | undefined;

/** Reads stances stated in prose (outside the key points); several different ones are a conflict. */
export function stanceInProse(texts: readonly string[]): ProseStance {
  const found = new Set<Stance>();
  for (const text of texts) {
    if (!ANY_STANCE_WORD.test(text)) continue;
    for (const pattern of PROSE_STANCES) {
      const match = text.match(pattern);
      const stance = match ? stanceOfWord(match[1]!) : undefined;
      if (stance) found.add(stance);
    }
  }
  if (found.size === 0) return undefined;
  if (found.size > 1) return { conflict: [...found] };
  return { stance: [...found][0]! };
}
