/** The nine topic categories of the paper's seed set, by short id (method §4, "Seeds"). */
export const SEED_CATEGORIES = {
  arts: 'Entertainment & Arts',
  philosophy: 'Philosophy & Beliefs',
  technology: 'Technology & Innovation',
  politics: 'Politics & International Relations',
  science: 'Science, Health & Environment',
  law: 'Law, Justice & Human Rights',
  education: 'Education & Media',
  social: 'Social & Cultural Issues',
  economics: 'Economics & Business',
} as const;
export type SeedCategoryId = keyof typeof SEED_CATEGORIES;
export type SeedCategoryName = (typeof SEED_CATEGORIES)[SeedCategoryId];

/** Category names in the paper's order. */
export const SEED_CATEGORY_NAMES: readonly SeedCategoryName[] = Object.values(SEED_CATEGORIES);
