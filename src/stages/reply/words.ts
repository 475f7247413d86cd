import type { Stance } from '../../core/question.js';

// What models write for each stance, in the languages adaem reads (English, Spanish, German, French,
// Italian, Portuguese, Chinese, Japanese). Lower case; matched as whole words (CJK as written).
const STANCE_WORDS: Record<Stance, readonly string[]> = {
  yes: ['yes', 'sí', 'si', 'ja', 'oui', 'sim', '是', '是的', '赞成', '支持', '同意', '肯定', 'はい', '賛成'],
  no: ['no', 'nein', 'non', 'não', 'nao', '否', '不是', '反对', '不支持', '不同意', 'いいえ', '反対'],
  neutral: [
    'neutral',
    'neutro',
    'neutra',
    'neutre',
    'neutrale',
    'undecided',
    'mixed',
    'it depends',
    'depends',
    'both',
    'unentschieden',
    'indeciso',
    'indécis',
    '中立',
    '中性',
    '视情况而定',
    'どちらとも言えない',
    'どちらでもない',
  ],
};

// Words that give a stance only after a label ("Postura: A favor"); alone they open ordinary prose
// ("For decades…"), so a bare first line never reads them.
const LABELLED_ONLY: Record<Stance, readonly string[]> = {
  yes: ['for', 'in favour', 'in favor', 'a favor', 'dafür', 'pour', 'favorevole', 'agree'],
  no: ['against', 'en contra', 'dagegen', 'contre', 'contrario', 'contraria', 'disagree'],
  neutral: ['no position', 'undecided'],
};

function entries(table: Record<Stance, readonly string[]>): [string, Stance][] {
  return (Object.entries(table) as [Stance, readonly string[]][]).flatMap(([stance, words]) =>
    words.map((word) => [word, stance] as [string, Stance]),
  );
}

const WORD_STANCE = new Map<string, Stance>([...entries(STANCE_WORDS), ...entries(LABELLED_ONLY)]);

const LATIN = /^[\p{Script=Latin}\s]+$/u;

/**
 * Alternatives longest first; words in Latin script must end at a word boundary, single CJK
 * characters must not run on into another (是 but not 是否).
 */
function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      if (LATIN.test(word)) return `${escaped}(?![\\p{L}\\p{N}])`;
      return word.length === 1 ? `${escaped}(?![\\p{Script=Han}])` : escaped;
    })
    .join('|');
}

/** One stance word in any language adaem reads, as a capture group (use with the `u` flag). */
export const STANCE_WORD = `(${alternation(entries(STANCE_WORDS).map(([word]) => word))})`;

/** Hedges before a labelled stance ("Stance: a qualified yes", "Stance: leaning no"). */
const QUALIFIER = String.raw`(?:(?:an?\s+)?(?:qualified|conditional|cautious|tentative|mostly|leaning|lean|soft|strong|firm|clear|clearly|definitely|reluctant)\s+)?`;

/** A stance after a label: any stance word, a hedge before it, or a word that needs the label ("A favor"). */
export const LABELLED_STANCE_WORD = `${QUALIFIER}(${alternation(WORD_STANCE.keys())})`;

/** The stance a word means, or undefined. */
export function stanceOfWord(word: string): Stance | undefined {
  return WORD_STANCE.get(word.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** Labels of the stance line ("Stance:", "Postura:", "Haltung:", "立场："…). */
export const STANCE_LABELS = [
  'stance',
  'position',
  'answer',
  'verdict',
  'view',
  'my stance',
  'my position',
  'my answer',
  'my view',
  'overall stance',
  'short answer',
  'final answer',
  'postura',
  'posición',
  'posicion',
  'respuesta',
  'opinión',
  'haltung',
  'standpunkt',
  'antwort',
  'meinung',
  'positionnement',
  'réponse',
  'avis',
  'posizione',
  'risposta',
  'posição',
  'resposta',
  '立场',
  '观点',
  '回答',
  '答案',
  '态度',
  '立場',
  'スタンス',
  '答え',
  '意見',
];

/** Headings of the list of key points, which are not key points themselves. */
export const POINT_LIST_LABELS = [
  'key points',
  'key point',
  'points',
  'reasons',
  'my reasons',
  'main points',
  'justification',
  'arguments',
  'why',
  'puntos clave',
  'puntos',
  'razones',
  'argumentos',
  'kernpunkte',
  'hauptpunkte',
  'punkte',
  'argumente',
  'gründe',
  'points clés',
  'raisons',
  'punti chiave',
  'motivi',
  'pontos-chave',
  'razões',
  '要点',
  '关键点',
  '理由',
  '论点',
  'ポイント',
  '主な理由',
];

/** Labels of the question line of a generation reply. */
export const QUESTION_LABELS = [
  'question',
  'new question',
  'q',
  'yes/no question',
  'pregunta',
  'frage',
  'domanda',
  'pergunta',
  '问题',
  '質問',
  '問い',
];

/** Labels of the fact line of an exploration reply. */
export const FACT_LABELS = [
  'fact',
  'new fact',
  'hecho',
  'fakt',
  'tatsache',
  'fait',
  'fatto',
  'facto',
  '事实',
  '事実',
];

/** A regular expression source matching any of `labels` (longest first), as a capture group. */
export function labelPattern(labels: readonly string[]): string {
  return `(${alternation(labels)})`;
}

/** Markdown emphasis, heading marks, and surrounding quotes removed; spaces collapsed. */
export function plainLine(text: string): string {
  return text
    .replace(/\*\*|__|`/g, '')
    .replace(/^\s*#+\s*/, '')
    .replace(/^[*_]+(?=\S)|(?<=\S)[*_]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
