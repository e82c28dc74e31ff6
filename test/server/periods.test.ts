import { expect } from 'chai';
import { periodOf, previousPeriod, resolvePeriod } from '../../server/src/domains/bulletins/period.js';
import { bottomOf, ranksOf } from '../../server/src/domains/bulletins/scoring.js';

describe('bulletin periods and ranking rules', () => {
  it('turns bimonths, half-years, years and ranges into local dates and labels', () => {
    expect(periodOf('2026-B6')).to.deep.equal({
      kind: 'BIMONTH',
      key: '2026-B6',
      from: '2026-11-01',
      to: '2026-12-31',
      label: '2026年11—12月',
    });
    expect(periodOf('2028-B1').to).to.equal('2028-02-29');
    expect(periodOf('2026-H1')).to.deep.include({ from: '2026-01-01', to: '2026-06-30', label: '2026年上半年' });
    expect(periodOf('2026')).to.deep.include({ kind: 'YEAR', from: '2026-01-01', to: '2026-12-31' });
    expect(resolvePeriod({ from: '2026-03-02', to: '2026-03-20' })).to.deep.include({
      kind: 'RANGE',
      key: '2026-03-02~2026-03-20',
      label: '2026年3月2日至3月20日',
    });
    for (const bad of ['2026-B0', '2026-H3', '26', '2026-02-30~2026-03-01', '2026-03-05~2026-03-01'])
      expect(() => periodOf(bad), bad).to.throw();
  });

  it('compares with the period of the same kind just before', () => {
    expect(previousPeriod(periodOf('2026-B1')).key).to.equal('2025-B6');
    expect(previousPeriod(periodOf('2026-B4')).key).to.equal('2026-B3');
    expect(previousPeriod(periodOf('2026-H1')).key).to.equal('2025-H2');
    expect(previousPeriod(periodOf('2026-H2')).key).to.equal('2026-H1');
    expect(previousPeriod(periodOf('2026')).key).to.equal('2025');
    expect(previousPeriod(periodOf('2026-03-11~2026-03-20')).key).to.equal('2026-03-01~2026-03-10');
  });

  it('shares ranks between equal scores and draws the bottom line through ties', () => {
    expect(ranksOf([90, 80, 80, 70, null, 95])).to.deep.equal([2, 3, 3, 5, null, 1]);
    expect(bottomOf([90, 80, 70, 70, null], 1)).to.deep.equal([false, false, true, true, false]);
    expect(bottomOf([90, 80, 70], 0)).to.deep.equal([false, false, false]);
  });
});
