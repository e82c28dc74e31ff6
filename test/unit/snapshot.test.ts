import { expect } from 'chai';
import { baseRow } from '../../server/src/domains/bulletins/scoring.js';
import { candidatesOf, scoreSnapshot } from '../../server/src/domains/bulletins/snapshot.js';
import { counts, row, RULES, unit } from './bulletin-fixtures.js';

// The pure half of a bulletin snapshot (bulletins/snapshot.ts): the smile-star candidates and the
// scoring of every level with the picked stars. (computeSnapshot, which reads MongoDB, is tested
// over HTTP in test/server/bulletins.test.ts.)

const staff = (id: string, c: Parameters<typeof counts>[0]) => baseRow(unit('STAFF', id, counts(c)), RULES);

/** Fresh rows for each test: a mutant that sorts its input in place must not reorder the next test's. */
const candidates = () => [
  staff('s1', { ratings: 40, good: 38 }), // 95 %
  staff('s2', { ratings: 30, good: 30, bad: 0 }), // 100 %, just enough ratings
  staff('s3', { ratings: 29, good: 29 }), // too few ratings
  staff('s4', { ratings: 50, good: 49, violations: 1 }), // a confirmed violation
  staff('s5', { ratings: 60, good: 57, upheld: 1 }), // an upheld complaint
  staff('s6', { ratings: 80, good: 76, bad: 2 }), // 95 %, more ratings than s1
  staff('s7', { ratings: 30, good: 27 }), // 90 %
];

describe('unit: bulletin snapshots', () => {
  it('proposes staff with enough ratings and a clean record, best good rate first, then most ratings', () => {
    const list = candidatesOf(candidates(), { ...RULES, starCandidates: 10 });
    expect(list.map((c) => c.staffId)).to.deep.equal(['s2', 's6', 's1', 's7']);
    expect(list[1]).to.deep.equal({
      staffId: 's6',
      staffName: '员工s6',
      staffNo: 'NO-s6',
      departmentId: 'd',
      departmentName: '市场监管局',
      ratings: 80,
      goodRate: 0.95,
      bad: 2,
    });
  });

  it('keeps everyone tied with the last place on the list', () => {
    // Two places: s2, then s6 and s1 tie at 95 %; s7 is out.
    expect(candidatesOf(candidates(), { ...RULES, starCandidates: 2 }).map((c) => c.staffId)).to.deep.equal([
      's2',
      's6',
      's1',
    ]);
    expect(candidatesOf(candidates(), { ...RULES, starCandidates: 1 }).map((c) => c.staffId)).to.deep.equal(['s2']);
    expect(candidatesOf(candidates(), { ...RULES, starMinRatings: 31 }).map((c) => c.staffId)).to.deep.equal([
      's6',
      's1',
    ]);
  });

  it('scores every level with the picked stars, ranked, unscored last, and counts the grades', () => {
    const snapshot = scoreSnapshot(
      {
        rules: RULES,
        generatedAt: 'kept as it is',
        departments: [
          row('DEPARTMENT', 'd1', 70, null),
          row('DEPARTMENT', 'd2', null, null),
          row('DEPARTMENT', 'd3', 90, null),
        ],
        windows: [row('WINDOW', 'w1', 50, null), row('WINDOW', 'w2', 85, null)],
        staff: [row('STAFF', 's1', 80, null, 'd1'), row('STAFF', 's2', 85, null, 'd3')],
      },
      ['s1'],
    );
    expect(snapshot.generatedAt).to.equal('kept as it is');
    expect(snapshot.rules).to.equal(RULES);
    // s1 is a star of d1: both get the bonus (2).
    expect(snapshot.departments.map((r) => [r.id, r.score, r.rank])).to.deep.equal([
      ['d3', 90, 1],
      ['d1', 72, 2],
      ['d2', null, null],
    ]);
    expect(snapshot.staff.map((r) => [r.id, r.score, r.rank, r.smileStar])).to.deep.equal([
      ['s2', 85, 1, false],
      ['s1', 82, 2, true],
    ]);
    expect(snapshot.windows.map((r) => r.id)).to.deep.equal(['w2', 'w1']);
    expect(snapshot.departmentGrades).to.deep.equal({ PASS: 1, BASIC_PASS: 1, FAIL: 0 });
    expect(snapshot.windowGrades).to.deep.equal({ PASS: 1, BASIC_PASS: 0, FAIL: 1 });
  });

  it('puts unscored rows after scored ones wherever they start', () => {
    const departments = [
      row('DEPARTMENT', 'none', null, null),
      row('DEPARTMENT', 'd1', 60, null),
      row('DEPARTMENT', 'd2', 70, null),
    ];
    const snapshot = scoreSnapshot({ rules: RULES, departments, windows: [], staff: [] }, []);
    expect(snapshot.departments.map((r) => r.id)).to.deep.equal(['d2', 'd1', 'none']);
  });
});
