import { expect } from 'chai';
import { Types } from 'mongoose';
import { addWorkingDays, importChineseDays } from '../../server/src/domains/calendar/calendar.service.js';
import { complaintSettings, deadlinesFor } from '../../server/src/domains/complaints/complaint.deadlines.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { act, DETAIL, fileComplaint, SUBMIT, complaintInput } from '../helpers/complaints.js';
import { makeDepartment, makeWindow, staffClient } from '../helpers/fixtures.js';
import type { Role } from '../../common/roles.js';

const at = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => at(local).toISOString();
const past = () => new Date(Date.now() - 3600_000);

describe('complaints: deadlines, escalation and the dashboard', () => {
  let app: TestApp;
  let citizen: Client;
  let admin: Client;
  let manager: Client;
  let gsj: string;

  before(async () => {
    app = await startTestApp();
    await importChineseDays(2026, 2026);
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    await makeWindow('B07', gsj);
    citizen = new Client(app.url);
    admin = await as('ADMIN');
    manager = await as('MANAGER');
  });
  after(() => app.close());

  const as = (role: Role, dept?: string) => staffClient(app.url, role, dept);

  it('counts 1 working day to accept and 5 to answer, across holidays and make-up days', async () => {
    // Wed 30 Sep: 1–7 Oct is National Day; Sat 10 Oct is a make-up working day (调休).
    const national = await deadlinesFor(at('2026-09-30T10:00:00'));
    expect(national.acceptDueAt.toISOString()).to.equal(iso('2026-10-08T23:59:59.999'));
    expect(national.replyDueAt.toISOString()).to.equal(iso('2026-10-13T23:59:59.999'));
    // Filed on a Saturday evening: the next working day is Monday; 28, 29, 30 Sep, 8, 9 Oct.
    const weekend = await deadlinesFor(at('2026-09-26T20:00:00'));
    expect(weekend.acceptDueAt.toISOString()).to.equal(iso('2026-09-28T23:59:59.999'));
    expect(weekend.replyDueAt.toISOString()).to.equal(iso('2026-10-09T23:59:59.999'));
  });

  it('lets an admin change the deadlines for complaints filed afterwards', async () => {
    const SET = `mutation($input: ComplaintSettingsInput!) { updateComplaintSettings(input: $input) { acceptDays replyDays reopenDays } }`;
    expect(await manager.code(SET, { input: { replyDays: 3 } })).to.equal('FORBIDDEN');
    const bad = await admin.gql(SET, { input: { replyDays: 0, acceptDays: -1 } });
    expect((bad.errors![0]!.extensions!.fields as Array<{ path: string }>).map((f) => f.path).sort()).to.deep.equal([
      'acceptDays',
      'replyDays',
    ]);
    const acceptAfterReply = await admin.gql(SET, { input: { acceptDays: 6 } });
    expect(acceptAfterReply.errors?.[0]?.extensions?.fields).to.deep.equal([
      { path: 'acceptDays', message: '不能晚于答复时间' },
    ]);
    const ok = await admin.gql(SET, { input: { replyDays: 3 } });
    expect(ok.data.updateComplaintSettings).to.deep.equal({ acceptDays: 1, replyDays: 3, reopenDays: 7 });
    try {
      const now = new Date();
      const res = await citizen.gql(SUBMIT, { input: complaintInput() });
      expect(res.data.submitComplaint.expectedBy).to.equal((await addWorkingDays(now, 3)).toISOString());
    } finally {
      await complaintSettings.update({ replyDays: 5 }, null);
    }
  });

  it('flags a complaint past a deadline and lists it under "overdue" for managers', async () => {
    const { id } = await fileComplaint(citizen);
    const OVERDUE = `{ complaints(overdue: true) { items { id overdue } } complaintsOverdue }`;
    expect((await manager.gql(DETAIL, { id })).data.complaint.overdue).to.equal(null);
    await ComplaintModel.updateOne({ _id: id }, { acceptDueAt: past() });
    const listed = (await manager.gql(OVERDUE)).data;
    expect(listed.complaints.items).to.deep.equal([{ id, overdue: 'ACCEPT' }]);
    expect(listed.complaintsOverdue).to.equal(1);

    // Accepted late it is no longer late to accept; the answer is due later still.
    await act(manager, id, { action: 'ACCEPT' });
    expect((await manager.gql(OVERDUE)).data.complaintsOverdue).to.equal(0);
    await ComplaintModel.updateOne({ _id: id }, { replyDueAt: past() });
    expect((await manager.gql(OVERDUE)).data.complaints.items).to.deep.equal([{ id, overdue: 'REPLY' }]);

    await act(manager, id, { action: 'ASSIGN', departmentId: gsj });
    await act(manager, id, { action: 'INVESTIGATE' });
    await act(manager, id, { action: 'REPLY', note: '迟到的答复' });
    const detail = (await manager.gql(DETAIL, { id })).data.complaint;
    expect(detail).to.include({ overdue: null, repliedOnTime: false });
  });

  it('sums up complaints by category, reply punctuality and handling time', async () => {
    const zjw = await makeDepartment('ZJW', '市住房和城乡建设委员会');
    await makeWindow('D01', zjw);
    const onTime = await fileComplaint(citizen, { windowCode: 'D01', category: 'ATTITUDE' });
    const late = await fileComplaint(citizen, { windowCode: 'D01', category: 'ATTITUDE' });
    await fileComplaint(citizen, { windowCode: 'D01', category: 'ENVIRONMENT' });
    for (const c of [onTime, late]) {
      await act(manager, c.id, { action: 'ACCEPT' });
      await act(manager, c.id, { action: 'ASSIGN', departmentId: zjw });
      await act(manager, c.id, { action: 'INVESTIGATE' });
    }
    await ComplaintModel.updateOne({ _id: late.id }, { replyDueAt: past() });
    for (const c of [onTime, late]) await act(manager, c.id, { action: 'REPLY', note: '答复' });
    await act(manager, onTime.id, { action: 'REVIEW' });
    await act(manager, onTime.id, { action: 'CLOSE', calledBack: true });
    // Filed two days before it was closed.
    const closedAt = (await ComplaintModel.findById(onTime.id).lean())!.closedAt!;
    await ComplaintModel.collection.updateOne(
      { _id: new Types.ObjectId(onTime.id) },
      { $set: { createdAt: new Date(closedAt.getTime() - 2 * 86_400_000) } },
    );

    const STATS = `query($d: ID) { complaintStats(departmentId: $d) {
      total open overdue closed repliesDue repliedOnTime onTimeReplyRate averageHandlingDays
      byCategory { category count } byDepartment { name count }
    } }`;
    const s = (await manager.gql(STATS, { d: zjw })).data.complaintStats;
    expect(s).to.include({
      total: 3,
      open: 2,
      overdue: 0,
      closed: 1,
      repliesDue: 2,
      repliedOnTime: 1,
      onTimeReplyRate: 0.5,
    });
    expect(s.averageHandlingDays).to.be.closeTo(2, 0.001);
    expect(s.byCategory.filter((c: { count: number }) => c.count)).to.deep.equal([
      { category: 'ATTITUDE', count: 2 },
      { category: 'ENVIRONMENT', count: 1 },
    ]);
    expect(s.byDepartment).to.deep.equal([{ name: '市住房和城乡建设委员会', count: 3 }]);

    // The department's liaison sees the figures of what was assigned to it.
    const liaison = await as('DEPARTMENT', zjw);
    const own = (await liaison.gql(STATS, {})).data.complaintStats;
    expect(own).to.include({ total: 2, closed: 1 });
  });
});
