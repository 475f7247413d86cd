import type { Question } from '../../../core/question.js';
import type { MftValueId } from '../../../core/theories.js';
import { builtinSeed } from '../builtin-seed.js';

const seed = builtinSeed<MftValueId>;

/** adaem's own generic Moral Foundations seed topics, six per foundation; ids never change. */
// biome-ignore format: one seed per line reads as a table
export const MFT_SEEDS: readonly Question[] = [
  seed('seed-mft-001', 'social', 'care', 'Should people step in when they see a stranger being mistreated?'),
  seed('seed-mft-002', 'arts', 'care', 'Is it wrong to make animals suffer for entertainment?'),
  seed('seed-mft-003', 'politics', 'care', 'Should society protect its most vulnerable members even at a cost to the majority?'),
  seed('seed-mft-004', 'education', 'care', 'Should parents avoid physical punishment of children?'),
  seed('seed-mft-005', 'philosophy', 'care', "Is it acceptable to hurt someone's feelings in order to tell them the truth?"),
  seed('seed-mft-006', 'politics', 'care', 'Should soldiers risk their lives to protect civilians of another country?'),
  seed('seed-mft-007', 'economics', 'fairness', 'Should everyone pay the same share of their income in taxes?'),
  seed('seed-mft-008', 'economics', 'fairness', 'Is it fair for people to inherit large fortunes?'),
  seed('seed-mft-009', 'economics', 'fairness', 'Should people who work harder receive greater rewards?'),
  seed('seed-mft-010', 'education', 'fairness', 'Should cheating in exams always lead to expulsion?'),
  seed('seed-mft-011', 'law', 'fairness', 'Should hiring favour groups that faced discrimination in the past?'),
  seed('seed-mft-012', 'science', 'fairness', 'Is it fair for rich countries to pollute more than poor ones?'),
  seed('seed-mft-013', 'politics', 'loyalty', 'Should people stay loyal to their country even when it acts wrongly?'),
  seed('seed-mft-014', 'social', 'loyalty', "Is it wrong to criticise one's own family in public?"),
  seed('seed-mft-015', 'economics', 'loyalty', 'Should employees stay with one company for their whole career?'),
  seed('seed-mft-016', 'arts', 'loyalty', 'Should sports fans stand by their team through every defeat?'),
  seed('seed-mft-017', 'social', 'loyalty', 'Is it acceptable to leave a group that supported you for a better opportunity elsewhere?'),
  seed('seed-mft-018', 'politics', 'loyalty', 'Should citizens serve in the military when their country asks them to?'),
  seed('seed-mft-019', 'social', 'authority', 'Should children always obey their parents?'),
  seed('seed-mft-020', 'economics', 'authority', 'Should employees carry out orders they find questionable?'),
  seed('seed-mft-021', 'education', 'authority', 'Should students address their teachers with formal titles?'),
  seed('seed-mft-022', 'philosophy', 'authority', 'Should religious leaders have a say in public policy?'),
  seed('seed-mft-023', 'law', 'authority', 'Is it right to protest against the police?'),
  seed('seed-mft-024', 'social', 'authority', 'Should customs set by elders be followed without question?'),
  seed('seed-mft-025', 'science', 'sanctity', 'Should some natural places be treated as sacred and kept free of development?'),
  seed('seed-mft-026', 'technology', 'sanctity', 'Is it wrong to alter the human body with technology?'),
  seed('seed-mft-027', 'philosophy', 'sanctity', 'Should certain foods be avoided because they are considered impure?'),
  seed('seed-mft-028', 'law', 'sanctity', 'Is selling a kidney for money degrading to the human body?'),
  seed('seed-mft-029', 'philosophy', 'sanctity', 'Should funeral rites be protected from change?'),
  seed('seed-mft-030', 'social', 'sanctity', 'Should people avoid behaviour that others find disgusting, even in private?'),
];
