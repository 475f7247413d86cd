import type { Question } from '../../../core/question.js';
import type { MftValueId } from '../../../core/theories.js';
import { builtinSeed } from '../builtin-seed.js';

const seed = builtinSeed<MftValueId>;

/** adaem's own generic Moral Foundations seeds, six per foundation, each a plain yes/no question about one foundation (see docs/seeds.md); ids never change. */
// biome-ignore format: one seed per line reads as a table
export const MFT_SEEDS: readonly Question[] = [
  seed('seed-mft-001', 'social', 'care', 'Should people help strangers who are in trouble?'),
  seed('seed-mft-002', 'arts', 'care', 'Should animals in entertainment be treated with kindness?'),
  seed('seed-mft-003', 'politics', 'care', 'Should society look after its most vulnerable members?'),
  seed('seed-mft-004', 'education', 'care', 'Is gentleness toward children important for parents?'),
  seed('seed-mft-005', 'philosophy', 'care', 'Is compassion an important virtue?'),
  seed('seed-mft-006', 'politics', 'care', 'Does protecting civilians from harm matter?'),
  seed('seed-mft-007', 'economics', 'fairness', 'Should everyone pay their fair share?'),
  seed('seed-mft-008', 'economics', 'fairness', 'Does it matter that wealth is earned fairly?'),
  seed('seed-mft-009', 'economics', 'fairness', 'Should people be rewarded according to their effort?'),
  seed('seed-mft-010', 'education', 'fairness', 'Is fairness in exams important?'),
  seed('seed-mft-011', 'law', 'fairness', 'Should everyone have an equal chance at work?'),
  seed('seed-mft-012', 'science', 'fairness', 'Should the burdens of pollution be shared fairly?'),
  seed('seed-mft-013', 'politics', 'loyalty', 'Should people be loyal to their country?'),
  seed('seed-mft-014', 'social', 'loyalty', "Is it important to stand by one's family?"),
  seed('seed-mft-015', 'economics', 'loyalty', "Does loyalty to one's employer matter?"),
  seed('seed-mft-016', 'arts', 'loyalty', 'Is it good for fans to stay loyal to their team?'),
  seed('seed-mft-017', 'social', 'loyalty', 'Should people stay loyal to the groups that supported them?'),
  seed('seed-mft-018', 'politics', 'loyalty', "Is serving one's country honourable?"),
  seed('seed-mft-019', 'social', 'authority', 'Does obedience to parents matter?'),
  seed('seed-mft-020', 'economics', 'authority', "Should employees respect their managers' decisions?"),
  seed('seed-mft-021', 'education', 'authority', 'Should students show respect for their teachers?'),
  seed('seed-mft-022', 'philosophy', 'authority', 'Do religious leaders deserve respect?'),
  seed('seed-mft-023', 'law', 'authority', 'Is respect for the police important?'),
  seed('seed-mft-024', 'social', 'authority', 'Should the wisdom of elders be respected?'),
  seed('seed-mft-025', 'science', 'sanctity', 'Should some natural places be treated as sacred?'),
  seed('seed-mft-026', 'technology', 'sanctity', 'Is the human body something sacred?'),
  seed('seed-mft-027', 'philosophy', 'sanctity', 'Is it important to keep oneself pure?'),
  seed('seed-mft-028', 'law', 'sanctity', 'Does human dignity matter in law?'),
  seed('seed-mft-029', 'philosophy', 'sanctity', 'Should funeral rites be treated with reverence?'),
  seed('seed-mft-030', 'social', 'sanctity', 'Should people avoid degrading behaviour?'),
];
