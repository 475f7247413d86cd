import type { ReadToken } from './nlp.js';
import { wordList } from './word-list.js';

/** Nouns that name a value or a state, not something a policy can act on ("legalise authority"). */
const abstractNouns = new Set(
  wordList(
    'freedom liberty authority tradition respect pleasure success power wealth security safety equality justice duty order enjoyment ambition belief kindness honesty loyalty tolerance fairness achievement stability conformity obedience independence creativity excitement adventure prestige influence status control dignity happiness',
  ),
);
const possessives = new Set(wordList('my your his her its our their whose'));
/** Words that may follow a head noun and complete it ("freedom of speech", "respect for elders"). */
const completers = new Set(wordList('of for'));

/**
 * How much sense the object of a policy verb makes, 0..1: 1 for a concrete noun phrase ("ban
 * smartphones in schools", "restrict freedom of speech"), lower for a bare value noun ("legalise
 * authority"), a bare adjective, or "own" with no owner ("restrict own beliefs").
 */
export function objectSense(tokens: readonly ReadToken[], action: number): number {
  // A passive ("should X be banned?") has its object before the verb.
  if (tokens[action - 1]?.lemma === 'be') return 1;
  let sense = 1;
  let owner = false;
  for (let at = action + 1; at < tokens.length; at++) {
    const token = tokens[at]!;
    if (token.pos === 'DET' || token.pos === 'NUM' || possessives.has(token.lemma)) {
      owner ||= possessives.has(token.lemma);
      continue;
    }
    if (token.pos === 'ADJ') {
      if (token.lemma === 'own' && !owner) sense *= 0.6;
      continue;
    }
    if (token.pos === 'NOUN' || token.pos === 'PROPN') {
      const next = tokens[at + 1];
      const completed = next !== undefined && completers.has(next.lemma);
      if (abstractNouns.has(token.lemma) && !completed) sense *= 0.45;
      return sense;
    }
    // The verb takes a clause or a particle ("require schools to…", "ban on…") or nothing nominal.
    return at === action + 1 ? sense : sense * 0.5;
  }
  return sense;
}
