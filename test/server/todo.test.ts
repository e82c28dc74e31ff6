import { expect } from 'chai';
import { Types } from 'mongoose';
import { endOfLocalDay, localDate } from '../../common/time.js';
import { FollowUpModel } from '../../server/src/domains/follow-ups/follow-up.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { act, fileComplaint } from '../helpers/complaints.js';
import { makeDepartment, makeRating, makeWindow, staffClient } from '../helpers/fixtures.js';

// The to-do home against a fixture: what each role sees waiting, by group.
const WORK = '{ myWork { key group count link } }';

describe('to-do home (我的待办)', () => {
  let app: TestApp;
  let a: string;
  let b: string;
  let manager: Client;
  let liaison: Client;

  before(async () => {
    app = await startTestApp();
    a = await makeDepartment('TDA');
    b = await makeDepartment('TDB');
    const winA = await makeWindow('B07', a);
    const winB = await makeWindow('T02', b);
    manager = await staffClient(app.url, 'MANAGER');
    liaison = await staffClient(app.url, 'DEPARTMENT', a);
    const now = new Date();
    const later = new Date(now.getTime() + 5 * 86_400_000);
    const followUp = async (department: string, window: string, state: string, dueAt: Date) =>
      FollowUpModel.create({
        rating: new Types.ObjectId(),
        window,
        department,
        level: 'DISSATISFIED',
        ratedAt: now,
        bimonth: '2026-B6',
        state,
        dueAt,
      });
    await followUp(a, winA, 'OPEN', new Date(now.getTime() - 3_600_000)); // overdue
    await followUp(a, winA, 'VERIFIED', endOfLocalDay(localDate(now))); // due today
    await followUp(a, winA, 'CALLED_BACK', later);
    await followUp(a, winA, 'APPEALED', later);
    await followUp(a, winA, 'CLOSED', new Date(now.getTime() - 3_600_000)); // done: nowhere
    await followUp(b, winB, 'OPEN', later);
    await makeRating({ window: winA, department: a, level: 'SATISFIED', at: now, suspect: true });
    const citizen = new Client(app.url);
    await fileComplaint(citizen); // RECEIVED
    const replied = await fileComplaint(citizen);
    const handling = await fileComplaint(citizen);
    for (const c of [replied, handling]) {
      await act(manager, c.id, { action: 'ACCEPT' });
      await act(manager, c.id, { action: 'ASSIGN', departmentId: a });
    }
    await act(liaison, replied.id, { action: 'INVESTIGATE' });
    await act(liaison, replied.id, { action: 'REPLY', note: '已核实整改' });
  });
  after(() => app.close());

  const counts = async (c: Client) =>
    Object.fromEntries(
      ((await c.gql(WORK)).data.myWork as Array<{ key: string; count: number }>).map((w) => [w.key, w.count]),
    );

  it("shows the centre what waits for it and for the departments, all departments' included", async () => {
    expect(await counts(manager)).to.deep.include({
      followUpsDueToday: 1,
      followUpsOverdue: 1,
      followUpsMine: 2, // to close, to decide
      followUpsOthers: 3, // with departments: A's two and B's one
      complaintsToAccept: 1,
      repliesToReview: 1,
      complaintsWithDepartments: 1,
      suspectRatings: 1,
    });
  });

  it('shows a liaison its own department only: its steps as mine, the centre’s as others', async () => {
    expect(await counts(liaison)).to.deep.equal({
      followUpsDueToday: 1,
      followUpsOverdue: 1,
      followUpsMine: 2,
      followUpsOthers: 2,
      complaintsToHandle: 1,
      repliesUnderReview: 1,
      noticesToAcknowledge: 0,
      openAlerts: 0,
    });
    const inspector = await staffClient(app.url, 'INSPECTOR');
    expect((await inspector.gql(WORK)).data.myWork).to.deep.equal([]);
  });
});
