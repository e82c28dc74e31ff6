import { expect } from 'chai';
import {
  addWorkingDays,
  importChineseDays,
  workingDaysBetween,
} from '../../server/src/domains/calendar/calendar.service.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeUser, PASSWORD } from '../helpers/fixtures.js';

const at = (local: string) => new Date(`${local}+08:00`);

describe('working-day calendar', () => {
  let app: TestApp;
  let admin: Client;
  before(async () => {
    app = await startTestApp();
    await importChineseDays(2026, 2026);
    admin = new Client(app.url);
    await admin.login((await makeUser('ADMIN')).username, PASSWORD);
  });
  after(() => app.close());

  it('skips the National Day holiday and counts the make-up Saturday (调休)', async () => {
    // Wed 30 Sep 2026 + 5 working days: 1–7 Oct off; Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13.
    expect((await addWorkingDays(at('2026-09-30T10:00:00'), 5)).toISOString()).to.equal(
      at('2026-10-13T23:59:59.999').toISOString(),
    );
    // Plain weekday arithmetic would have said Wed 7 Oct, in the middle of the holiday.
  });

  it('counts a make-up Sunday as a working day', async () => {
    // Fri 18 Sep + 1: Sat 19 is off, Sun 20 is a working day.
    expect((await addWorkingDays(at('2026-09-18T16:30:00'), 1)).toISOString()).to.equal(
      at('2026-09-20T23:59:59.999').toISOString(),
    );
  });

  it('counts working days between two instants', async () => {
    expect(await workingDaysBetween(at('2026-09-30T09:00:00'), at('2026-10-12T09:00:00'))).to.equal(4);
    expect(await workingDaysBetween(at('2026-10-12T09:00:00'), at('2026-10-01T09:00:00'))).to.equal(0);
  });

  it('lets an admin add a local closure that moves deadlines, and refuses others', async () => {
    const SET =
      'mutation($d: String!) { setCalendarDay(date: $d, kind: HOLIDAY, name: "大厅检修") { date kind source } }';
    expect((await admin.gql(SET, { d: '2026-10-08' })).data.setCalendarDay).to.deep.equal({
      date: '2026-10-08',
      kind: 'HOLIDAY',
      source: 'admin',
    });
    const q = '{ workingDeadline(from: "2026-09-30T02:00:00Z", days: 5) }';
    expect((await admin.gql(q)).data.workingDeadline).to.equal(at('2026-10-14T23:59:59.999').toISOString());
    // A re-import of the national schedule keeps the admin's entry.
    await importChineseDays(2026, 2026);
    expect((await admin.gql(q)).data.workingDeadline).to.equal(at('2026-10-14T23:59:59.999').toISOString());

    const manager = new Client(app.url);
    await manager.login((await makeUser('MANAGER')).username, PASSWORD);
    expect(await manager.code(SET, { d: '2026-10-09' })).to.equal('FORBIDDEN');
    expect(await admin.code('mutation { setCalendarDay(date: "10/9/2026", kind: HOLIDAY) { date } }')).to.equal(
      'VALIDATION_FAILED',
    );
  });
});
