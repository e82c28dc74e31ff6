import { expect } from 'chai';
import {
  addDays,
  CENTER_TIME_ZONE,
  CENTER_UTC_OFFSET_MS,
  DAY_MS,
  daysBetween,
  endOfLocalDay,
  formatCenterDate,
  isLocalDate,
  lastDayOfMonth,
  LOCAL_DATE,
  LOCAL_TIME,
  localDate,
  localDateTime,
  localInstant,
  pad2,
  startOfLocalDay,
  weekdayOf,
} from '../../common/time.js';

// The centre's clock (common/time.ts), at the edges where an off-by-one hour or day would move a
// record into the wrong day, bimonth or deadline.

describe('unit: the centre clock', () => {
  it('agrees with the time zone database for Asia/Shanghai', () => {
    const zoned = new Intl.DateTimeFormat('en-CA', { timeZone: CENTER_TIME_ZONE, dateStyle: 'short' });
    for (const iso of ['2026-01-01T15:59:59Z', '2026-01-01T16:00:00Z', '2026-07-01T03:00:00Z', '2026-12-31T23:00:00Z'])
      expect(localDate(new Date(iso)), iso).to.equal(zoned.format(new Date(iso)));
    expect(CENTER_UTC_OFFSET_MS).to.equal(8 * 60 * 60 * 1000);
    expect(DAY_MS).to.equal(24 * 60 * 60 * 1000);
  });

  it('turns the local day at the centre midnight, not at UTC midnight', () => {
    expect(localDate(new Date('2026-03-04T15:59:59.999Z'))).to.equal('2026-03-04');
    expect(localDate(new Date('2026-03-04T16:00:00.000Z'))).to.equal('2026-03-05');
    expect(localDateTime(new Date('2026-03-04T16:00:00.000Z'))).to.equal('2026-03-05 00:00');
    expect(localDateTime(new Date('2026-03-05T06:30:59Z'))).to.equal('2026-03-05 14:30');
  });

  it('gives the instants of a local date and time', () => {
    expect(localInstant('2026-03-05').toISOString()).to.equal('2026-03-04T16:00:00.000Z');
    expect(localInstant('2026-03-05', '23:59').toISOString()).to.equal('2026-03-05T15:59:00.000Z');
    expect(startOfLocalDay('2027-01-01').toISOString()).to.equal('2026-12-31T16:00:00.000Z');
    expect(endOfLocalDay('2026-12-31').toISOString()).to.equal('2026-12-31T15:59:59.999Z');
    // The end of one day is the millisecond before the start of the next.
    expect(endOfLocalDay('2026-02-28').getTime() + 1).to.equal(startOfLocalDay('2026-03-01').getTime());
  });

  it('counts local dates across month, year and leap-day ends', () => {
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-05-05', 0)).to.equal('2026-05-05');
    expect(daysBetween('2026-01-01', '2026-03-01')).to.equal(59);
    expect(daysBetween('2026-03-01', '2026-01-01')).to.equal(-59);
    expect(daysBetween('2026-03-01', '2026-03-01')).to.equal(0);
  });

  it('names weekdays from Sunday 0 to Saturday 6', () => {
    expect(['2026-11-29', '2026-11-30', '2026-12-02', '2026-12-05'].map(weekdayOf)).to.deep.equal([0, 1, 3, 6]);
  });

  it('accepts only real calendar dates and times of day in their exact shape', () => {
    for (const ok of ['2026-02-28', '2028-02-29', '2026-12-31']) expect(isLocalDate(ok), ok).to.equal(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-2-28', 'x2026-02-28', '2026-02-28x', ''])
      expect(isLocalDate(bad), bad).to.equal(false);
    expect(LOCAL_DATE.test('2026-02-28')).to.equal(true);
    for (const bad of ['2026-02-2', ' 2026-02-28', '2026-02-28 ', '20260-02-28'])
      expect(LOCAL_DATE.test(bad), bad).to.equal(false);
    for (const ok of ['00:00', '09:30', '19:05', '23:59']) expect(LOCAL_TIME.test(ok), ok).to.equal(true);
    for (const bad of ['24:00', '23:60', '9:30', '123:00', '12:001', '2:00', '12-00'])
      expect(LOCAL_TIME.test(bad), bad).to.equal(false);
  });

  it('knows the last day of every kind of month and pads to two digits', () => {
    expect([1, 2, 4, 12].map((m) => lastDayOfMonth(2026, m))).to.deep.equal([31, 28, 30, 31]);
    expect(lastDayOfMonth(2028, 2)).to.equal(29);
    expect([pad2(3), pad2(0), pad2(12)]).to.deep.equal(['03', '00', '12']);
  });

  it('shows an instant as the centre’s date, with its time when asked, in the reader’s language', () => {
    // 16:30 UTC is already the next day at the centre.
    const at = '2026-03-05T16:30:00.000Z';
    expect(formatCenterDate(at, 'zh-CN')).to.equal('2026年3月6日');
    expect(formatCenterDate(new Date(at), 'zh-CN', true)).to.equal('2026年3月6日 00:30');
    expect(formatCenterDate(at, 'en')).to.equal('Mar 6, 2026');
    expect([formatCenterDate(null, 'zh-CN'), formatCenterDate(undefined, 'en')]).to.deep.equal(['', '']);
  });
});
