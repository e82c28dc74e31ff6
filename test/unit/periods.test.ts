import { expect } from 'chai';
import { bimonthKey, bimonthOfMonth, BIMONTH_KEY, bimonthRange, periodKeys } from '../../common/periods.js';

// The reporting periods stored on every record (common/periods.ts): the local day, ISO week,
// month, bimonth, year, hour and weekday of an instant, taken at the centre's midnight.

const at = (local: string) => new Date(`${local}+08:00`);

describe('unit: reporting periods', () => {
  it('files the last local second of a bimonth and the first of the next apart', () => {
    expect(periodKeys(at('2026-02-28T23:59:59'))).to.deep.equal({
      day: '2026-02-28',
      week: '2026-W09',
      month: '2026-02',
      bimonth: '2026-B1',
      year: '2026',
      hour: 23,
      weekday: 6,
    });
    expect(periodKeys(at('2026-03-01T00:00:00'))).to.deep.equal({
      day: '2026-03-01',
      week: '2026-W09',
      month: '2026-03',
      bimonth: '2026-B2',
      year: '2026',
      hour: 0,
      weekday: 7,
    });
  });

  it('gives ISO weeks, which belong to the year of their Thursday', () => {
    const week = (local: string) => periodKeys(at(local)).week;
    expect(week('2026-01-01T00:00:00')).to.equal('2026-W01'); // a Thursday
    expect(week('2025-12-29T00:00:00')).to.equal('2026-W01'); // the Monday before it
    expect(week('2027-01-01T00:00:00')).to.equal('2026-W53'); // 2026 has 53 weeks
    expect(week('2021-01-03T23:59:00')).to.equal('2020-W53'); // a Sunday
    expect(week('2024-12-30T09:00:00')).to.equal('2025-W01');
    expect(week('2026-03-08T23:59:59')).to.equal('2026-W10'); // Sunday ends a week …
    expect(week('2026-03-09T00:00:00')).to.equal('2026-W11'); // … Monday starts the next
    expect(week('2026-12-02T12:00:00')).to.equal('2026-W49');
  });

  it('numbers weekdays from Monday 1 to Sunday 7 and hours 0–23 in local time', () => {
    expect(periodKeys(at('2026-03-09T00:00:00'))).to.include({ weekday: 1, hour: 0 });
    expect(periodKeys(at('2026-03-08T23:59:59'))).to.include({ weekday: 7, hour: 23 });
    expect(periodKeys(at('2026-06-15T13:00:00'))).to.include({ weekday: 1, hour: 13, month: '2026-06' });
  });

  it('puts two months in each bimonth', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(bimonthOfMonth)).to.deep.equal([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6,
    ]);
    expect(bimonthKey(2026, 3)).to.equal('2026-B3');
  });

  it('recognises bimonth keys and nothing else', () => {
    expect(BIMONTH_KEY.exec('2026-B6')?.slice(1)).to.deep.equal(['2026', '6']);
    expect(BIMONTH_KEY.test('2026-B1')).to.equal(true);
    for (const bad of ['2026-B0', '2026-B7', '2026-B12', '1999-B1', 'x2026-B1', '2026-B1x', '2026-b1', '226-B1'])
      expect(BIMONTH_KEY.test(bad), bad).to.equal(false);
  });

  it('turns every bimonth of a year into its first and last local day', () => {
    expect([1, 2, 3, 4, 5, 6].map((b) => bimonthRange(`2026-B${b}`))).to.deep.equal([
      { from: '2026-01-01', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-04-30' },
      { from: '2026-05-01', to: '2026-06-30' },
      { from: '2026-07-01', to: '2026-08-31' },
      { from: '2026-09-01', to: '2026-10-31' },
      { from: '2026-11-01', to: '2026-12-31' },
    ]);
    expect(bimonthRange('2028-B1')).to.deep.equal({ from: '2028-01-01', to: '2028-02-29' });
  });
});
