import { expect } from 'chai';
import {
  BAD_LEVELS,
  GOOD_LEVELS,
  isBad,
  isGood,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  ratingLevelLabel,
} from '../../common/ratings.js';

// The five levels of the good/bad review (common/ratings.ts): which count as good, which open a
// follow-up, and what people read for each.

describe('unit: rating levels', () => {
  it('orders the five levels best first', () => {
    expect(RATING_LEVELS).to.deep.equal(['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED', 'VERY_DISSATISFIED']);
  });

  it('counts the top two as good, the bottom two as bad, and BASIC as neither', () => {
    expect(GOOD_LEVELS).to.deep.equal(['VERY_SATISFIED', 'SATISFIED']);
    expect(BAD_LEVELS).to.deep.equal(['DISSATISFIED', 'VERY_DISSATISFIED']);
    expect(RATING_LEVELS.map((l) => [isGood(l), isBad(l)])).to.deep.equal([
      [true, false],
      [true, false],
      [false, false],
      [false, true],
      [false, true],
    ]);
  });

  it('labels every level in Chinese and in English', () => {
    expect(RATING_LEVEL_LABELS).to.deep.equal({
      VERY_SATISFIED: { zh: '非常满意', en: 'Very satisfied' },
      SATISFIED: { zh: '满意', en: 'Satisfied' },
      BASIC: { zh: '基本满意', en: 'Basically satisfied' },
      DISSATISFIED: { zh: '不满意', en: 'Dissatisfied' },
      VERY_DISSATISFIED: { zh: '非常不满意', en: 'Very dissatisfied' },
    });
  });

  it('reads English for any en locale and Chinese for every other', () => {
    expect(ratingLevelLabel('BASIC', 'en')).to.equal('Basically satisfied');
    expect(ratingLevelLabel('BASIC', 'en-US')).to.equal('Basically satisfied');
    expect(ratingLevelLabel('BASIC', 'zh-CN')).to.equal('基本满意');
    expect(ratingLevelLabel('DISSATISFIED', 'fr-en')).to.equal('不满意');
    expect(ratingLevelLabel('DISSATISFIED', '')).to.equal('不满意');
  });
});
