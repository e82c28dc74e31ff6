import { expect } from 'chai';
import { zeroCounts } from '../../server/src/domains/bulletins/metrics/figures.js';
import {
  applyScores,
  baseRow,
  baseScore,
  bottomOf,
  gradeOf,
  partsOf,
  ranksOf,
  type Parts,
} from '../../server/src/domains/bulletins/scoring.js';
import { counts, row, RULES, unit } from './bulletin-fixtures.js';

// The bulletin's scores, grades and ranks (bulletins/scoring.ts) under the default rulebook
// (bulletin.settings.ts), with the figures worked out by hand in the comments.

const parts = (p: Partial<Parts>): Parts => ({
  ratings: null,
  attendance: null,
  inspections: 100,
  complaints: 100,
  cases: null,
  ...p,
});

describe('unit: bulletin scoring', () => {
  it('scores each part from its figures', () => {
    const c = counts({
      ratings: 50,
      good: 45,
      followUpsLate: 2,
      observations: 10,
      present: 9,
      points: 1.5,
      upheld: 1,
      repliesDue: 3,
      repliedOnTime: 2,
      accepted: 10,
      completed: 8,
      casesOnTime: 6,
    });
    expect(partsOf(c, RULES)).to.deep.equal({
      ratings: 86, // 100 × 45/50 − 2 × 2
      attendance: 90, // 100 × 9/10
      inspections: 85, // 100 − 10 × 1.5
      complaints: 70, // 100 − 20 × 1 upheld − 10 × 1 late reply
      cases: 77.5, // 50 × 8/10 + 50 × 6/8
    });
  });

  it('leaves out the parts without data, and floors the others at 0', () => {
    expect(partsOf(zeroCounts(), RULES)).to.deep.equal(parts({}));
    const bad = counts({ ratings: 1, followUpsLate: 5, points: 20, upheld: 10, accepted: 4 });
    expect(partsOf(bad, RULES)).to.deep.equal({
      ratings: 0,
      attendance: null,
      inspections: 0,
      complaints: 0,
      cases: 0,
    });
  });

  it('rounds parts to hundredths and caps completion at 100 %', () => {
    expect(partsOf(counts({ ratings: 3, good: 2, observations: 3, present: 1 }), RULES)).to.include({
      ratings: 66.67,
      attendance: 33.33,
    });
    // 4 completed of 2 accepted counts as all done: 50 × 1 + 50 × 2/4.
    expect(partsOf(counts({ accepted: 2, completed: 4, casesOnTime: 2 }), RULES).cases).to.equal(75);
  });

  it('weighs the parts present and scales their weights up', () => {
    // (86×40 + 90×20 + 85×20 + 70×10 + 77.5×10) / 100
    expect(baseScore({ ratings: 86, attendance: 90, inspections: 85, complaints: 70, cases: 77.5 }, RULES)).to.equal(
      84.15,
    );
    // Ratings only: (50×40 + 100×20 + 100×10) / 70
    expect(baseScore(parts({ ratings: 50 }), RULES)).to.equal(71.43);
    expect(baseScore(parts({ attendance: 50 }), RULES)).to.equal(80); // (50×20 + 100×20 + 100×10) / 50
    expect(baseScore(parts({ cases: 40 }), RULES)).to.equal(85); // (40×10 + 100×20 + 100×10) / 40
    expect(baseScore(parts({ attendance: 150 }), RULES)).to.equal(100); // never above 100
  });

  it('scores nobody without ratings, observations or cases, or when every weight is 0', () => {
    expect(baseScore(parts({ inspections: 50, complaints: 50 }), RULES)).to.equal(null);
    const noWeights = {
      ...RULES,
      weightRatings: 0,
      weightAttendance: 0,
      weightInspections: 0,
      weightComplaints: 0,
      weightCases: 0,
    };
    expect(baseScore(parts({ ratings: 90 }), noWeights)).to.equal(null);
    // A part whose weight is 0 drops out with its weight: (80×20 + 100×10) / 30.
    expect(baseScore(parts({ ratings: 50, inspections: 80 }), { ...RULES, weightRatings: 0 })).to.equal(86.67);
  });

  it('grades at the pass and basic lines, which belong to the higher grade', () => {
    expect([100, 80, 79.99, 60, 59.99, 0].map((s) => gradeOf(s, RULES))).to.deep.equal([
      'PASS',
      'PASS',
      'BASIC_PASS',
      'BASIC_PASS',
      'FAIL',
      'FAIL',
    ]);
    expect(gradeOf(null, RULES)).to.equal(null);
  });

  it('ranks by competition, leaving the unscored out', () => {
    expect(ranksOf([90, null, 95, 90, 80])).to.deep.equal([2, null, 1, 2, 4]);
    expect(ranksOf([])).to.deep.equal([]);
    // A score of 0 is a score: it ranks last, not among the unscored.
    expect(ranksOf([null, 0, 50])).to.deep.equal([null, 2, 1]);
  });

  it('puts at the bottom whoever has fewer than n scored units below it, ties included', () => {
    expect(bottomOf([50, 60, 60, 70, 80, null], 2)).to.deep.equal([true, true, true, false, false, false]);
    expect(bottomOf([50, 60, 60, 70], 1)).to.deep.equal([true, false, false, false]);
    expect(bottomOf([60, 60, 70], 1)).to.deep.equal([true, true, false]);
    expect(bottomOf([50, 60], 0)).to.deep.equal([false, false]);
  });

  it('keeps a unit, its figures, rates, parts and both periods’ scores in a snapshot row', () => {
    const current = counts({ ratings: 10, good: 9 });
    const previous = counts({ ratings: 10, good: 5 });
    const r = baseRow(unit('WINDOW', 'w1', current, previous), RULES);
    expect(r).to.include({
      level: 'WINDOW',
      id: 'w1',
      departmentName: '市场监管局',
      ratings: 10,
      good: 9,
      goodRate: 0.9,
    });
    expect(r).not.to.have.any.keys('current', 'previous');
    expect(r.parts).to.deep.equal(parts({ ratings: 90 }));
    expect(r.base).to.equal(94.29); // (90×40 + 100×20 + 100×10) / 70
    expect(r.previousScore).to.equal(71.43); // (50×40 + 100×20 + 100×10) / 70
  });

  it('gives departments the capped bonus of their smile stars, then grades, ranks and compares', () => {
    const rows = [
      row('DEPARTMENT', 'd1', 84, 80),
      row('DEPARTMENT', 'd2', 70, 90),
      row('DEPARTMENT', 'd3', null, 60),
      row('DEPARTMENT', 'd4', 82, null),
    ];
    const scored = applyScores(rows, { ...RULES, bottomN: 1 }, new Set(['d4']), ['d2', 'd2', 'd2', 'd1', 'd3']);
    expect(
      scored.map((r) => [r.id, r.bonus, r.score, r.grade, r.rank, r.previousRank, r.rankChange, r.bottom]),
    ).to.deep.equal(
      [
        ['d1', 2, 86, 'PASS', 1, 2, 1],
        ['d2', 5, 75, 'BASIC_PASS', 3, 1, -2],
        ['d3', 0, null, null, null, 3, null],
        ['d4', 0, 82, 'PASS', 2, null, null],
      ].map((r, i) => [...r, [false, true, false, false][i]]),
    );
    expect(scored.map((r) => [r.escalated, r.smileStar])).to.deep.equal(new Array(4).fill([false, false]));
  });

  it('gives a smile star its bonus, capped, and marks it', () => {
    const rows = [row('STAFF', 's1', 90, null), row('STAFF', 's2', 88, null), row('STAFF', 's3', null, null)];
    const scored = applyScores(rows, RULES, new Set(['s1', 's3']), ['s2']);
    expect(scored.map((r) => [r.bonus, r.score, r.smileStar])).to.deep.equal([
      [2, 92, true],
      [0, 88, false],
      [0, null, true],
    ]);
    const capped = applyScores(rows, { ...RULES, smileStarBonus: 8 }, new Set(['s1']), []);
    expect(capped[0]).to.include({ bonus: 5, score: 95 });
  });

  it('escalates windows at the bottom in this period and the one before, and only windows', () => {
    const figures: Array<[string, number, number]> = [
      ['w1', 50, 40], // bottom twice
      ['w2', 55, 95], // bottom now only
      ['w3', 90, 45], // bottom before only
      ['w4', 95, 99],
    ];
    const windows = applyScores(
      figures.map(([id, now, before]) => row('WINDOW', id, now, before)),
      { ...RULES, bottomN: 2 },
      new Set(['w1']),
      ['w1'],
    );
    expect(windows.map((r) => [r.bottom, r.escalated, r.bonus])).to.deep.equal([
      [true, true, 0],
      [true, false, 0],
      [false, false, 0],
      [false, false, 0],
    ]);
    const departments = applyScores(
      figures.map(([id, now, before]) => row('DEPARTMENT', id, now, before)),
      { ...RULES, bottomN: 2 },
      new Set(),
      [],
    );
    expect(departments.map((r) => r.escalated)).to.deep.equal([false, false, false, false]);
  });
});
