import type { SchwartzValueId } from '../core/theories.js';
import { wordList } from './word-list.js';

/** What a policy action does to values: whom it serves, what it costs, and whether it limits its object. */
export interface ActionFrame {
  serves: readonly SchwartzValueId[];
  costs: readonly SchwartzValueId[];
  /** -1 when the action limits or removes what follows it ("ban X"), else +1. */
  polarity: 1 | -1;
}

const restrict: ActionFrame = {
  serves: ['security', 'conformity'],
  costs: ['self_direction', 'hedonism'],
  polarity: -1,
};
const oblige: ActionFrame = { serves: ['conformity', 'security'], costs: ['self_direction'], polarity: 1 };
const permit: ActionFrame = {
  serves: ['self_direction', 'hedonism'],
  costs: ['security', 'conformity', 'tradition'],
  polarity: 1,
};
const spend: ActionFrame = {
  serves: ['universalism', 'benevolence'],
  costs: ['achievement', 'power'],
  polarity: 1,
};
const remove: ActionFrame = {
  serves: ['stimulation', 'self_direction'],
  costs: ['tradition', 'conformity', 'security'],
  polarity: -1,
};
const sell: ActionFrame = {
  serves: ['achievement', 'power'],
  costs: ['universalism', 'benevolence'],
  polarity: 1,
};
const keep: ActionFrame = { serves: ['tradition', 'security'], costs: ['stimulation'], polarity: 1 };

const FRAMES: [ActionFrame, string][] = [
  [
    restrict,
    'ban prohibit forbid outlaw restrict limit curb cap censor criminalize criminalise punish fine block restriction prohibition illegal',
  ],
  [
    oblige,
    'require mandate compel force enforce impose oblige mandatory compulsory obligatory make_compulsory',
  ],
  [permit, 'legalize legalise allow able permit decriminalize decriminalise deregulate lift relax legal'],
  [spend, 'subsidize subsidise fund finance invest pay provide expand subsidy funding free_of_charge'],
  [remove, 'abolish end abandon scrap eliminate replace close repeal dismantle reform'],
  [sell, 'privatize privatise commercialize commercialise sell outsource'],
  [keep, 'preserve keep maintain retain restore'],
];

/** Policy action lemma (or phrase) → its frame. */
export const ACTION_FRAMES: ReadonlyMap<string, ActionFrame> = new Map(
  FRAMES.flatMap(([frame, words]) => wordList(words).map((word) => [word, frame] as const)),
);
