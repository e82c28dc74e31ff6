import { expect } from 'chai';
import {
  addCounts,
  COUNT_KEYS,
  RATE_KEYS,
  ratesOf,
  zeroCounts,
} from '../../server/src/domains/bulletins/metrics/figures.js';
import { counts } from './bulletin-fixtures.js';

// A bulletin unit's counts and the rates derived from them (bulletins/metrics/figures.ts).

describe('unit: bulletin figures', () => {
  it('starts every count at 0, in a fresh object each time', () => {
    const a = zeroCounts();
    expect(Object.keys(a)).to.deep.equal([...COUNT_KEYS]);
    expect(Object.values(a).every((v) => v === 0)).to.equal(true);
    a.ratings = 5;
    expect(zeroCounts().ratings).to.equal(0);
  });

  it('adds counts, taking a missing one as 0', () => {
    const into = counts({ ratings: 2, good: 1 });
    const out = addCounts(into, { ratings: 3, bad: 1 });
    expect(out).to.equal(into);
    expect(out).to.deep.equal(counts({ ratings: 5, good: 1, bad: 1 }));
  });

  it('derives each rate from its own part and whole', () => {
    const c = counts({
      ratings: 20,
      good: 15,
      bad: 2,
      followUps: 4,
      followUpsClosed: 2,
      followUpsResolved: 2,
      followUpsUnresolved: 0,
      followUpsOnTime: 1,
      repliesDue: 5,
      repliedOnTime: 4,
      observations: 10,
      present: 9,
      accepted: 8,
      completed: 4,
      casesOnTime: 3,
    });
    expect(ratesOf(c)).to.deep.equal({
      goodRate: 0.75,
      badRate: 0.1,
      closureRate: 0.5,
      followUpOnTimeRate: 0.5,
      replyOnTimeRate: 0.8,
      attendanceRate: 0.9,
      completionRate: 0.5,
      caseOnTimeRate: 0.75,
    });
  });

  it('gives null where there is nothing to divide by, and caps completion at 1', () => {
    expect(Object.values(ratesOf(zeroCounts())).every((r) => r === null)).to.equal(true);
    expect(ratesOf(counts({ accepted: 2, completed: 3 })).completionRate).to.equal(1);
    expect(RATE_KEYS).to.deep.equal([
      'goodRate',
      'badRate',
      'closureRate',
      'followUpOnTimeRate',
      'replyOnTimeRate',
      'attendanceRate',
      'completionRate',
      'caseOnTimeRate',
    ]);
  });
});
