/** Splits a space-separated word list; `_` joins the words of a phrase ("human_rights"). */
export function wordList(words: string): string[] {
  return words
    .trim()
    .split(/\s+/)
    .map((word) => word.replaceAll('_', ' '));
}
