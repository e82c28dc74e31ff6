import { expect } from 'chai';
import {
  addWorkingDays,
  calendarStatus,
  importChineseDays,
} from '../../server/src/domains/calendar/calendar.service.js';
import { registry } from '../../server/src/lib/metrics.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { as } from '../helpers/patrol.js';

// The holiday calendar must not run out silently: admins are warned from November when next
// year has no holidays, deadlines computed into an unknown year are counted, and the import says
// how many dates it really added.

const at = (local: string) => new Date(`${local}+08:00`);
const beyond = async () =>
  (await registry.getSingleMetric('wfp_deadlines_beyond_calendar_total')!.get()).values[0]?.value ?? 0;

describe('holiday calendar coverage', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
    await importChineseDays(2025, 2026);
  });
  after(() => app.close());

  it('warns from November when next year has no holidays, not before', async () => {
    expect(await calendarStatus(at('2026-10-31T12:00:00'))).to.deep.include({ warn: false, missing: [2027] });
    expect(await calendarStatus(at('2026-11-01T00:30:00'))).to.deep.include({ warn: true, missing: [2027] });
    // A year that is already running without holidays is always a warning.
    expect(await calendarStatus(at('2027-03-01T09:00:00'))).to.deep.include({ warn: true, missing: [2027, 2028] });
    // Positive control: with next year present there is nothing to say.
    expect(await calendarStatus(at('2025-11-15T09:00:00'))).to.deep.include({ warn: false, missing: [] });
  });

  it('states what an import added: nothing for a year the schedule does not have yet', async () => {
    expect(await importChineseDays(2026, 2026)).to.equal(0); // already there
    expect((await calendarStatus(at('2026-12-01T09:00:00'))).importable).to.deep.equal([]);
    expect(await importChineseDays(2027, 2027)).to.equal(0);
    expect(await importChineseDays(2024, 2024)).to.be.greaterThan(20);
  });

  it('counts deadlines that fall past the known calendar', async () => {
    const before = await beyond();
    await addWorkingDays(at('2026-09-30T10:00:00'), 5); // inside 2026
    expect(await beyond()).to.equal(before);
    await addWorkingDays(at('2026-12-28T10:00:00'), 5); // into January 2027: 元旦 unknown
    expect(await beyond()).to.equal(before + 1);
  });

  it('answers the status to admins over GraphQL and refuses managers', async () => {
    const Q = '{ calendarStatus { warn missing importable today } }';
    const admin = await as(app, 'ADMIN');
    const status = (await admin.gql(Q)).data.calendarStatus;
    expect(status.missing).to.include(Number(status.today.slice(0, 4)) + 1);
    const manager = await as(app, 'MANAGER');
    expect(await manager.code(Q)).to.equal('FORBIDDEN');
  });
});
