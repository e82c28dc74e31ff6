import { expect } from 'chai';
import {
  isWorkingDate,
  nthWorkingDayAfter,
  workingDaysAfter,
  type DayKind,
} from '../../server/src/domains/calendar/working-days.js';

// The working-day rules of every deadline (calendar/working-days.ts), with the calendar's
// exceptions in a Map instead of MongoDB (test/server/calendar.test.ts runs them on the database).
// The calendar here is made up for the test: a holiday week 1–7 October 2026 (Thursday to
// Wednesday) with Saturday 10 October as its make-up working day (调休).

const exceptions = new Map<string, DayKind>([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'HOLIDAY'] as [string, DayKind]),
  ['2026-10-10', 'WORKDAY'],
]);
const calendar = (ymd: string) => isWorkingDate(ymd, exceptions.get(ymd));
const stored = (ymd: string) => Promise.resolve(calendar(ymd)); // as calendar.service.ts passes it

describe('unit: working days', () => {
  it('works on weekdays and rests at weekends unless the calendar says otherwise', () => {
    // 2026-12-04 is a Friday.
    expect(
      ['2026-12-04', '2026-12-05', '2026-12-06', '2026-12-07'].map((d) => isWorkingDate(d, undefined)),
    ).to.deep.equal([true, false, false, true]);
    expect(isWorkingDate('2026-10-01', 'HOLIDAY')).to.equal(false); // a Thursday off
    expect(isWorkingDate('2026-10-10', 'WORKDAY')).to.equal(true); // a Saturday on
    expect(isWorkingDate('2026-10-04', 'HOLIDAY')).to.equal(false); // a Sunday, off either way
    expect(isWorkingDate('2026-12-07', 'WORKDAY')).to.equal(true);
  });

  it('does not count the starting day, and skips the weekend', async () => {
    expect(await nthWorkingDayAfter('2026-12-04', 1, calendar)).to.equal('2026-12-07'); // Friday → Monday
    expect(await nthWorkingDayAfter('2026-12-04', 2, calendar)).to.equal('2026-12-08');
    expect(await nthWorkingDayAfter('2026-12-05', 1, calendar)).to.equal('2026-12-07'); // from a Saturday
    expect(await nthWorkingDayAfter('2026-12-07', 5, calendar)).to.equal('2026-12-14');
  });

  it('skips holidays and counts the make-up Saturday', async () => {
    // 8 Oct (Thu) 1, 9 Oct (Fri) 2, 10 Oct (make-up Sat) 3, 12 Oct (Mon) 4, 13 Oct 5.
    expect(await nthWorkingDayAfter('2026-09-30', 5, stored)).to.equal('2026-10-13');
    expect(await nthWorkingDayAfter('2026-09-30', 1, stored)).to.equal('2026-10-08');
    expect(await nthWorkingDayAfter('2026-10-09', 1, stored)).to.equal('2026-10-10');
  });

  it('takes "within 0 days" as the day itself, or the next working day', async () => {
    expect(await nthWorkingDayAfter('2026-12-04', 0, calendar)).to.equal('2026-12-04');
    expect(await nthWorkingDayAfter('2026-12-05', 0, calendar)).to.equal('2026-12-07');
    expect(await nthWorkingDayAfter('2026-10-01', 0, stored)).to.equal('2026-10-08');
  });

  it('counts the working days after one date up to and including another', async () => {
    expect(await workingDaysAfter('2026-12-04', '2026-12-07', calendar)).to.equal(1); // Friday → Monday
    expect(await workingDaysAfter('2026-12-04', '2026-12-11', calendar)).to.equal(5);
    expect(await workingDaysAfter('2026-12-07', '2026-12-07', calendar)).to.equal(0);
    expect(await workingDaysAfter('2026-12-08', '2026-12-07', calendar)).to.equal(0);
    expect(await workingDaysAfter('2026-09-30', '2026-10-12', stored)).to.equal(4);
  });
});
