// The five levels of the national good/bad review (好差评) standard, best first. The same scale
// answers "how satisfied are you?" after a complaint is closed.

export const RATING_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** 好评: the two highest levels count towards the good-rating rate. */
export const GOOD_LEVELS: readonly RatingLevel[] = ['VERY_SATISFIED', 'SATISFIED'];
/** 差评: the two lowest levels; each opens a follow-up, and only they ask for reasons and a phone. */
export const BAD_LEVELS: readonly RatingLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];

export const isGood = (level: RatingLevel) => GOOD_LEVELS.includes(level);
export const isBad = (level: RatingLevel) => BAD_LEVELS.includes(level);

/** What people read for each level, in both languages of the center. */
export const RATING_LEVEL_LABELS: Record<RatingLevel, { zh: string; en: string }> = {
  VERY_SATISFIED: { zh: '非常满意', en: 'Very satisfied' },
  SATISFIED: { zh: '满意', en: 'Satisfied' },
  BASIC: { zh: '基本满意', en: 'Basically satisfied' },
  DISSATISFIED: { zh: '不满意', en: 'Dissatisfied' },
  VERY_DISSATISFIED: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** A level's label in a locale ("en", or Chinese for anything else). */
export const ratingLevelLabel = (level: RatingLevel, locale: string) =>
  RATING_LEVEL_LABELS[level][locale.startsWith('en') ? 'en' : 'zh'];
