import { expect } from 'chai';
import { Types } from 'mongoose';
import { AuditModel } from '../../server/src/domains/audit/audit.model.js';
import { ComplaintModel } from '../../server/src/domains/complaints/complaint.model.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { ACT, act, DETAIL, FEEDBACK, fileComplaint, PHONE, STATUS } from '../helpers/complaints.js';
import { makeDepartment, makeWindow, staffClient } from '../helpers/fixtures.js';
import type { Role } from '../../common/roles.js';

describe('complaints: handling workflow and access', () => {
  let app: TestApp;
  let citizen: Client;
  let manager: Client;
  let liaison: Client;
  let gsj: string;
  let dsj: string;

  before(async () => {
    app = await startTestApp();
    gsj = await makeDepartment('GSJ', '市工商行政管理局');
    dsj = await makeDepartment('DSJ', '市地方税务局');
    await makeWindow('B07', gsj);
    await makeWindow('C01', dsj);
    citizen = new Client(app.url);
    manager = await as('MANAGER');
    liaison = await as('DEPARTMENT', gsj);
  });
  after(() => app.close());

  const as = (role: Role, dept?: string) => staffClient(app.url, role, dept);

  /** A complaint accepted and assigned to GSJ, ready for its liaison. */
  async function assigned(overrides: Record<string, unknown> = {}) {
    const filed = await fileComplaint(citizen, overrides);
    await act(manager, filed.id, { action: 'ACCEPT' });
    await act(manager, filed.id, { action: 'ASSIGN', departmentId: gsj, note: '请核实窗口人员态度问题' });
    return filed;
  }

  it('goes from filing to closing, with the citizen seeing only the public steps', async () => {
    const { id, trackingCode } = await fileComplaint(citizen);
    expect((await manager.gql(DETAIL, { id })).data.complaint.allowedActions).to.deep.equal(['ACCEPT', 'REJECT']);
    await act(manager, id, { action: 'ACCEPT', note: '已受理' });
    await act(manager, id, { action: 'ASSIGN', departmentId: gsj, note: '内部：请三日内核实' });
    expect((await liaison.gql(DETAIL, { id })).data.complaint.allowedActions).to.deep.equal(['INVESTIGATE']);
    await act(liaison, id, { action: 'INVESTIGATE' });
    await liaison.gql(
      `mutation($id: ID!) { addComplaintNote(id: $id, note: "内部：调取了监控", public: false) { id } }`,
      { id },
    );
    await act(liaison, id, { action: 'REPLY', note: '经核实，已对该工作人员批评教育。' });
    await act(manager, id, { action: 'REVIEW' });
    const closed = await act(manager, id, { action: 'CLOSE', calledBack: true, note: '已电话回访' });
    expect(closed).to.deep.equal({ id, state: 'CLOSED', allowedActions: ['REOPEN'] });

    const detail = (await manager.gql(DETAIL, { id })).data.complaint;
    expect(detail.timeline.map((e: { action: string }) => e.action)).to.deep.equal([
      'SUBMIT',
      'ACCEPT',
      'ASSIGN',
      'INVESTIGATE',
      'NOTE',
      'REPLY',
      'REVIEW',
      'CLOSE',
    ]);
    expect(detail.handlerName).to.equal((await liaison.gql('{ me { displayName } }')).data.me.displayName);
    expect(detail.assignedTo).to.deep.equal({ code: 'GSJ' });

    const status = (await citizen.gql(STATUS, { code: trackingCode, contact: PHONE.slice(-4) })).data.complaintStatus;
    expect(status).to.include({ state: 'CLOSED', expectedBy: null, canGiveFeedback: true });
    expect(status.progress.map((p: { action: string; note: string }) => [p.action, p.note])).to.deep.equal([
      ['SUBMIT', ''],
      ['ACCEPT', '已受理'],
      ['REPLY', '经核实，已对该工作人员批评教育。'],
      ['CLOSE', '已电话回访'],
    ]);
    expect(JSON.stringify(status)).to.not.include('内部');

    // Every step is in the audit log, with who took it.
    const audited = await AuditModel.find({ action: 'actOnComplaint', targetId: id, ok: true }).sort({ at: 1 }).lean();
    expect(audited.map((a) => JSON.parse(a.args!).input.action)).to.deep.equal([
      'ACCEPT',
      'ASSIGN',
      'INVESTIGATE',
      'REPLY',
      'REVIEW',
      'CLOSE',
    ]);
    expect(audited.map((a) => a.role)).to.include('DEPARTMENT');
  });

  it('reopens when the citizen says "not resolved" within the reopen period, and asks again after closing', async () => {
    const { id, trackingCode } = await assigned();
    for (const step of [{ action: 'INVESTIGATE' }, { action: 'REPLY', note: '已整改' }]) await act(liaison, id, step);
    await act(manager, id, { action: 'REVIEW' });
    await act(manager, id, { action: 'CLOSE', calledBack: true });
    const answer = { trackingCode, contact: PHONE.slice(-4), resolved: false, satisfaction: 'DISSATISFIED' };
    const wrong = await citizen.gql(FEEDBACK, { input: { ...answer, contact: '0000' } });
    expect(wrong.errors?.[0]?.extensions?.code).to.equal('NOT_FOUND');
    const res = await citizen.gql(FEEDBACK, { input: answer });
    expect(res.data.giveComplaintFeedback).to.deep.equal({
      state: 'REOPENED',
      canGiveFeedback: false,
      feedback: { resolved: false },
    });
    const doc = (await ComplaintModel.findById(id).lean())!;
    expect(doc.reopenCount).to.equal(1);
    expect(doc.replyDueAt.getTime()).to.be.greaterThan(doc.closedAt!.getTime());
    expect(await AuditModel.countDocuments({ action: 'reopenComplaint', targetId: id, actorName: 'citizen' })).to.equal(
      1,
    );
    expect(await citizen.code(FEEDBACK, { input: answer })).to.equal('INVALID_STATE');

    // The same liaison takes it up again; after the next closing the question is asked anew.
    await act(liaison, id, { action: 'INVESTIGATE' });
    await act(liaison, id, { action: 'REPLY', note: '再次整改' });
    await act(manager, id, { action: 'REVIEW' });
    await act(manager, id, { action: 'CLOSE', calledBack: true });
    const resolved = await citizen.gql(FEEDBACK, { input: { ...answer, resolved: true, satisfaction: 'SATISFIED' } });
    expect(resolved.data.giveComplaintFeedback).to.deep.equal({
      state: 'CLOSED',
      canGiveFeedback: false,
      feedback: { resolved: true },
    });
  });

  it('only records a late "not resolved" once the reopen period is over', async () => {
    const { id, trackingCode } = await assigned();
    await act(liaison, id, { action: 'INVESTIGATE' });
    await act(liaison, id, { action: 'REPLY', note: '答复' });
    await act(manager, id, { action: 'REVIEW' });
    await act(manager, id, { action: 'CLOSE', calledBack: true });
    await ComplaintModel.updateOne({ _id: id }, { closedAt: new Date(Date.now() - 8 * 86_400_000) });
    const res = await citizen.gql(FEEDBACK, {
      input: { trackingCode, contact: PHONE.slice(-4), resolved: false, satisfaction: 'VERY_DISSATISFIED' },
    });
    expect(res.data.giveComplaintFeedback).to.deep.equal({
      state: 'CLOSED',
      canGiveFeedback: false,
      feedback: { resolved: false },
    });
  });

  it('rejects with a public reason, which the reason must be given for', async () => {
    const { id, trackingCode } = await fileComplaint(citizen);
    const noReason = await manager.gql(ACT, { id, input: { action: 'REJECT' } });
    expect(noReason.errors?.[0]?.extensions?.fields).to.deep.equal([{ path: 'note', message: '必填' }]);
    await act(manager, id, { action: 'REJECT', note: '不属于本中心受理范围' });
    const status = (await citizen.gql(STATUS, { code: trackingCode, contact: PHONE.slice(-4) })).data.complaintStatus;
    expect(status.state).to.equal('REJECTED');
    expect(status.progress.at(-1)).to.include({ action: 'REJECT', note: '不属于本中心受理范围' });
  });

  it('refuses steps out of order, and the second of two simultaneous ones', async () => {
    const { id } = await fileComplaint(citizen);
    expect(await manager.code(ACT, { id, input: { action: 'REVIEW' } })).to.equal('INVALID_STATE');
    expect(await manager.code(ACT, { id, input: { action: 'CLOSE', calledBack: true } })).to.equal('INVALID_STATE');
    const both = await Promise.all([
      manager.code(ACT, { id, input: { action: 'ACCEPT' } }),
      manager.code(ACT, { id, input: { action: 'ACCEPT' } }),
    ]);
    expect(both.sort()).to.deep.equal(['INVALID_STATE', undefined].sort());
    const doc = (await ComplaintModel.findById(id).lean())!;
    expect(doc.timeline.filter((e) => e.action === 'ACCEPT')).to.have.length(1);
  });

  it('will not close a named complaint before the citizen is called back', async () => {
    const { id } = await assigned();
    await act(liaison, id, { action: 'INVESTIGATE' });
    await act(liaison, id, { action: 'REPLY', note: '答复' });
    await act(manager, id, { action: 'REVIEW' });
    const res = await manager.gql(ACT, { id, input: { action: 'CLOSE', calledBack: false } });
    expect(res.errors?.[0]?.extensions?.fields?.[0]?.path).to.equal('calledBack');
    expect((await ComplaintModel.findById(id).lean())!.state).to.equal('REVIEWED');
  });

  it("keeps a liaison to its department's assigned complaints and to the handler's steps", async () => {
    const { id } = await assigned();
    const unassigned = await fileComplaint(citizen);
    const otherLiaison = await as('DEPARTMENT', dsj);
    // Another department's liaison, and any liaison before assignment, are refused by id.
    expect(await otherLiaison.code(DETAIL, { id })).to.equal('FORBIDDEN');
    expect(await otherLiaison.code(ACT, { id, input: { action: 'INVESTIGATE' } })).to.equal('FORBIDDEN');
    expect(await liaison.code(DETAIL, { id: unassigned.id })).to.equal('FORBIDDEN');
    const inbox = await liaison.gql('{ complaints(pageSize: 100) { items { id } } }');
    const ids = inbox.data.complaints.items.map((c: { id: string }) => c.id);
    expect(ids).to.include(id).and.not.include(unassigned.id);
    const foreign = await otherLiaison.gql(`query($d: ID) { complaints(departmentId: $d) { total } }`, { d: gsj });
    expect(foreign.data.complaints.total).to.equal(0);
    // The center's steps are not the liaison's.
    expect(await liaison.code(ACT, { id, input: { action: 'ASSIGN', departmentId: gsj } })).to.equal('FORBIDDEN');
    expect(await liaison.code(ACT, { id: unassigned.id, input: { action: 'ACCEPT' } })).to.equal('FORBIDDEN');
    expect(
      await liaison.code('mutation($id: ID!) { linkComplaint(id: $id, duplicateOfId: null) { id } }', { id }),
    ).to.equal('FORBIDDEN');
  });

  it('keeps inspectors and visitors out of complaints', async () => {
    const { id } = await fileComplaint(citizen);
    const inspector = await as('INSPECTOR');
    expect(await inspector.code('{ complaints { total } }')).to.equal('FORBIDDEN');
    expect(await inspector.code(DETAIL, { id })).to.equal('FORBIDDEN');
    expect(await inspector.code('{ complaintStats { total } }')).to.equal('FORBIDDEN');
    expect(await new Client(app.url).code(DETAIL, { id })).to.equal('UNAUTHENTICATED');
    expect(await new Client(app.url).code(ACT, { id, input: { action: 'ACCEPT' } })).to.equal('UNAUTHENTICATED');
  });

  it('shows the phone in full only to managers and the liaison handling it', async () => {
    const { id } = await assigned({ phone: '13511112222' });
    const colleague = await as('DEPARTMENT', gsj);
    const phoneOf = async (c: Client) => (await c.gql(DETAIL, { id })).data.complaint.phone;
    expect(await phoneOf(manager)).to.equal('13511112222');
    expect(await phoneOf(liaison)).to.equal('135****2222');
    await act(liaison, id, { action: 'INVESTIGATE' });
    expect(await phoneOf(liaison)).to.equal('13511112222');
    expect(await phoneOf(colleague)).to.equal('135****2222');
  });

  it('exports the inbox without personal data unless an admin asks, and audits it', async () => {
    await fileComplaint(citizen, { phone: '13733334444', name: '赵先生' });
    const csv = (c: Client, q = '') => fetch(`${app.url}/api/complaints.csv${q}`, { headers: { cookie: c.cookie! } });
    const plain = await csv(manager);
    expect(plain.status).to.equal(200);
    expect(plain.headers.get('content-type')).to.include('text/csv');
    const text = await plain.text();
    expect(text).to.include('投诉编号').and.not.include('13733334444').and.not.include('赵先生');
    expect((await csv(manager, '?personal=1')).status).to.equal(403);
    const admin = await as('ADMIN');
    const personal = await (await csv(admin, '?personal=1')).text();
    expect(personal).to.include('13733334444').and.include('赵先生');
    const entries = await AuditModel.find({ action: 'exportComplaints' }).lean();
    expect(entries.map((e) => JSON.parse(e.args!).personal).sort()).to.deep.equal([false, true]);
    // A liaison's export holds its own assigned complaints only.
    await assigned({ description: '已交办工商局的投诉' });
    await fileComplaint(citizen, { description: '尚未交办的投诉' });
    const liaisonCsv = await (await csv(liaison)).text();
    expect(liaisonCsv).to.include('已交办工商局的投诉').and.not.include('尚未交办的投诉');
    expect(
      (await fetch(`${app.url}/api/complaints.csv?state=NOPE`, { headers: { cookie: manager.cookie! } })).status,
    ).to.equal(400);
  });

  it('finds a complaint by its code however it is typed, or by words of its text', async () => {
    const { id, trackingCode } = await fileComplaint(citizen, { description: '叫号机坏了没人修' });
    const SEARCH = `query($q: String) { complaints(search: $q) { total items { id } } }`;
    const loose = trackingCode.toLowerCase().replace(/-/g, ' ');
    expect((await manager.gql(SEARCH, { q: loose })).data.complaints).to.deep.equal({ total: 1, items: [{ id }] });
    expect((await manager.gql(SEARCH, { q: '叫号机' })).data.complaints.items).to.deep.equal([{ id }]);
    expect((await manager.gql(SEARCH, { q: '.*' })).data.complaints.total).to.equal(0);
  });

  it('keeps internal notes off the tracking page and shows public ones', async () => {
    const { id, trackingCode } = await assigned();
    const NOTE = `mutation($id: ID!, $n: String!, $p: Boolean!) { addComplaintNote(id: $id, note: $n, public: $p) { id } }`;
    await liaison.gql(NOTE, { id, n: '内部备注：当事人已调岗', p: false });
    await manager.gql(NOTE, { id, n: '我们正在核实，请耐心等待', p: true });
    const status = (await citizen.gql(STATUS, { code: trackingCode, contact: PHONE.slice(-4) })).data.complaintStatus;
    const notes = status.progress.map((p: { note: string }) => p.note);
    expect(notes).to.include('我们正在核实，请耐心等待').and.not.include('内部备注：当事人已调岗');
    expect(await liaison.code(NOTE, { id, n: ' ', p: false })).to.equal('VALIDATION_FAILED');
  });

  it('suggests possible duplicates and links them to the original', async () => {
    const first = await fileComplaint(citizen, { windowCode: 'C01', category: 'EFFICIENCY' });
    const second = await fileComplaint(citizen, { windowCode: 'C01', category: 'EFFICIENCY' });
    const otherCategory = await fileComplaint(citizen, { windowCode: 'C01', category: 'ENVIRONMENT' });
    const DUPS = `query($id: ID!) { complaint(id: $id) { possibleDuplicates { id } duplicates { id } duplicateOf { id } } }`;
    const LINK = `mutation($id: ID!, $of: ID) { linkComplaint(id: $id, duplicateOfId: $of) { id } }`;
    const suggested = (await manager.gql(DUPS, { id: second.id })).data.complaint.possibleDuplicates.map(
      (c: { id: string }) => c.id,
    );
    expect(suggested).to.include(first.id).and.not.include(otherCategory.id).and.not.include(second.id);

    expect((await manager.gql(LINK, { id: second.id, of: first.id })).errors).to.equal(undefined);
    const original = (await manager.gql(DUPS, { id: first.id })).data.complaint;
    expect(original.duplicates).to.deep.equal([{ id: second.id }]);
    expect((await manager.gql(DUPS, { id: second.id })).data.complaint.duplicateOf).to.deep.equal({ id: first.id });
    // Links point at the original, never along a chain, and never at itself.
    expect(await manager.code(LINK, { id: otherCategory.id, of: second.id })).to.equal('INVALID_STATE');
    expect(await manager.code(LINK, { id: first.id, of: otherCategory.id })).to.equal('INVALID_STATE');
    expect(await manager.code(LINK, { id: first.id, of: first.id })).to.equal('VALIDATION_FAILED');
    // Linked ones are no longer suggested, nor are those filed more than 7 days apart.
    const third = await fileComplaint(citizen, { windowCode: 'C01', category: 'EFFICIENCY' });
    const forThird = async () => (await manager.gql(DUPS, { id: third.id })).data.complaint.possibleDuplicates;
    expect(await forThird()).to.deep.equal([{ id: first.id }]);
    // createdAt is immutable through mongoose, as it should be; the test moves it underneath.
    await ComplaintModel.collection.updateOne(
      { _id: new Types.ObjectId(first.id) },
      { $set: { createdAt: new Date(Date.now() - 8 * 86_400_000) } },
    );
    expect(await forThird()).to.deep.equal([]);
  });
});
